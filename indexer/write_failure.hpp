/**
 * @file
 * @brief A failure of the database itself while writing, in words: a full disk said plainly.
 */
#pragma once

#include <xapian.h>

#include "common/error.hpp"

namespace lede {

/// The database could not be written because its disk (or the process's file size limit) is
/// full; what the last commit holds is intact.
class DiskFull : public Error {
 public:
  using Error::Error;
};

/// The error to throw for a failed write: DiskFull "cannot write to the database: the disk is
/// full (No space left on device)" when Xapian reports ENOSPC, EDQUOT or EFBIG as the system
/// error of the write that failed, else Error "cannot write to the database: DESCRIPTION".
/// @see https://xapian.org/docs/apidoc/html/classXapian_1_1Error.html (get_error_string)
[[noreturn]] void throw_write_failure(const Xapian::Error& e);

}  // namespace lede

#include "indexer/write_failure.hpp"

#include <cerrno>
#include <cstring>
#include <string>

namespace lede {

void throw_write_failure(const Xapian::Error& e) {
  const std::string system_error = e.get_error_string() ? e.get_error_string() : "";
  for (const int full : {ENOSPC, EDQUOT, EFBIG}) {
    if (system_error == std::strerror(full)) {
      throw DiskFull("cannot write to the database: the disk is full (" + system_error + ")");
    }
  }
  throw Error("cannot write to the database: " + e.get_description());
}

}  // namespace lede

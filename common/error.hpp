/**
 * @file
 * @brief lede's error type: a message fit to print after "lede-index: " or "lede-query: ".
 */
#pragma once

#include <stdexcept>
#include <string>

namespace lede {

/// An error a user can act on. The message names the file, URL or database and what was
/// wrong; it never carries a stack trace or a library's class name.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace lede

/**
 * @file
 * @brief What every lede-index subcommand shares: the global options and the exit codes.
 */
#pragma once

#include <iostream>
#include <string>

namespace lede::cli {

struct GlobalOptions {
  std::string db;
  bool quiet = false;
  bool json = false;
  std::string language = "en";
  std::string wait;  ///< --wait: "" not at all, "forever", or seconds (see open_writer.hpp)
};

inline constexpr int exit_ok = 0;
inline constexpr int exit_incomplete = 1;
inline constexpr int exit_fatal = 2;
inline constexpr int exit_interrupted = 130;

/// "lede-index: MESSAGE" on stderr.
inline void print_error(const std::string& message) {
  std::cerr << "lede-index: " << message << "\n";
}

}  // namespace lede::cli

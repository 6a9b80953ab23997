// Where tests find their data, and an honest skip when ../shared is absent.
#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace lede::test {

inline std::filesystem::path source_dir() {
  return LEDE_SOURCE_DIR;
}
inline std::filesystem::path binary_dir() {
  return LEDE_BINARY_DIR;
}
inline std::filesystem::path fixtures_dir() {
  return source_dir() / "tests" / "fixtures";
}
inline std::filesystem::path shared_dir() {
  return LEDE_SHARED_DIR;
}

/// A path under ../shared; the calling test is skipped with a message when it is absent.
#define LEDE_REQUIRE_SHARED(var, relative)                                               \
  const std::filesystem::path var = ::lede::test::shared_dir() / (relative);             \
  if (!std::filesystem::exists(var)) {                                                   \
    GTEST_SKIP() << "skipped: " << var.string() << " is absent (needs ../shared beside " \
                 << "the repository)";                                                   \
  }

}  // namespace lede::test

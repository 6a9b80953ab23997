#include "tests/support/temp_dir.hpp"

#include <stdexcept>

#include <stdlib.h>

namespace lede::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "lede-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace lede::test

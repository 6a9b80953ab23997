/**
 * @file
 * @brief A fresh folder under $TMPDIR, removed with everything in it when the benchmark ends.
 */
#pragma once

#include <filesystem>

namespace lede::bench {

class TemporaryFolder {
 public:
  TemporaryFolder();  ///< throws lede::Error when it cannot be created
  ~TemporaryFolder();
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Bytes of a file, or of all regular files under a folder.
std::uintmax_t bytes_on_disk(const std::filesystem::path& path);

}  // namespace lede::bench

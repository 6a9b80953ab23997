#include "common/interrupted_creation.hpp"

#include <filesystem>

namespace lede {

namespace fs = std::filesystem;

bool discard_interrupted_creation(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec) || fs::exists(fs::path(path) / "iamglass", ec) ||
      fs::exists(fs::path(path) / "XAPIANDB", ec)) {
    return false;
  }
  bool removed = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    const fs::path& file = entry.path();
    if (file.extension() == ".glass" || file.filename() == "v.tmp") {
      removed |= fs::remove(file, ec);
    }
  }
  return removed;
}

}  // namespace lede

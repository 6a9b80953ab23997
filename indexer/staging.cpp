#include "indexer/staging.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include "common/error.hpp"

namespace lede::staging {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view staging_prefix = "staging-";

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The files of a glass database (xapian-core/backends/glass): its tables and version file.
bool is_glass_file(const std::string& name) {
  return name == "iamglass" || name == "iamglass.tmp" ||
         (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0);
}

void fsync_or_throw(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw Error(path.string() + ": cannot open to flush: " + std::strerror(errno));
  const int result = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (result != 0) throw Error(path.string() + ": cannot flush to disk: " + std::strerror(saved));
}

void remove_or_throw(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) throw Error(path.string() + ": cannot remove: " + ec.message());
}

}  // namespace

fs::path directory(const fs::path& db, unsigned number) {
  const std::string generation = generation::directory_name(number);  // "gen-000004"
  return db / (std::string(staging_prefix) + generation.substr(generation.find('-') + 1));
}

std::vector<fs::path> remove_leftovers(const fs::path& db, const generation::Layout& live) {
  using Kind = generation::Layout::Kind;
  std::vector<fs::path> removed;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(db, ec)) {
    const std::string name = entry.path().filename().string();
    const bool folder = entry.is_directory(ec);
    const std::optional<unsigned> number = generation::parse_directory_name(name);
    const bool stale =
        (folder && starts_with(name, staging_prefix)) ||
        (folder && number && !(live.kind == Kind::generations && *number == live.number)) ||
        name == std::string(generation::stub_file_name) + ".tmp" ||
        // A plain database ignores a stub beside it; one left by a switch that did not finish
        // would name a generation removed above.
        (live.kind == Kind::plain && name == generation::stub_file_name) ||
        // The files of a plain database whose switch finished but whose retirement did not.
        (live.kind == Kind::generations && !folder && is_glass_file(name));
    if (!stale) continue;
    remove_or_throw(entry.path());
    removed.push_back(entry.path());
  }
  if (ec) throw Error(db.string() + ": cannot list: " + ec.message());
  return removed;
}

void flush_to_disk(const fs::path& database_folder) {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(database_folder, ec)) {
    if (entry.is_regular_file(ec)) fsync_or_throw(entry.path(), O_RDONLY);
  }
  if (ec) throw Error(database_folder.string() + ": cannot list: " + ec.message());
  fsync_or_throw(database_folder, O_RDONLY | O_DIRECTORY);
}

void retire(const fs::path& db, const generation::Layout& old, const fs::path& staging) {
  using Kind = generation::Layout::Kind;
  if (old.kind == Kind::generations) {
    const fs::path retired = staging / ("retired-" + old.directory.filename().string());
    if (::rename(old.directory.c_str(), retired.c_str()) != 0) {
      throw Error(old.directory.string() + ": cannot retire: " + std::strerror(errno));
    }
    remove_or_throw(retired);
    return;
  }
  if (old.kind != Kind::plain) return;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(db, ec)) {
    if (!entry.is_directory(ec) && is_glass_file(entry.path().filename().string())) {
      files.push_back(entry.path());
    }
  }
  if (ec) throw Error(db.string() + ": cannot list: " + ec.message());
  std::stable_partition(files.begin(), files.end(),
                        [](const fs::path& file) { return file.filename() == "postlist.glass"; });
  for (const fs::path& file : files) remove_or_throw(file);
}

std::uintmax_t database_bytes(const fs::path& database_folder) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(database_folder, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

Workspace::Workspace(const fs::path& db, unsigned number)
    : staging_(directory(db, number)), generation_(db / generation::directory_name(number)) {
  std::error_code ec;
  fs::create_directory(staging_, ec);
  if (ec) throw Error(staging_.string() + ": cannot create: " + ec.message());
}

Workspace::~Workspace() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
  if (!keep_generation_) fs::remove_all(generation_, ec);
}

}  // namespace lede::staging

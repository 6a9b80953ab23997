#include "common/generation.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "common/error.hpp"

namespace lede::generation {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view directory_prefix = "gen-";

// The one `auto NAME` line of a stub written by switch_to; comments and blank lines are skipped
// as Xapian's own stub reader skips them. Anything else is not ours.
std::optional<std::string> stub_target(const fs::path& stub) {
  std::ifstream in(stub);
  if (!in) return std::nullopt;
  std::optional<std::string> target;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string type, name, extra;
    words >> type >> name;
    if (type != "auto" || name.empty() || (words >> extra) || target) return std::nullopt;
    target = name;
  }
  return target;
}

[[noreturn]] void fail(const fs::path& path, const std::string& what) {
  throw Error(path.string() + ": " + what + ": " + std::strerror(errno));
}

void fsync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open to flush");
  const int result = ::fsync(fd);
  ::close(fd);
  if (result != 0) fail(path, "cannot flush to disk");
}

void write_durably(const fs::path& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot create");
  const bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) &&
                  ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  errno = saved;
  if (!ok) fail(path, "cannot write");
}

}  // namespace

std::string directory_name(unsigned number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "gen-%06u", number);
  return buffer;
}

std::optional<unsigned> parse_directory_name(std::string_view name) {
  if (name.substr(0, directory_prefix.size()) != directory_prefix) return std::nullopt;
  const std::string_view digits = name.substr(directory_prefix.size());
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  unsigned number = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + static_cast<unsigned>(c - '0');
  }
  return number;
}

Layout resolve(const fs::path& db) {
  std::error_code ec;
  const fs::file_status status = fs::status(db, ec);
  if (!fs::exists(status)) return {Layout::Kind::none, db, 0};
  if (!fs::is_directory(status)) return {Layout::Kind::other, db, 0};
  if (fs::exists(db / "iamglass", ec)) return {Layout::Kind::plain, db, 0};
  const fs::path stub = db / stub_file_name;
  if (!fs::exists(stub, ec)) {
    return {fs::is_empty(db, ec) ? Layout::Kind::none : Layout::Kind::other, db, 0};
  }
  const std::optional<std::string> target = stub_target(stub);
  const std::optional<unsigned> number =
      target ? parse_directory_name(*target) : std::optional<unsigned>{};
  if (!number) return {Layout::Kind::other, db, 0};
  return {Layout::Kind::generations, db / *target, *number};
}

void switch_to(const fs::path& db, unsigned number) {
  const fs::path stub = db / stub_file_name;
  fs::path staged = stub;
  staged += ".tmp";
  write_durably(staged,
                "# lede: the live generation of this database; lede-index rebuild and compact "
                "replace this file (docs/rebuild.md)\nauto " +
                    directory_name(number) + "\n");
  if (::rename(staged.c_str(), stub.c_str()) != 0) fail(stub, "cannot switch the database");
  fsync_path(db, O_RDONLY | O_DIRECTORY);
  // A plain folder's own database is what Xapian opens while `iamglass` exists.
  const fs::path version_file = db / "iamglass";
  if (::unlink(version_file.c_str()) != 0 && errno != ENOENT) {
    fail(version_file, "cannot retire the plain database");
  }
  fsync_path(db, O_RDONLY | O_DIRECTORY);
}

}  // namespace lede::generation

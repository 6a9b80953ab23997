#include "common/writer_lock.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "common/error.hpp"

namespace lede {

namespace fs = std::filesystem;

namespace {

constexpr const char* lock_file_name = "lede-writer.lock";
constexpr auto poll_interval = std::chrono::milliseconds(100);

// The whole file, write-locked: the one lock every writer asks for.
struct flock whole_file(short type) {
  struct flock lock {};
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0;
  lock.l_len = 0;
  return lock;
}

// The pid the file says, for when the kernel cannot name the holder (it reports 0 for a
// process in another pid namespace).
pid_t pid_written_in(int fd) {
  char buffer[32] = {};
  const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0) return 0;
  const long pid = std::strtol(buffer, nullptr, 10);
  return pid > 0 ? static_cast<pid_t>(pid) : 0;
}

// The process holding a conflicting lock on `fd`'s file, 0 when none (it may just have ended),
// -1 when one does but it cannot be named.
pid_t holder_of(int fd) {
  struct flock probe = whole_file(F_WRLCK);
  if (fcntl(fd, F_GETLK, &probe) != 0 || probe.l_type == F_UNLCK) return 0;
  if (probe.l_pid > 0) return probe.l_pid;
  const pid_t written = pid_written_in(fd);
  return written > 0 ? written : -1;
}

std::string held_message(const std::string& db_path, pid_t holder) {
  const std::string who = holder > 0 ? " (pid " + std::to_string(holder) + ")" : "";
  return db_path + ": database is being written by another lede-index" + who +
         "; wait for it with --wait, or try again when it has finished";
}

}  // namespace

std::string writer_lock_path(const std::string& db_path) {
  std::error_code ec;
  if (fs::is_regular_file(db_path, ec)) return db_path + "." + lock_file_name;
  return (fs::path(db_path) / lock_file_name).string();
}

pid_t writer_lock_holder(const std::string& db_path) {
  const int fd = open(writer_lock_path(db_path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  const pid_t holder = holder_of(fd);
  close(fd);
  return holder;
}

WriterLock WriterLock::acquire(const std::string& db_path, const Wait& wait) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) fs::create_directories(db_path, ec);
  const std::string path = writer_lock_path(db_path);
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(path + ": cannot open the writer lock: " + std::strerror(errno));
  WriterLock lock(fd);  // closes the file on every way out

  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(wait.seconds);
  bool announced = false;
  for (;;) {
    struct flock request = whole_file(F_WRLCK);
    if (fcntl(fd, F_SETLK, &request) == 0) break;
    if (errno != EACCES && errno != EAGAIN) {
      throw Error(path + ": cannot take the writer lock: " + std::strerror(errno));
    }
    const pid_t holder = holder_of(fd);
    if (holder == 0) continue;  // released between the two calls: ask again
    if (wait.seconds == 0 || (wait.seconds > 0 && std::chrono::steady_clock::now() >= deadline)) {
      throw Error(held_message(db_path, holder));
    }
    if (!announced && wait.on_wait) wait.on_wait(holder);
    announced = true;
    if (wait.should_stop && wait.should_stop()) throw Interrupted{};
    std::this_thread::sleep_for(poll_interval);
  }
  // For people reading the file; the lock itself is the kernel's record, never this text.
  const std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) == 0) {
    [[maybe_unused]] const ssize_t written = pwrite(fd, pid.data(), pid.size(), 0);
  }
  return lock;
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace lede

/**
 * @file
 * @brief One writer per database, and who it is: a lock file beside Xapian's own lock that
 *        names the process holding it.
 *
 * Xapian refuses a second WritableDatabase with DatabaseLockError, which does not say who holds
 * the lock. lede-index takes this lock first: a POSIX record lock (fcntl F_SETLK) on
 * `lede-writer.lock`, whose holder the kernel reports with F_GETLK. The pid also written into the
 * file is for people reading it; it is never trusted, so a file left by a killed writer (a stale
 * pid) changes nothing: the kernel drops a record lock when its process ends, however it ends.
 * @see https://man7.org/linux/man-pages/man2/fcntl.2.html (Advisory record locking)
 */
#pragma once

#include <functional>
#include <string>

#include <sys/types.h>

namespace lede {

/// Where the lock of database `db_path` lives: inside the database folder (created if missing),
/// or beside a stub file ("PATH.lede-writer.lock").
std::string writer_lock_path(const std::string& db_path);

/// The process holding the writer lock of `db_path`, or 0 when none does.
pid_t writer_lock_holder(const std::string& db_path);

/// How long WriterLock::acquire() waits for another writer to finish.
struct WriterWait {
  double seconds = 0;  ///< 0: not at all; < 0: as long as it takes
  /// Polled while waiting; true gives up (Ctrl-C) and acquire() throws Interrupted.
  std::function<bool()> should_stop;
  /// Called once when acquire() starts waiting, with the holder's pid.
  std::function<void(pid_t)> on_wait;
};

class WriterLock {
 public:
  using Wait = WriterWait;

  /// Thrown by acquire() when should_stop ended the wait.
  struct Interrupted {};

  /// Takes the lock of `db_path`, creating the database folder if needed. Throws lede::Error
  /// "PATH: database is being written by another lede-index (pid N)" when another process holds
  /// it after the wait.
  static WriterLock acquire(const std::string& db_path, const Wait& wait = {});

  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&&) = delete;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  /// Releases the lock (closing the file releases a record lock).
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace lede

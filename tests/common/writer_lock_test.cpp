// The writer lock names the process holding it, survives a stale pid file, and waits when asked.
// Record locks belong to processes, so the other writer here is a forked child.
#include "common/writer_lock.hpp"

#include <chrono>
#include <fstream>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/error.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

// A child process that takes the lock and holds it until killed.
class OtherWriter {
 public:
  explicit OtherWriter(const std::string& db) {
    int ready[2];
    if (pipe(ready) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      close(ready[0]);
      try {
        const WriterLock lock = WriterLock::acquire(db);
        [[maybe_unused]] const ssize_t n = write(ready[1], "y", 1);
        pause();
      } catch (...) {
      }
      _exit(1);
    }
    close(ready[1]);
    char byte = 0;
    const bool locked = read(ready[0], &byte, 1) == 1;
    close(ready[0]);
    if (!locked) throw std::runtime_error("the other writer could not take the lock");
  }
  ~OtherWriter() { stop(); }
  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);  // the way a crashed writer ends: the kernel drops its lock
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

std::string acquire_error(const std::string& db, const WriterLock::Wait& wait = {}) {
  try {
    const WriterLock lock = WriterLock::acquire(db, wait);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(WriterLock, ASecondWriterIsToldWhichProcessWrites) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  OtherWriter other(db);
  EXPECT_EQ(writer_lock_holder(db), other.pid());
  EXPECT_EQ(acquire_error(db), db + ": database is being written by another lede-index (pid " +
                                   std::to_string(other.pid()) +
                                   "); wait for it with --wait, or try again when it has finished");
  other.stop();
  EXPECT_EQ(writer_lock_holder(db), 0);
  EXPECT_EQ(acquire_error(db), "");
}

TEST(WriterLock, AStalePidFileChangesNothing) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  std::filesystem::create_directories(db);
  // Left by a writer that was killed: its pid, and a pid that may since belong to anyone.
  std::ofstream(writer_lock_path(db)) << "1\n";
  EXPECT_EQ(writer_lock_holder(db), 0);
  {
    const WriterLock lock = WriterLock::acquire(db);
    std::ifstream in(writer_lock_path(db));
    std::string written;
    std::getline(in, written);
    EXPECT_EQ(written, std::to_string(getpid()));  // for people reading the file
  }
}

TEST(WriterLock, WaitingGivesUpAtTheDeadlineOrWhenStopped) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  OtherWriter other(db);
  WriterLock::Wait wait;
  wait.seconds = 0.3;
  pid_t announced = 0;
  wait.on_wait = [&](pid_t holder) { announced = holder; };
  EXPECT_NE(acquire_error(db, wait).find("(pid " + std::to_string(other.pid()) + ")"),
            std::string::npos);
  EXPECT_EQ(announced, other.pid());

  wait.seconds = -1;  // as long as it takes, until Ctrl-C
  wait.should_stop = [] { return true; };
  EXPECT_THROW(WriterLock::acquire(db, wait), WriterLock::Interrupted);
}

TEST(WriterLock, AWaitingWriterGetsTheLockWhenTheOtherEnds) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  OtherWriter other(db);
  WriterLock::Wait wait;
  wait.seconds = -1;
  int polls = 0;
  wait.should_stop = [&] {
    if (++polls == 3) other.stop();  // the other writer finishes while this one waits
    return false;
  };
  const WriterLock lock = WriterLock::acquire(db, wait);
  EXPECT_GE(polls, 3);
}

TEST(WriterLock, BesideAStubFileAndInsideAFolder) {
  test::TempDir dir;
  std::ofstream(dir / "stub") << "auto shard\n";
  EXPECT_EQ(writer_lock_path((dir / "stub").string()),
            (dir / "stub").string() + ".lede-writer.lock");
  EXPECT_EQ(writer_lock_path((dir / "db").string()), (dir / "db/lede-writer.lock").string());
}

}  // namespace
}  // namespace lede

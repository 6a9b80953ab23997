// A real executable started in the background, to be killed at a chosen moment (crash tests);
// its output goes to a file. (run_process.hpp's ChildProcess is the one that captures output.)
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace lede::test {

class BackgroundProcess {
 public:
  /// Starts argv[0] (a path) with argv; its stdout and stderr go to `output` (appended), or
  /// nowhere. Never uses a shell.
  explicit BackgroundProcess(const std::vector<std::string>& argv,
                             const std::filesystem::path& output = "/dev/null");
  /// Kills (SIGKILL) and reaps the child if it is still running.
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  /// The exit status (128 + signal number when killed) if the child has ended.
  std::optional<int> poll();
  /// Waits for the child to end; returns its exit status (128 + signal number when killed).
  int wait();
  pid_t pid() const { return pid_; }
  /// Sends `signal` unless the child has already ended and been reaped.
  void kill(int signal);

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

/// The path of `program` found in $PATH, or empty.
std::string find_program(const std::string& program);

}  // namespace lede::test

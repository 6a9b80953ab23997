// Runs a real executable and captures what it printed, how it exited and its peak memory.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace lede::test {

struct ProcessResult {
  int exit_code = -1;  ///< the exit status, or 128 + signal number
  std::string out;
  std::string err;
  long max_rss_kib = 0;  ///< peak resident set size (wait4's rusage ru_maxrss, KiB on Linux)
};

struct ProcessOptions {
  std::map<std::string, std::string> env;  ///< added to (or replacing in) the inherited env
  std::vector<std::string> unset_env;      ///< removed from the inherited env
  std::string stdin_data;                  ///< written to the child's stdin, then closed
  /// Leave stdin open after stdin_data until close_stdin() (a reader that keeps waiting).
  bool keep_stdin_open = false;
  /// RLIMIT_FSIZE of the child in bytes (SIGXFSZ ignored, so a write past it fails with EFBIG).
  std::optional<long> max_file_bytes;
};

/// A child process started with fork + execve (never a shell); its stdout and stderr are
/// drained while the caller waits, so a chatty child never blocks on a full pipe.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});
  ~ChildProcess();  ///< kills (SIGKILL) and reaps a child still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  /// Feeds stdin and drains output for up to `duration`; true when the child has exited.
  bool run_for(std::chrono::milliseconds duration);
  /// Closes the child's stdin (after keep_stdin_open): it reads end of file.
  void close_stdin();
  void kill(int signal_number);
  /// Drains the rest, reaps the child and returns what it did.
  ProcessResult wait();
  /// What it printed so far.
  const ProcessResult& partial() const { return result_; }

 private:
  bool pump(int timeout_ms);  // one poll round; false when nothing is left to pump
  bool reap(int flags);       // true when the child has been reaped

  const ProcessOptions options_;
  pid_t pid_ = -1;
  int stdin_fd_ = -1, out_fd_ = -1, err_fd_ = -1;
  std::size_t written_ = 0;
  bool reaped_ = false;
  ProcessResult result_;
};

/// Runs argv[0] (a path) with argv, waits for it. Never uses a shell.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

/// Path of a built tool: LEDE_BINARY_DIR/<room>/<name>, e.g. tool_path("indexer", "lede-index").
std::string tool_path(const std::string& room, const std::string& name);

}  // namespace lede::test

#include "tests/support/run_process.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace lede::test {

namespace {

std::vector<std::string> child_environment(const ProcessOptions& options) {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& name : options.unset_env) env.erase(name);
  for (const auto& [name, value] : options.env) env[name] = value;
  std::vector<std::string> out;
  for (const auto& [name, value] : env) out.push_back(name + "=" + value);
  return out;
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const ProcessOptions& options)
    : options_(options) {
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  std::vector<std::string> env_strings = child_environment(options);
  std::vector<char*> env_ptrs, arg_ptrs;
  for (auto& s : env_strings) env_ptrs.push_back(s.data());
  env_ptrs.push_back(nullptr);
  std::vector<std::string> args = argv;
  for (auto& s : args) arg_ptrs.push_back(s.data());
  arg_ptrs.push_back(nullptr);

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    if (options.max_file_bytes) {
      signal(SIGXFSZ, SIG_IGN);  // stays ignored across execve: writes fail with EFBIG
      const rlim_t limit = static_cast<rlim_t>(*options.max_file_bytes);
      const rlimit fsize{limit, limit};
      setrlimit(RLIMIT_FSIZE, &fsize);
    }
    execve(arg_ptrs[0], arg_ptrs.data(), env_ptrs.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  stdin_fd_ = in[1];
  out_fd_ = out[0];
  err_fd_ = err[0];
  signal(SIGPIPE, SIG_IGN);
  if (options_.stdin_data.empty() && !options_.keep_stdin_open) {
    close_fd(stdin_fd_);
  } else {
    fcntl(stdin_fd_, F_SETFL, O_NONBLOCK);
  }
}

ChildProcess::~ChildProcess() {
  if (!reaped_) {
    ::kill(pid_, SIGKILL);
    reap(0);
  }
  close_fd(stdin_fd_);
  close_fd(out_fd_);
  close_fd(err_fd_);
}

bool ChildProcess::pump(int timeout_ms) {
  const bool feeding = stdin_fd_ >= 0 && written_ < options_.stdin_data.size();
  if (out_fd_ < 0 && err_fd_ < 0 && !feeding) return false;
  pollfd fds[3];
  int n = 0;
  if (out_fd_ >= 0) fds[n++] = {out_fd_, POLLIN, 0};
  if (err_fd_ >= 0) fds[n++] = {err_fd_, POLLIN, 0};
  if (feeding) fds[n++] = {stdin_fd_, POLLOUT, 0};
  if (poll(fds, static_cast<nfds_t>(n), timeout_ms) < 0) return errno == EINTR;
  for (int i = 0; i < n; ++i) {
    if (!fds[i].revents) continue;
    if (fds[i].fd == stdin_fd_) {
      const ssize_t w = write(stdin_fd_, options_.stdin_data.data() + written_,
                              options_.stdin_data.size() - written_);
      if (w > 0) written_ += static_cast<std::size_t>(w);
      const bool all_written = written_ == options_.stdin_data.size();
      if (w < 0 || (all_written && !options_.keep_stdin_open)) close_fd(stdin_fd_);
      continue;
    }
    char buf[65536];
    const ssize_t r = read(fds[i].fd, buf, sizeof buf);
    if (r <= 0) {
      close_fd(fds[i].fd == out_fd_ ? out_fd_ : err_fd_);
      continue;
    }
    (fds[i].fd == out_fd_ ? result_.out : result_.err).append(buf, static_cast<std::size_t>(r));
  }
  return true;
}

bool ChildProcess::reap(int flags) {
  if (reaped_) return true;
  int status = 0;
  rusage usage{};
  const pid_t r = wait4(pid_, &status, flags, &usage);
  if (r != pid_) return false;
  reaped_ = true;
  result_.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result_.max_rss_kib = usage.ru_maxrss;
  return true;
}

bool ChildProcess::run_for(std::chrono::milliseconds duration) {
  const auto deadline = std::chrono::steady_clock::now() + duration;
  for (;;) {
    if (reap(WNOHANG)) return true;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    const int slice = static_cast<int>(std::min<long>(left.count(), 20));
    if (!pump(slice)) poll(nullptr, 0, slice);  // output closed: the child is about to end
  }
}

void ChildProcess::close_stdin() {
  close_fd(stdin_fd_);
}

void ChildProcess::kill(int signal_number) {
  if (!reaped_) ::kill(pid_, signal_number);
}

ProcessResult ChildProcess::wait() {
  // Output closes when the child ends (a child kept waiting on stdin needs close_stdin first).
  while (pump(-1)) {
  }
  close_fd(stdin_fd_);
  reap(0);
  return result_;
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ChildProcess child(argv, options);
  return child.wait();
}

std::string tool_path(const std::string& room, const std::string& name) {
  return std::string(LEDE_BINARY_DIR) + "/" + room + "/" + name;
}

}  // namespace lede::test

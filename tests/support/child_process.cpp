#include "tests/support/child_process.hpp"

#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lede::test {

namespace {

int exit_status(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv,
                                     const std::filesystem::path& output) {
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (auto& arg : args) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  const int out = ::open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out < 0) throw std::runtime_error("cannot open " + output.string());
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int null_in = ::open("/dev/null", O_RDONLY);
    dup2(null_in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execv(pointers[0], pointers.data());
    _exit(127);
  }
  ::close(out);
}

BackgroundProcess::~BackgroundProcess() {
  if (!poll()) {
    kill(SIGKILL);
    wait();
  }
}

std::optional<int> BackgroundProcess::poll() {
  if (status_) return status_;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) status_ = exit_status(status);
  return status_;
}

int BackgroundProcess::wait() {
  if (status_) return *status_;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  status_ = exit_status(status);
  return *status_;
}

void BackgroundProcess::kill(int signal) {
  if (!status_) ::kill(pid_, signal);
}

std::string find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin:/bin");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const std::filesystem::path candidate = std::filesystem::path(folder) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

}  // namespace lede::test

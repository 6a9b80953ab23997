#include "tests/support/http_server.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/test_paths.hpp"

namespace lede::test {

namespace {

std::optional<std::string> optional_string(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

HttpServer::HttpServer(const std::filesystem::path& folder) {
  char name[] = "/tmp/lede-http-log-XXXXXX";
  const int fd = mkstemp(name);
  if (fd < 0) throw std::runtime_error("cannot create the request log file");
  close(fd);
  log_path_ = name;

  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  const std::string script = (source_dir() / "tests/support/http_server.py").string();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    execlp("python3", "python3", script.c_str(), folder.c_str(), "--log", log_path_.c_str(),
           static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  // The server prints "PORT <n>" once it listens.
  std::FILE* in = fdopen(out[0], "r");
  char line[64] = {};
  if (!in || !std::fgets(line, sizeof line, in) || std::sscanf(line, "PORT %d", &port_) != 1) {
    if (in) std::fclose(in);
    stop();
    throw std::runtime_error("the test HTTP server did not start (is python3 installed?)");
  }
  std::fclose(in);
}

HttpServer::~HttpServer() {
  stop();
  std::error_code ec;
  std::filesystem::remove(log_path_, ec);
}

void HttpServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string HttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<LoggedRequest> HttpServer::log() const {
  std::vector<LoggedRequest> out;
  std::ifstream in(log_path_);
  std::string line;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;  // a line being written right now
    LoggedRequest r;
    r.time = j.value("t", 0.0);
    r.path = j.value("path", "");
    r.host = optional_string(j, "host").value_or("");
    r.if_none_match = optional_string(j, "if_none_match");
    r.if_modified_since = optional_string(j, "if_modified_since");
    r.accept_encoding = optional_string(j, "accept_encoding");
    r.status = j.value("status", 0);
    r.connection = j.value("connection", 0);
    r.open_connections = j.value("open_connections", 0);
    r.active_requests = j.value("active_requests", 0);
    out.push_back(std::move(r));
  }
  return out;
}

void HttpServer::clear_log() {
  std::ofstream(log_path_, std::ios::trunc);
}

}  // namespace lede::test

// Starts tests/support/http_server.py (real HTTP/1.1 on 127.0.0.1) for one test, and reads
// its request log. The routes and the log format are documented at the top of the script.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lede::test {

/// One answered request, as the server logged it.
struct LoggedRequest {
  double time = 0;   ///< seconds since the Unix epoch, when the status line went out
  std::string path;  ///< path and query, as requested
  std::string host;  ///< the Host header
  std::optional<std::string> if_none_match;
  std::optional<std::string> if_modified_since;
  std::optional<std::string> accept_encoding;
  int status = 0;
  int connection = 0;        ///< number of the TCP connection (same number: reused)
  int open_connections = 0;  ///< connections open at that moment, this one included
  int active_requests = 0;   ///< requests being answered at that moment, this one included

  bool conditional() const { return if_none_match.has_value() || if_modified_since.has_value(); }
};

/// The server runs from construction to destruction (killed and reaped); its feeds are the
/// files of `folder`, read on every request, so a test changes them by rewriting files.
class HttpServer {
 public:
  explicit HttpServer(const std::filesystem::path& folder);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// "http://127.0.0.1:PORT" + path.
  std::string url(const std::string& path) const;
  int port() const { return port_; }

  /// Every request answered so far, in log order.
  std::vector<LoggedRequest> log() const;
  /// Forgets what was logged so far (log() then starts from here).
  void clear_log();

 private:
  void stop();
  std::filesystem::path log_path_;
  int pid_ = -1;
  int port_ = 0;
};

}  // namespace lede::test

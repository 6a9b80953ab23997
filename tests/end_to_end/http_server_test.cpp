// The test HTTP server itself (tests/support/http_server.py), spoken to over a raw socket so
// that what other tests assert on its log is known to be true: keep-alive, ETag and
// Last-Modified with 304, gzip, redirects, Retry-After, and the connection counts in the log.
#include "tests/support/http_server.hpp"

#include <fstream>
#include <string>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

// One TCP connection; each call sends one request and reads exactly one response.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      throw std::runtime_error("cannot connect to the test server");
    }
  }
  ~RawConnection() { close(fd_); }

  struct Reply {
    int status = 0;
    std::string head;  // status line and headers
    std::string body;
    std::string header(const std::string& name) const {
      const auto at = head.find("\r\n" + name + ": ");
      if (at == std::string::npos) return "";
      const auto start = at + name.size() + 4;
      return head.substr(start, head.find("\r\n", start) - start);
    }
  };

  Reply get(const std::string& path, const std::string& extra_headers = "") {
    const std::string request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
    if (write(fd_, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
      throw std::runtime_error("write failed");
    }
    while (buffer_.find("\r\n\r\n") == std::string::npos) fill();
    Reply reply;
    const auto head_end = buffer_.find("\r\n\r\n");
    reply.head = buffer_.substr(0, head_end);
    buffer_.erase(0, head_end + 4);
    reply.status = std::stoi(reply.head.substr(9, 3));
    const std::string length = reply.header("Content-Length");
    const std::size_t n = length.empty() ? 0 : std::stoul(length);
    while (buffer_.size() < n) fill();
    reply.body = buffer_.substr(0, n);
    buffer_.erase(0, n);
    return reply;
  }

 private:
  void fill() {
    char chunk[65536];
    const ssize_t r = read(fd_, chunk, sizeof chunk);
    if (r <= 0) throw std::runtime_error("the server closed the connection");
    buffer_.append(chunk, static_cast<std::size_t>(r));
  }
  int fd_ = -1;
  std::string buffer_;
};

class TestHttpServer : public ::testing::Test {
 protected:
  void SetUp() override { std::ofstream(dir / "a.xml") << "<rss version=\"2.0\"/>"; }
  test::TempDir dir;
};

TEST_F(TestHttpServer, AnswersConditionalRequestsWith304AndLogsThem) {
  test::HttpServer server(dir.path());
  RawConnection c(server.port());
  const auto first = c.get("/feeds/a.xml");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "<rss version=\"2.0\"/>");
  const std::string etag = first.header("ETag");
  const std::string last_modified = first.header("Last-Modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(last_modified.empty());

  EXPECT_EQ(c.get("/feeds/a.xml", "If-None-Match: " + etag + "\r\n").status, 304);
  EXPECT_EQ(c.get("/feeds/a.xml", "If-Modified-Since: " + last_modified + "\r\n").status, 304);
  // If-None-Match wins over If-Modified-Since (RFC 9110 §13.1.3).
  EXPECT_EQ(c.get("/feeds/a.xml",
                  "If-None-Match: \"other\"\r\nIf-Modified-Since: " + last_modified + "\r\n")
                .status,
            200);
  std::ofstream(dir / "a.xml") << "<rss version=\"2.0\"><channel/></rss>";  // the feed changes
  EXPECT_EQ(c.get("/feeds/a.xml", "If-None-Match: " + etag + "\r\n").status, 200);

  const auto log = server.log();
  ASSERT_EQ(log.size(), 5u);
  EXPECT_FALSE(log[0].conditional());
  EXPECT_EQ(log[1].if_none_match, etag);
  EXPECT_EQ(log[1].status, 304);
  EXPECT_EQ(log[2].if_modified_since, last_modified);
  for (const auto& r : log) {
    EXPECT_EQ(r.connection, log[0].connection) << "keep-alive: one connection for all";
    EXPECT_EQ(r.open_connections, 1);
    EXPECT_EQ(r.active_requests, 1);
    EXPECT_EQ(r.path, "/feeds/a.xml");
  }
}

TEST_F(TestHttpServer, CountsOpenConnections) {
  test::HttpServer server(dir.path());
  RawConnection one(server.port());
  one.get("/feeds/a.xml");
  {
    RawConnection two(server.port());
    two.get("/feeds/a.xml");
  }
  // The second connection closed; give the server a moment to notice, polling the log.
  int open = 0;
  for (int i = 0; i < 100 && open != 1; ++i) {
    usleep(20 * 1000);
    one.get("/missing");
    open = server.log().back().open_connections;
  }
  const auto log = server.log();
  EXPECT_EQ(log[0].open_connections, 1);
  EXPECT_EQ(log[1].open_connections, 2);
  EXPECT_NE(log[0].connection, log[1].connection);
  EXPECT_EQ(open, 1);
  EXPECT_EQ(log.back().status, 404);
}

TEST_F(TestHttpServer, GzipRedirectsAndRetryAfter) {
  test::HttpServer server(dir.path());
  RawConnection c(server.port());
  const auto zipped = c.get("/feeds/a.xml", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(zipped.header("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped.body.substr(0, 2), "\x1f\x8b");  // the gzip magic number

  const auto moved = c.get("/moved/a.xml");
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.header("Location"), "/feeds/a.xml");
  EXPECT_EQ(c.get("/to-ftp").header("Location"), "ftp://ftp.example.invalid/feed.xml");
  EXPECT_EQ(c.get("/to?url=gopher://x.invalid/&status=308").status, 308);

  const auto limited = c.get("/feeds/a.xml?status=429&retry-after=120");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("Retry-After"), "120");
  EXPECT_EQ(c.get("/feeds/a.xml?cache-control=max-age%3D60").header("Cache-Control"), "max-age=60");
  EXPECT_EQ(server.log().size(), 6u);
  server.clear_log();
  c.get("/feeds/a.xml");
  EXPECT_EQ(server.log().size(), 1u);
}

}  // namespace
}  // namespace lede

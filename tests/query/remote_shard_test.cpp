// The blend gives the same ids in the same order on one database, on local shards listed
// in a stub file, and on shards served by a real, stock xapian-tcpsrv (which can only run
// what Xapian's default registry knows: the blend's ValueMapPostingSource is in it).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "query/recency.hpp"
#include "query/search.hpp"
#include "tests/query/tiny_archive.hpp"
#include "tests/support/temp_dir.hpp"

extern char** environ;

namespace lede::query {
namespace {

using dates::from_civil;
using test::ids_of;
using test::make_article;
namespace fs = std::filesystem;

const UnixSeconds now = from_civil(2024, 6, 30, 18);
const char* const tcpsrv = "/usr/bin/xapian-tcpsrv";

/// A port the kernel just handed out (and released) on 127.0.0.1.
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), size) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) != 0) {
    close(fd);
    return -1;
  }
  close(fd);
  return ntohs(addr.sin_port);
}

/// xapian-tcpsrv serving one shard for the lifetime of the object.
class TcpServer {
 public:
  explicit TcpServer(const fs::path& shard) : port_(free_port()) {
    const std::string port = std::to_string(port_), path = shard.string();
    const char* argv[] = {tcpsrv,      "--port",  port.c_str(), "--interface",
                          "127.0.0.1", "--quiet", path.c_str(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (kill(0, …))
    // to stop the children it forked per connection, which must not include this test.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    if (posix_spawn(&pid_, tcpsrv, &actions, &attributes, const_cast<char* const*>(argv),
                    environ)) {
      pid_ = -1;
    }
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
  }
  // SIGKILL to the whole group, not SIGTERM to the server: once in CI the test passed and a
  // process of the group then held ctest's output pipe until the 900 s timeout. (tcpsrv's
  // SIGTERM handler calls exit(), not async-signal-safe, in every per-connection child.)
  ~TcpServer() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  /// Waits until the server answers (it needs a moment to listen).
  bool ready() const {
    if (pid_ <= 0 || port_ <= 0) return false;
    for (int attempt = 0; attempt < 100; ++attempt) {
      try {
        Xapian::Remote::open("127.0.0.1", static_cast<unsigned>(port_)).get_doccount();
        return true;
      } catch (const Xapian::NetworkError&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    return false;
  }
  int port() const { return port_; }

 private:
  int port_;
  pid_t pid_ = -1;
};

std::vector<Article> news(int count) {
  static const std::vector<std::string> words = {"oil",   "bank",    "wheat", "opec",
                                                 "rates", "harvest", "crude", "trade"};
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> word(0, words.size() - 1);
  std::uniform_int_distribution<int> length(3, 30);
  std::vector<Article> articles;
  for (int i = 0; i < count; ++i) {
    std::string body;
    for (int n = length(rng); n > 0; --n) body += words[word(rng)] + " ";
    // Distinct times: equal scores are ordered by date, never by (shard-dependent) docid.
    articles.push_back(
        make_article("n" + std::to_string(i), words[word(rng)] + " news", body, now - i * 5000));
  }
  return articles;
}

void write_stub(const fs::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& line : lines) out << line << '\n';
}

// Ages here span 0–6 days: with a half-life of 3 days the bonus reorders a lot and reaches
// every story; with 0.1 it reaches the last two days only, and is filtered to them.
constexpr double half_lives[] = {3, 0.1};

SearchResult blend(const Xapian::Database& db, const std::string& text, double half_life) {
  SearchRequest request;
  request.text = text;
  request.now = now;
  request.limit = 50;
  request.half_life_days = half_life;
  request.facet = Facet::day;
  return search(db, request);
}

TEST(RemoteShardTest, BlendOrderIsTheSameOnOneDatabaseLocalShardsAndRemoteShards) {
  if (!fs::exists(tcpsrv)) GTEST_SKIP() << "skipped: " << tcpsrv << " is absent (xapian-tools)";
  test::TempDir dir;
  const std::vector<Article> articles = news(120);
  std::vector<Article> odd, even;
  for (std::size_t i = 0; i < articles.size(); ++i) (i % 2 ? odd : even).push_back(articles[i]);
  test::write_archive((dir / "single").string(), articles);
  test::write_archive((dir / "shard1").string(), odd);
  test::write_archive((dir / "shard2").string(), even);
  write_stub(dir / "local.stub",
             {"auto " + (dir / "shard1").string(), "auto " + (dir / "shard2").string()});
  TcpServer server1(dir / "shard1"), server2(dir / "shard2");
  ASSERT_TRUE(server1.ready() && server2.ready()) << "xapian-tcpsrv did not start";
  write_stub(dir / "remote.stub", {"remote 127.0.0.1:" + std::to_string(server1.port()),
                                   "remote 127.0.0.1:" + std::to_string(server2.port())});

  const Xapian::Database single((dir / "single").string());
  const Xapian::Database local((dir / "local.stub").string());
  const Xapian::Database remote((dir / "remote.stub").string());
  for (const double half_life : half_lives) {
    const bool filtered =
        recency_query(remote, RecencyModel{half_life, 2, now}).get_description().find("FILTER") !=
        std::string::npos;
    EXPECT_EQ(filtered, half_life < 1) << "half-life " << half_life;
    for (const std::string text : {"oil", "bank OR wheat", "opec crude", "\"oil news\""}) {
      const SearchResult expected = blend(single, text, half_life);
      ASSERT_FALSE(expected.hits.empty()) << text;
      for (const Xapian::Database* db : {&local, &remote}) {
        const SearchResult got = blend(*db, text, half_life);
        EXPECT_EQ(ids_of(got.hits), ids_of(expected.hits)) << text << ", half-life " << half_life;
        ASSERT_EQ(got.hits.size(), expected.hits.size());
        for (std::size_t i = 0; i < got.hits.size(); ++i) {
          EXPECT_NEAR(got.hits[i].score, expected.hits[i].score, 1e-9) << text;
        }
        ASSERT_EQ(got.facets.size(), expected.facets.size()) << text;
        for (std::size_t i = 0; i < got.facets.size(); ++i) {
          EXPECT_EQ(got.facets[i].value, expected.facets[i].value);
          EXPECT_EQ(got.facets[i].count, expected.facets[i].count);
        }
      }
    }
  }
}

}  // namespace
}  // namespace lede::query

// lede-index subscribe / feeds / update against the project's own HTTP server on 127.0.0.1
// (tests/support/http_server.py); what the server logged is what these tests assert on.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support/http_server.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_paths.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;
using test::HttpServer;
using test::LoggedRequest;

std::string rss(const std::string& name, int items, const std::string& extra = "") {
  std::ostringstream out;
  out << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " << name
      << "</title><link>https://update.example/</link>" << extra;
  for (int i = 0; i < items; ++i) {
    out << "<item><title>" << name << " story " << i << "</title><link>https://update.example/"
        << name << "/" << i << "</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>";
  }
  return out.str() + "</channel></rss>";
}

class Update : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(www); }

  test::ProcessResult index(std::vector<std::string> args) {
    args.insert(args.begin(), {test::tool_path("indexer", "lede-index"), "--db", db});
    return test::run_process(args);
  }
  // Runs a command that prints one JSON object (the summary) and returns it.
  nlohmann::json index_json(std::vector<std::string> args, int expected_exit = 0) {
    args.insert(args.begin(), "--json");
    const auto r = index(args);
    EXPECT_EQ(r.exit_code, expected_exit) << r.err;
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_TRUE(j.is_object()) << r.out << r.err;
    return j;
  }
  // `feeds --json`, by URL.
  std::map<std::string, nlohmann::json> feeds() {
    const auto r = index({"--json", "feeds"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, nlohmann::json> out;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      const auto j = nlohmann::json::parse(line);
      out[j["url"]] = j;
    }
    return out;
  }
  void write_feed(const std::string& name, const std::string& content) {
    std::ofstream(www / name) << content;
  }
  Xapian::rev revision() const { return Xapian::Database(db).get_revision(); }

  test::TempDir dir;
  fs::path www = dir / "www";
  std::string db = (dir / "db").string();
};

int max_open_connections(const std::vector<LoggedRequest>& log) {
  int most = 0;
  for (const auto& r : log) most = std::max(most, r.open_connections);
  return most;
}

std::size_t count_status(const std::vector<LoggedRequest>& log, int status) {
  return static_cast<std::size_t>(
      std::count_if(log.begin(), log.end(), [&](const auto& r) { return r.status == status; }));
}

TEST_F(Update, TwoHundredFeedsOnOneHostPolitelyThenConditionallyThenOnlyWhatChanged) {
  constexpr int n = 200;
  HttpServer server(www);
  std::vector<std::string> subscribe = {"subscribe"};
  for (int i = 0; i < n; ++i) {
    const std::string name = "f" + std::to_string(i) + ".xml";
    write_feed(name, rss("f" + std::to_string(i), 2));
    subscribe.push_back(server.url("/feeds/" + name));
  }
  ASSERT_EQ(index(subscribe).exit_code, 0);
  EXPECT_EQ(feeds().size(), static_cast<std::size_t>(n));

  // First update: every feed fetched, never more than 2 connections open at once.
  auto summary = index_json({"update", "--jobs", "8"});
  EXPECT_EQ(summary["due"], n);
  EXPECT_EQ(summary["changed"], n);
  EXPECT_EQ(summary["added"], 2 * n);
  auto log = server.log();
  ASSERT_EQ(log.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(count_status(log, 200), static_cast<std::size_t>(n));
  EXPECT_LE(max_open_connections(log), 2);
  EXPECT_EQ(max_open_connections(log), 2) << "two connections were used in parallel";
  for (const auto& r : log) {
    EXPECT_FALSE(r.conditional()) << r.path;
    EXPECT_LE(r.active_requests, 2);
    // The server gzips what the request accepts; the articles above prove it was decoded.
    ASSERT_TRUE(r.accept_encoding.has_value()) << r.path;
    EXPECT_NE(r.accept_encoding->find("gzip"), std::string::npos) << *r.accept_encoding;
  }
  for (const auto& [url, feed] : feeds()) {
    EXPECT_EQ(feed["articles"], 2) << url;
    EXPECT_EQ(feed["last_status"], 200) << url;
    EXPECT_EQ(feed["consecutive_errors"], 0) << url;
    EXPECT_FALSE(feed["etag"].is_null()) << url;
  }

  // Not due yet: a plain update asks nothing.
  server.clear_log();
  summary = index_json({"update"});
  EXPECT_EQ(summary["due"], 0);
  EXPECT_TRUE(server.log().empty());

  // --force right after: 200 conditional requests, 200 × 304, nothing written.
  const Xapian::rev before = revision();
  summary = index_json({"update", "--force"});
  EXPECT_EQ(summary["not_modified"], n);
  log = server.log();
  ASSERT_EQ(log.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(count_status(log, 304), static_cast<std::size_t>(n));
  for (const auto& r : log) EXPECT_TRUE(r.if_none_match.has_value()) << r.path;
  EXPECT_LE(max_open_connections(log), 2);
  EXPECT_EQ(revision(), before) << "a 304 writes nothing";

  // Three feeds change: the next update indexes exactly those three.
  for (int i : {7, 77, 177}) {
    write_feed("f" + std::to_string(i) + ".xml", rss("f" + std::to_string(i), 3));
  }
  server.clear_log();
  summary = index_json({"update", "--force"});
  EXPECT_EQ(summary["changed"], 3);
  EXPECT_EQ(summary["not_modified"], n - 3);
  EXPECT_EQ(summary["added"], 3);
  EXPECT_EQ(summary["unchanged"], 6);  // the two old items of each changed feed
  log = server.log();
  EXPECT_EQ(count_status(log, 200), 3u);
  EXPECT_EQ(count_status(log, 304), static_cast<std::size_t>(n - 3));
  for (const auto& r : log) {
    if (r.status == 200) {
      EXPECT_TRUE(r.path == "/feeds/f7.xml" || r.path == "/feeds/f77.xml" ||
                  r.path == "/feeds/f177.xml")
          << r.path;
    }
  }
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u * n + 3);
}

TEST_F(Update, RetryAfterIsHonouredEvenByForce) {
  HttpServer server(www);
  write_feed("a.xml", rss("a", 1));
  const std::string limited = server.url("/feeds/a.xml?status=429&retry-after=3600");
  const std::string good = server.url("/feeds/a.xml");
  ASSERT_EQ(index({"subscribe", limited, good}).exit_code, 0);

  const auto summary = index_json({"update"}, 1);
  EXPECT_EQ(summary["failed"], 1);
  auto listed = feeds();
  EXPECT_EQ(listed[limited]["last_status"], 429);
  EXPECT_EQ(listed[limited]["consecutive_errors"], 1);
  EXPECT_EQ(listed[good]["consecutive_errors"], 0);

  server.clear_log();
  index_json({"update", "--force"});
  const auto log = server.log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].path, "/feeds/a.xml") << "the 429 feed was asked again before Retry-After";
}

TEST_F(Update, ASlowFeedTimesOutWhileTheOthersComplete) {
  HttpServer server(www);
  std::vector<std::string> subscribe = {"subscribe", server.url("/feeds/slow.xml?delay=30")};
  write_feed("slow.xml", rss("slow", 1));
  for (int i = 0; i < 6; ++i) {
    write_feed("g" + std::to_string(i) + ".xml", rss("g" + std::to_string(i), 1));
    subscribe.push_back(server.url("/feeds/g" + std::to_string(i) + ".xml"));
  }
  ASSERT_EQ(index(subscribe).exit_code, 0);
  const auto r = index({"update", "--timeout", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(server.url("/feeds/slow.xml?delay=30") + ": Operation timed out"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 6u);
  auto listed = feeds();
  EXPECT_EQ(listed[server.url("/feeds/slow.xml?delay=30")]["consecutive_errors"], 1);
}

TEST_F(Update, AnEndlessBodyStopsAtTheCapAndRedirectsLeaveHttpNever) {
  HttpServer server(www);
  write_feed("a.xml", rss("a", 1));
  write_feed("b.xml", rss("b", 1));
  ASSERT_EQ(
      index({"subscribe", server.url("/endless"), server.url("/to-ftp"), server.url("/to-file"),
             server.url("/moved/a.xml"), server.url("/redirect/b.xml")})
          .exit_code,
      0);
  const auto r = index({"update", "--max-size", "1"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(server.url("/endless") +
                       ": response larger than the 1 MiB limit; transfer aborted"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(server.url("/to-ftp") +
                       ": redirect to a non-HTTP URL refused (ftp://ftp.example.invalid/feed.xml)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(server.url("/to-file") + ": redirect to a non-HTTP URL refused (file://"),
            std::string::npos)
      << r.err;

  auto listed = feeds();
  // 301: the subscription now points at the new address; 302: it keeps its own.
  EXPECT_EQ(listed.count(server.url("/moved/a.xml")), 0u);
  ASSERT_EQ(listed.count(server.url("/feeds/a.xml")), 1u);
  EXPECT_EQ(listed[server.url("/feeds/a.xml")]["articles"], 1);
  EXPECT_EQ(listed[server.url("/redirect/b.xml")]["articles"], 1);
  EXPECT_EQ(listed[server.url("/to-ftp")]["consecutive_errors"], 1);
}

TEST_F(Update, AnHtmlPageLeadsToTheFeedItLinksTo) {
  HttpServer server(www);
  write_feed("news.xml", rss("news", 2));
  write_feed("page.html",
             "<!DOCTYPE html><html><head><title>News</title>"
             "<link rel=\"stylesheet\" href=\"/s.css\">"
             "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" "
             "href=\"/feeds/news.xml\"></head><body><p>Hello</p></body></html>");
  const std::string page = server.url("/feeds/page.html");
  ASSERT_EQ(index({"subscribe", page}).exit_code, 0);
  const auto r = index({"update"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(page + ": an HTML page; using the feed it links to: " +
                       server.url("/feeds/news.xml")),
            std::string::npos)
      << r.err;
  auto listed = feeds();
  ASSERT_EQ(listed.count(server.url("/feeds/news.xml")), 1u);
  EXPECT_EQ(listed[server.url("/feeds/news.xml")]["discovered_from"], page);
  EXPECT_EQ(listed[server.url("/feeds/news.xml")]["articles"], 2);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);
}

// Each article's feed (its XF term), by article (its Q term).
std::map<std::string, std::string> feed_of_each_article(const std::string& db) {
  const Xapian::Database archive(db);
  std::map<std::string, std::string> feeds;
  for (auto d = archive.postlist_begin(""); d != archive.postlist_end(""); ++d) {
    const Xapian::Document doc = archive.get_document(*d);
    std::string unique, feed;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind("XF", 0) == 0) feed = *t;
      if ((*t).rfind("Q", 0) == 0) unique = *t;
    }
    feeds[unique] = feed;
  }
  return feeds;
}

std::map<std::string, std::string> all_metadata(const std::string& db) {
  const Xapian::Database archive(db);
  std::map<std::string, std::string> metadata;
  for (auto k = archive.metadata_keys_begin(); k != archive.metadata_keys_end(); ++k) {
    metadata[*k] = archive.get_metadata(*k);
  }
  return metadata;
}

// Subscriptions live in the database's metadata and each article names its feed in its stored
// data: a rebuild from the stored articles (and a compaction) keeps both, so the feed listing,
// the validators and the next conditional update are as before.
TEST_F(Update, ARebuildKeepsTheSubscriptionsTheirValidatorsAndEachArticlesFeed) {
  constexpr int n = 6;
  HttpServer server(www);
  std::vector<std::string> subscribe = {"subscribe", "--name", "Wire"};
  for (int i = 0; i < n; ++i) {
    const std::string name = "r" + std::to_string(i) + ".xml";
    write_feed(name, rss("r" + std::to_string(i), i + 1));
    subscribe.push_back(server.url("/feeds/" + name));
  }
  ASSERT_EQ(index(subscribe).exit_code, 0);
  ASSERT_EQ(index_json({"update"})["added"], n * (n + 1) / 2);
  // A file added besides the feeds: its articles belong to no feed, before and after.
  write_feed("loose.xml", rss("loose", 2));
  ASSERT_EQ(index({"--quiet", "add", (www / "loose.xml").string()}).exit_code, 0);

  const auto listed = feeds();
  ASSERT_EQ(listed.size(), static_cast<std::size_t>(n));
  const auto metadata = all_metadata(db);
  std::size_t feed_keys = 0;
  for (const auto& [key, value] : metadata) feed_keys += key.rfind("lede.feed:", 0) == 0;
  ASSERT_EQ(feed_keys, static_cast<std::size_t>(n));
  ASSERT_EQ(metadata.count("lede.schema_version"), 1u);
  const auto articles_feeds = feed_of_each_article(db);
  ASSERT_EQ(articles_feeds.size(), static_cast<std::size_t>(n * (n + 1) / 2 + 2));
  std::size_t without_feed = 0;
  for (const auto& [article, feed] : articles_feeds) without_feed += feed.empty();
  ASSERT_EQ(without_feed, 2u);

  for (const std::vector<std::string>& run :
       {std::vector<std::string>{"rebuild", "--workers", "2"}, {"compact"}, {"rebuild"}}) {
    SCOPED_TRACE(run[0]);
    const auto summary = index_json(run);
    ASSERT_EQ(summary["switched"], true);
    EXPECT_EQ(all_metadata(db), metadata) << "every metadata key, the same";
    EXPECT_EQ(feed_of_each_article(db), articles_feeds);
    EXPECT_EQ(feeds(), listed);
  }

  // The validators survived: a forced update right after is all 304s and writes nothing.
  server.clear_log();
  const Xapian::rev before = revision();
  const auto summary = index_json({"update", "--force"});
  EXPECT_EQ(summary["not_modified"], n);
  const auto log = server.log();
  ASSERT_EQ(log.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(count_status(log, 304), static_cast<std::size_t>(n));
  for (const auto& r : log) EXPECT_TRUE(r.if_none_match.has_value()) << r.path;
  EXPECT_EQ(revision(), before);
  EXPECT_EQ(feed_of_each_article(db), articles_feeds);
}

TEST_F(Update, SubscribeUnsubscribeAndOpmlRoundTrip) {
  ASSERT_EQ(
      index({"subscribe", "--name", "Harbour", "--language", "fr", "https://one.example/feed.xml"})
          .exit_code,
      0);
  ASSERT_EQ(index({"subscribe", "https://two.example/rss"}).exit_code, 0);
  // Again: not a second subscription.
  ASSERT_EQ(index({"subscribe", "https://two.example/rss"}).exit_code, 0);
  const auto bad = index({"subscribe", "ftp://three.example/feed.xml"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("ftp://three.example/feed.xml: only http:// and https://"),
            std::string::npos)
      << bad.err;

  auto listed = feeds();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed["https://one.example/feed.xml"]["name"], "Harbour");
  EXPECT_EQ(listed["https://one.example/feed.xml"]["language"], "fr");
  EXPECT_TRUE(listed["https://two.example/rss"]["last_fetched"].is_null());

  const auto human = index({"feeds"});
  EXPECT_NE(human.out.find("https://one.example/feed.xml\n  title:        Harbour\n"),
            std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("2 feeds\n"), std::string::npos);

  const auto opml = index({"export-opml"});
  ASSERT_EQ(opml.exit_code, 0);
  std::ofstream(dir / "subs.opml") << opml.out;
  const std::string other = (dir / "other").string();
  const auto imported = test::run_process({test::tool_path("indexer", "lede-index"), "--db", other,
                                           "subscribe", (dir / "subs.opml").string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;

  EXPECT_EQ(index({"unsubscribe", "https://one.example/feed.xml"}).exit_code, 0);
  EXPECT_EQ(feeds().size(), 1u);
  EXPECT_EQ(index({"unsubscribe", "https://nothing.example/"}).exit_code, 1);

  const auto other_feeds = test::run_process(
      {test::tool_path("indexer", "lede-index"), "--db", other, "--json", "feeds"});
  EXPECT_NE(other_feeds.out.find("\"url\":\"https://one.example/feed.xml\""), std::string::npos);
  EXPECT_NE(other_feeds.out.find("\"url\":\"https://two.example/rss\""), std::string::npos);
}

TEST_F(Update, SubscribeRefusesAnOpmlFileOverMaxSize) {
  const fs::path list = dir / "big.opml";
  {
    std::ofstream out(list);
    out << "<opml version=\"2.0\"><body>\n";
    for (int i = 0; out.tellp() < 1100 * 1024; ++i) {
      out << "<outline text=\"" << std::string(1000, 'f') << "\" xmlUrl=\"https://big.example/" << i
          << ".xml\"/>\n";
    }
    out << "</body></opml>\n";
  }
  const auto refused = index({"subscribe", "--max-size", "1", list.string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(
      refused.err.find(list.string() + ": larger than the 1 MiB limit (--max-size); not read"),
      std::string::npos)
      << refused.err;
  EXPECT_EQ(index({"--quiet", "subscribe", list.string()}).exit_code, 0);  // 64 MiB by default
  EXPECT_GT(feeds().size(), 1000u);
}

}  // namespace
}  // namespace lede

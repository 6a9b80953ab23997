// lede-index against a real HTTP server on 127.0.0.1 (tests/support/http_server.py): plain and
// gzip feeds, redirects, a 404, a redirect to ftp://, the size cap and the timeout.
#include <fstream>
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

std::string rss(const std::string& name, int items) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" << name
      << "</title><link>https://http.example/</link>";
  for (int i = 0; i < items; ++i) {
    out << "<item><title>" << name << " " << i << "</title><link>https://http.example/" << name
        << "/" << i << "</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>";
  }
  return out.str() + "</channel></rss>";
}

const char* kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Zipped</title><id>urn:z</id>
<updated>2024-05-01T10:00:00Z</updated>
<entry><title>Zipped one</title><id>urn:z:1</id><link href="https://http.example/z/1"/>
<updated>2024-05-01T10:00:00Z</updated><summary>First.</summary></entry>
<entry><title>Zipped two</title><id>urn:z:2</id><link href="https://http.example/z/2"/>
<updated>2024-05-01T11:00:00Z</updated><summary>Second.</summary></entry>
</feed>)";

class HttpFetch : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir / "www");
    std::ofstream(dir / "www/good.xml") << rss("good", 3);
    std::ofstream(dir / "www/zipped.xml") << kAtom;
    std::ofstream(dir / "www/moved.xml") << rss("moved", 1);
    std::ofstream(dir / "www/subs.opml")
        << R"(<opml version="2.0"><body><outline text="g" xmlUrl="good.xml"/>)"
           R"(<outline text="m" xmlUrl="/redirect/moved.xml"/></body></opml>)";
  }
  test::ProcessResult index(std::vector<std::string> args) {
    args.insert(args.begin(), {test::tool_path("indexer", "lede-index"), "--db", db});
    return test::run_process(args);
  }
  Xapian::doccount doc_count() const { return Xapian::Database(db).get_doccount(); }

  test::TempDir dir;
  std::string db = (dir / "db").string();
};

TEST_F(HttpFetch, GoodFeedsAreIndexedAndHttpErrorsNamedWithExitOne) {
  HttpServer server(dir / "www");
  const auto r =
      index({"--json", "add", server.url("/feeds/good.xml"), server.url("/gzip/zipped.xml"),
             server.url("/redirect/moved.xml"), server.url("/missing"), server.url("/to-ftp")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("lede-index: " + server.url("/missing") + ": HTTP 404 Not Found\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(
      r.err.find("lede-index: " + server.url("/to-ftp") +
                 ": redirect to a non-HTTP URL refused (ftp://ftp.example.invalid/feed.xml)\n"),
      std::string::npos)
      << r.err;
  const auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["added"], 6);
  EXPECT_EQ(summary["sources_ok"], 3);
  EXPECT_EQ(summary["sources_failed"], 2);
  EXPECT_EQ(doc_count(), 6u);  // 3 plain + 2 gzip-encoded + 1 behind a redirect

  Xapian::Enquire enquire{Xapian::Database(db)};
  enquire.set_query(Xapian::Query("zipped"));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 2u);  // the gzip feed was decoded, not garbage
}

TEST_F(HttpFetch, RemoteOpmlListsAreFollowed) {
  HttpServer server(dir / "www");
  const auto r = index({"--json", "add", server.url("/feeds/subs.opml")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["sources_ok"], 3);  // the list and its two feeds
  EXPECT_EQ(doc_count(), 4u);
}

TEST_F(HttpFetch, TheSizeCapAndTheTimeoutAbortTransfers) {
  HttpServer server(dir / "www");
  const auto r = index({"add", "--max-size", "1", "--timeout", "2", server.url("/huge"),
                        server.url("/slow"), server.url("/feeds/good.xml")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("lede-index: " + server.url("/huge") +
                       ": response larger than the 1 MiB limit; transfer aborted\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("lede-index: " + server.url("/slow") + ": Operation timed out"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(doc_count(), 3u);
}

TEST_F(HttpFetch, AnUnreachableServerIsOneLine) {
  // Port 9 (discard) on 127.0.0.1: nothing listens there on a test machine.
  const auto r = index({"add", "http://127.0.0.1:9/feed.xml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("lede-index: http://127.0.0.1:9/feed.xml: Failed to connect", 0), 0u)
      << r.err;
}

}  // namespace
}  // namespace lede

// Servers written to hurt, on 127.0.0.1 (tests/support/http_server.py): a gzip bomb, an endless
// body, a trickle, a redirect loop and redirects out of HTTP, each met by lede-index add and all
// at once by update, with the peak RSS of each run held to the bound docs/limits.md states.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/end_to_end/hostile_input.hpp"
#include "tests/support/http_server.hpp"

namespace lede {
namespace {

using namespace hostile;

// The hostile servers below are routes of tests/support/http_server.py on 127.0.0.1. Every wait
// is bounded: a body by --max-size, a trickle by --timeout or --stall-time of a few seconds.

std::size_t requests_to(const std::vector<test::LoggedRequest>& log, const std::string& prefix) {
  return static_cast<std::size_t>(std::count_if(
      log.begin(), log.end(), [&](const auto& r) { return r.path.rfind(prefix, 0) == 0; }));
}

TEST_F(HostileInput, AGzipBombStopsAtTheSizeCap) {
  test::HttpServer server(www());
  const std::string url = server.url("/bomb");  // 10 GiB of zeros from about 10 MiB
  const auto r = index("gzip bomb", url, 192);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // The cap counts decoded bytes: the bomb is stopped at 64 MiB of zeros, not of gzip.
  EXPECT_NE(r.err.find(url + ": response larger than the 64 MiB limit; transfer aborted"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);
}

TEST_F(HostileInput, AnEndlessResponseStopsAtTheSizeCap) {
  test::HttpServer server(www());
  const std::string url = server.url("/endless");
  const auto r = index("endless response", url, 192);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(url + ": response larger than the 64 MiB limit; transfer aborted"),
            std::string::npos)
      << r.err;
}

TEST_F(HostileInput, AServerThatTricklesOneByteASecondIsCutOff) {
  test::HttpServer server(www());
  const std::string url = server.url("/trickle");
  // By the total time allowed per fetch…
  auto r = index("trickle, --timeout 3", url, 64, {"--timeout", "3"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(url + ": Operation timed out after "), std::string::npos) << r.err;
  // …and, whatever the timeout, by the stall limit (by default under 100 bytes/s for 30 s).
  r = index("trickle, --stall-time 2", url, 64, {"--stall-time", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(url + ": Operation too slow. Less than 100 bytes/sec transferred the last "
                             "2 seconds"),
            std::string::npos)
      << r.err;
}

TEST_F(HostileInput, ARedirectLoopEndsAtTheRedirectLimit) {
  test::HttpServer server(www());
  const std::string url = server.url("/loop/0");
  const auto r = index("redirect loop", url, 64);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(url + ": more than 5 redirects\n"), std::string::npos) << r.err;
  EXPECT_EQ(requests_to(server.log(), "/loop/"), 6u) << "the first request and 5 redirects";
}

TEST_F(HostileInput, RedirectsToFileAndGopherAreRefused) {
  test::HttpServer server(www());
  const std::string to_file = server.url("/to-file");
  auto r = index("redirect to file:///etc/passwd", to_file, 64);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(to_file + ": redirect to a non-HTTP URL refused (file:///etc/passwd)\n"),
            std::string::npos)
      << r.err;

  // gopher:// to this very server: had it been followed, the server would have logged it.
  const std::string gopher = "gopher://127.0.0.1:" + std::to_string(server.port()) + "/1passwd";
  const std::string to_gopher = server.url("/to?url=" + gopher);
  r = index("redirect to gopher://", to_gopher, 64);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(to_gopher + ": redirect to a non-HTTP URL refused (" + gopher + ")\n"),
            std::string::npos)
      << r.err;
  const auto log = server.log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].path, "/to-file");
  EXPECT_EQ(log[1].path, "/to?url=" + gopher);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);  // only good.xml's: nothing of passwd
}

TEST_F(HostileInput, UpdateMeetsEveryHostileServerAtOnce) {
  // update fetches in parallel (--jobs 8): the bomb and the endless body are held side by side.
  test::HttpServer server(www());
  const std::vector<std::string> hostile = {
      server.url("/bomb"),
      server.url("/endless"),
      server.url("/trickle"),
      server.url("/loop/0"),
      server.url("/to-file"),
      server.url("/to?url=gopher://127.0.0.1:" + std::to_string(server.port()) + "/1")};
  std::vector<std::string> subscribe = {test::tool_path("indexer", "lede-index"), "--db", db,
                                        "subscribe", server.url("/feeds/good.xml")};
  subscribe.insert(subscribe.end(), hostile.begin(), hostile.end());
  ASSERT_EQ(test::run_process(subscribe).exit_code, 0);

  // update's own default --max-size is 16 MiB.
  auto r =
      run_bounded("update, every hostile server at once", {"update", "--stall-time", "2"}, 128);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json s = summary(r);
  EXPECT_EQ(s["due"], 7);
  EXPECT_EQ(s["changed"], 1);
  EXPECT_EQ(s["failed"], 6);
  EXPECT_EQ(s["added"], 2);
  const auto expect_every_error = [&](const std::string& cap) {
    for (const std::string& expected : std::vector<std::string>{
             "/bomb: response larger than the " + cap + " limit; transfer aborted\n",
             "/endless: response larger than the " + cap + " limit; transfer aborted\n",
             "/trickle: Operation too slow.", "/loop/0: more than 5 redirects\n",
             "/to-file: redirect to a non-HTTP URL refused (file:///etc/passwd)\n",
             ": redirect to a non-HTTP URL refused (gopher://127.0.0.1:"}) {
      EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
    }
  };
  expect_every_error("16 MiB");

  // With add's 64 MiB: the two bodies held at once are each four times larger.
  r = run_bounded("update --max-size 64, every hostile server at once",
                  {"update", "--force", "--max-size", "64", "--stall-time", "2"}, 320);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  s = summary(r);
  EXPECT_EQ(s["failed"], 6);
  EXPECT_EQ(s["not_modified"], 1);
  expect_every_error("64 MiB");
}

}  // namespace
}  // namespace lede

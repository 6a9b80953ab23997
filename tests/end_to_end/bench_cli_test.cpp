// lede-bench as a user runs it, on the sample archive examples/: `index` with each baseline
// builds all three databases, `query` times lede beside each baseline, `search` prints hits.
// Figures are never asserted (the machine is shared); counts, shapes and exit codes are.

#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_paths.hpp"

namespace lede {
namespace {

using nlohmann::json;

constexpr int sample_articles = 38;  // examples/feeds: 4 feeds (examples/README.md)

test::ProcessResult bench(std::vector<std::string> args) {
  args.insert(args.begin(), test::tool_path("bench", "lede-bench"));
  return test::run_process(args);
}

class BenchCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    std::ofstream(*dir_ / "queries.txt")
        << "bank\ninterest rates\n\"central bank\"\nzzzzqqqq\n\n  rates   bank \n";
    const std::string examples = (test::source_dir() / "examples").string();
    fts5_index_ = bench({"index", examples, "--db", path("lede"), "--baseline", "fts5",
                         "--baseline-db", path("sample.fts5"), "--json"});
    plain_index_ = bench({"index", examples, "--baseline", "xapian-plain", "--baseline-db",
                          path("plain"), "--json"});
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string path(const std::string& name) { return (*dir_ / name).string(); }

  static test::TempDir* dir_;
  static test::ProcessResult fts5_index_, plain_index_;
};
test::TempDir* BenchCli::dir_ = nullptr;
test::ProcessResult BenchCli::fts5_index_, BenchCli::plain_index_;

void expect_index_report(const test::ProcessResult& run, const std::string& baseline) {
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = json::parse(run.out);
  EXPECT_EQ(report["benchmark"], "index");
  EXPECT_EQ(report["files"], 4);
  ASSERT_EQ(report["contenders"].size(), 2u);
  EXPECT_EQ(report["contenders"][0]["name"], "lede");
  EXPECT_EQ(report["contenders"][1]["name"], baseline);
  for (const json& c : report["contenders"]) {
    EXPECT_EQ(c["articles"], sample_articles) << c["name"];
    EXPECT_EQ(c["skipped"], 0);
    EXPECT_GT(c["seconds"].get<double>(), 0);
    EXPECT_GT(c["articles_per_second"].get<double>(), 0);
    EXPECT_GT(c["peak_rss_mb"].get<double>(), 1);
    EXPECT_GT(c["database_bytes"].get<double>(), 10'000) << c["name"];
    EXPECT_GT(c["compacted_bytes"].get<double>(), 10'000) << c["name"];
  }
  ASSERT_EQ(report["ratios"].size(), 1u);
  EXPECT_EQ(report["ratios"][0]["to"], baseline);
  EXPECT_GT(report["ratios"][0]["compacted_bytes"].get<double>(), 0);
}

TEST_F(BenchCli, IndexWithFts5KeepsBothDatabases) {
  expect_index_report(fts5_index_, "fts5");
  EXPECT_TRUE(std::filesystem::is_directory(path("lede")));
  EXPECT_TRUE(std::filesystem::is_regular_file(path("sample.fts5")));
}

TEST_F(BenchCli, IndexWithXapianPlain) {
  expect_index_report(plain_index_, "xapian-plain");
  EXPECT_TRUE(std::filesystem::is_directory(path("plain")));
}

// rebuild's parallel path: the same articles as the one-thread build, in a merged archive.
TEST_F(BenchCli, IndexOnTwoWorkersBuildsTheSameArchive) {
  const test::ProcessResult run = bench({"index", (test::source_dir() / "examples").string(),
                                         "--workers", "2", "--db", path("lede-2"), "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = json::parse(run.out);
  ASSERT_EQ(report["contenders"].size(), 1u);
  const json& lede = report["contenders"][0];
  EXPECT_EQ(lede["name"], "lede, 2 workers");
  EXPECT_EQ(lede["workers"], 2);
  EXPECT_EQ(lede["articles"], sample_articles);
  EXPECT_EQ(lede["skipped"], 0);
  const auto ids = [](const std::string& db) {
    std::vector<std::string> terms;
    const Xapian::Database database(db);
    const std::string prefix(schema::unique_id().prefix);  // one term per article
    for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix); ++t) {
      terms.push_back(*t);
    }
    return terms;
  };
  EXPECT_EQ(ids(path("lede-2")), ids(path("lede")));
  EXPECT_EQ(ids(path("lede")).size(), static_cast<std::size_t>(sample_articles));
  // The folder must be new: parts are merged into it.
  const test::ProcessResult again = bench({"index", (test::source_dir() / "examples").string(),
                                           "--workers", "2", "--db", path("lede-2")});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
}

void expect_query_report(const test::ProcessResult& run, const std::vector<std::string>& names,
                         unsigned runs) {
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = json::parse(run.out);
  EXPECT_EQ(report["queries"], 5);  // the blank line is skipped
  EXPECT_EQ(report["documents"], sample_articles);
  ASSERT_EQ(report["contenders"].size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const json& c = report["contenders"][i];
    EXPECT_EQ(c["name"], names[i]);
    EXPECT_EQ(c["latency"]["count"], 5 * runs) << names[i];
    EXPECT_EQ(c["cpu"]["count"], 5 * runs);
    EXPECT_LE(c["latency"]["q50_us"], c["latency"]["q99_us"]);
    EXPECT_LE(c["latency"]["q99_us"], c["latency"]["max_us"]);
    EXPECT_GT(c["qps"].get<double>(), 0);
    EXPECT_GT(c["hits_returned"].get<int>(), 4) << names[i];
    EXPECT_EQ(c["zero_hit_queries"], 1) << names[i];  // zzzzqqqq
  }
  EXPECT_EQ(report["ratios"].size(), names.size() - 1);
}

TEST_F(BenchCli, QueryBesideFts5WithSnippets) {
  ASSERT_EQ(fts5_index_.exit_code, 0);
  expect_query_report(bench({"query", "--db", path("lede"), "--queries", path("queries.txt"),
                             "--runs", "2", "--now", "2026-11-28", "--baseline", "fts5",
                             "--baseline-db", path("sample.fts5"), "--json"}),
                      {"lede blend", "fts5"}, 2);
}

TEST_F(BenchCli, QueryBesideXapianPlainWithoutSnippetsOnTwoThreads) {
  ASSERT_EQ(plain_index_.exit_code, 0);
  expect_query_report(
      bench({"query", "--db", path("lede"), "--queries", path("queries.txt"), "--threads", "2",
             "--no-snippets", "--sort", "relevance,date", "--baseline", "xapian-plain",
             "--baseline-db", path("plain"), "--json"}),
      {"lede relevance", "lede date", "xapian-plain"}, 3);
}

TEST_F(BenchCli, QueryBesideBothBaselinesInOneRun) {
  ASSERT_EQ(fts5_index_.exit_code, 0);
  ASSERT_EQ(plain_index_.exit_code, 0);
  expect_query_report(bench({"query", "--db", path("lede"), "--queries", path("queries.txt"),
                             "--runs", "1", "--baseline", "fts5,xapian-plain", "--baseline-db",
                             path("sample.fts5") + "," + path("plain"), "--json"}),
                      {"lede blend", "fts5", "xapian-plain"}, 1);
}

TEST_F(BenchCli, QueryComparesAnotherLedeArchiveInEveryOrder) {
  ASSERT_EQ(fts5_index_.exit_code, 0);
  const std::string copy = path("lede-copy");
  Xapian::Database(path("lede")).compact(copy);
  const auto run = bench({"query", "--db", path("lede"), "--queries", path("queries.txt"), "--runs",
                          "1", "--sort", "blend,date", "--compare-db", copy, "--json"});
  expect_query_report(
      run, {"lede blend", "lede date", "lede blend on lede-copy", "lede date on lede-copy"}, 1);
  const json report = json::parse(run.out);
  EXPECT_EQ(report["databases"]["lede date on lede-copy"], copy);
  EXPECT_EQ(report["contenders"][0]["hits_returned"], report["contenders"][2]["hits_returned"]);
}

TEST_F(BenchCli, QueryTableOnAPipeWithoutJson) {
  const auto run = bench({"query", "--db", path("lede"), "--queries", path("queries.txt"), "--runs",
                          "1", "--baseline", "fts5", "--baseline-db", path("sample.fts5")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("p50"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("lede blend / fts5"), std::string::npos) << run.out;
}

TEST_F(BenchCli, BaselineSearchPrintsHitsOfEachBaseline) {
  const std::pair<const char*, std::string> engines[] = {{"fts5", path("sample.fts5")},
                                                         {"xapian-plain", path("plain")}};
  for (const auto& [engine, db] : engines) {
    const std::string program = test::tool_path("bench", std::string("baseline-search-") + engine);
    const auto run = test::run_process({program, "--db", db, "central", "bank"});
    EXPECT_EQ(run.exit_code, 0) << engine << ": " << run.err;
    EXPECT_NE(run.out.find("1. "), std::string::npos) << engine;
    EXPECT_NE(run.out.find("ank"), std::string::npos) << engine;
    const auto none = test::run_process({program, "--db", db, "zzzzqqqq"});
    EXPECT_EQ(none.exit_code, 1) << engine;
  }
  const auto missing = test::run_process(
      {test::tool_path("bench", "baseline-search-fts5"), "--db", path("missing.fts5"), "oil"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("baseline-search-fts5: "), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("missing.fts5"), std::string::npos) << missing.err;
}

// A whole-process timing of FTS5 must not pay for loading Xapian, nor Xapian's for SQLite:
// the dynamic loader, told to list what it loads, names only the program's own engine.
TEST_F(BenchCli, EachBaselineSearchLoadsOnlyItsOwnEngine) {
  const std::pair<const char*, const char*> engines[] = {{"fts5", "libxapian"},
                                                         {"xapian-plain", "libsqlite3"}};
  for (const auto& [engine, foreign] : engines) {
    const auto run =
        test::run_process({"/usr/bin/env", "LD_TRACE_LOADED_OBJECTS=1",
                           test::tool_path("bench", std::string("baseline-search-") + engine)});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find(std::string(engine) == "fts5" ? "libsqlite3" : "libxapian"),
              std::string::npos)
        << run.out;
    EXPECT_EQ(run.out.find(foreign), std::string::npos) << engine << " loads " << foreign;
  }
}

TEST_F(BenchCli, BadBaselineAndMissingDatabaseAreErrors) {
  auto run = bench({"query", "--db", path("lede"), "--queries", path("queries.txt"), "--baseline",
                    "lucene", "--baseline-db", path("x")});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("lede-bench: --baseline: unknown baseline 'lucene'"), std::string::npos)
      << run.err;
  run = bench({"query", "--db", path("lede"), "--queries", path("queries.txt"), "--baseline",
               "fts5,xapian-plain", "--baseline-db", path("sample.fts5")});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("one database per --baseline"), std::string::npos) << run.err;
  run = bench({"query", "--db", path("lede"), "--queries", path("queries.txt"), "--baseline",
               "fts5", "--baseline-db", path("missing.fts5")});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("missing.fts5"), std::string::npos) << run.err;
}

TEST(GenCorpusCli, SameSeedSameFileAndRssDays) {
  test::TempDir dir;
  std::ofstream(dir / "tiny.jsonl")
      << R"({"id":"a","title":"OIL PRICES RISE","body":"Oil rose. Traders said so.","summary":"","published":"1987-03-02T09:15:00Z","link":"","source":"Reuters","categories":["crude"],"places":[]})"
      << '\n'
      << R"({"id":"b","title":"BANK RAISES RATES","body":"The bank raised rates.","summary":"","published":"1987-03-03T10:00:00Z","link":"","source":"Reuters","categories":[],"places":[]})"
      << '\n';
  const std::string gen = test::tool_path("bench", "gen-corpus");
  const std::string from = (dir / "tiny.jsonl").string();
  const auto a = test::run_process({gen, "--from", from, "--count", "25", "--seed", "9"});
  const auto b = test::run_process({gen, "--from", from, "--count", "25", "--seed", "9"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(std::count(a.out.begin(), a.out.end(), '\n'), 25);
  const auto rss = test::run_process(
      {gen, "--from", from, "--count", "25", "--format", "rss", "--out", (dir / "feeds").string()});
  ASSERT_EQ(rss.exit_code, 0) << rss.err;
  EXPECT_GE(std::distance(std::filesystem::directory_iterator(dir / "feeds"), {}), 2);
  const auto bad =
      test::run_process({gen, "--from", (dir / "missing.jsonl").string(), "--count", "1"});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace lede

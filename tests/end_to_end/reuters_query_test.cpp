// lede-query on the Reuters-21578 archive (../shared/corpus/reuters21578), indexed by the real
// lede-index from the corpus's daily RSS feeds.

#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include "common/dates.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/test_paths.hpp"

namespace lede {
namespace {

using nlohmann::json;
using test::ProcessResult;

const std::string now = "1987-10-21";

// The archive, built by the real lede-index on first use and kept in the build folder: ctest
// runs each test in its own process, and indexing 21,578 articles once is enough. It is built
// again when lede-index is newer than it; a lock keeps parallel tests from building it twice.
const std::string& reuters_db(const std::filesystem::path& corpus) {
  static const std::string path = [&] {
    namespace fs = std::filesystem;
    const fs::path dir = test::binary_dir() / "test-data" / "reuters-query";
    fs::create_directories(dir);
    const int lock = open((dir / ".lock").c_str(), O_RDWR | O_CREAT, 0600);
    flock(lock, LOCK_EX);
    const fs::path db = dir / "db", done = dir / "db.done";
    const std::string indexer = test::tool_path("indexer", "lede-index");
    std::error_code ec;
    if (!fs::exists(done) || fs::last_write_time(done) < fs::last_write_time(indexer, ec)) {
      fs::remove_all(db);
      fs::remove(done);
      const ProcessResult r = test::run_process(
          {indexer, "--db", db.string(), "--quiet", "add", (corpus / "feeds").string()});
      if (r.exit_code == 0) {
        std::ofstream(done) << "built by lede-index from " << (corpus / "feeds").string() << '\n';
      } else {
        ADD_FAILURE() << "lede-index failed: " << r.err;
      }
    }
    flock(lock, LOCK_UN);
    close(lock);
    return db.string();
  }();
  return path;
}

ProcessResult query(const std::filesystem::path& corpus, std::vector<std::string> args) {
  std::vector<std::string> argv = {test::tool_path("query", "lede-query"), "--db",
                                   reuters_db(corpus), "--now", now};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run_process(argv);
}

std::vector<json> hits_of(const std::string& out) {
  std::vector<json> hits;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    if (j.at("type") == "hit") hits.push_back(std::move(j));
  }
  return hits;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(ReutersQuery, OilPricesShowsTenHighlightedHits) {
  LEDE_REQUIRE_SHARED(corpus, "corpus/reuters21578");
  const ProcessResult r = query(corpus, {"--json", "--", "oil prices"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> hits = hits_of(r.out);
  ASSERT_EQ(hits.size(), 10u);
  const Xapian::Stem english("en");
  // Every highlighted span, in a title or a snippet, is a form of one of the query's words.
  auto expect_query_words = [&](const std::string& text, const json& spans) {
    for (const json& span : spans) {
      const std::size_t begin = span.at(0), end = span.at(1);
      const std::string stem = english(lower(text.substr(begin, end - begin)));
      EXPECT_TRUE(stem == "oil" || stem == "price") << text.substr(begin, end - begin);
    }
  };
  for (const json& hit : hits) {
    const std::string title = hit.at("title");
    const std::string text = hit.at("snippet").at("text");
    const json& spans = hit.at("snippet").at("spans");
    expect_query_words(title, hit.at("title_spans"));
    expect_query_words(text, spans);
    // Reuters has headline-only flashes ("ARCO RAISES CRUDE OIL PRICES 50 CTS ..."): with no
    // body there is no snippet, and the match must show in the title instead.
    if (text.empty()) {
      EXPECT_FALSE(hit.at("title_spans").empty()) << title;
    } else {
      EXPECT_FALSE(spans.empty()) << title << ": " << text;
    }
  }
  // And the human output of the same query, as a person reads it.
  const ProcessResult human = query(corpus, {"oil", "prices"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("\n10. "), std::string::npos) << human.out;
  EXPECT_EQ(human.out.find("\n11. "), std::string::npos);
}

TEST(ReutersQuery, CountIsTheNumberOfStoriesListed) {
  // The archive holds near-duplicates, so collapsing matters here (on a tiny archive Xapian's
  // estimate happens to be right anyway).
  LEDE_REQUIRE_SHARED(corpus, "corpus/reuters21578");
  for (const std::vector<std::string>& collapse :
       {std::vector<std::string>{}, std::vector<std::string>{"--no-collapse"}}) {
    auto with = [&](std::vector<std::string> args) {
      args.insert(args.end(), collapse.begin(), collapse.end());
      args.insert(args.end(), {"--", "oil prices"});
      return query(corpus, args);
    };
    const ProcessResult all = with({"--json", "--limit", "100000"});
    const ProcessResult count = with({"--count"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    ASSERT_EQ(count.exit_code, 0) << count.err;
    EXPECT_EQ(std::stoul(count.out), hits_of(all.out).size()) << count.out;
  }
}

TEST(ReutersQuery, SortByDateIsNewestFirst) {
  LEDE_REQUIRE_SHARED(corpus, "corpus/reuters21578");
  const ProcessResult r = query(corpus, {"--json", "--sort", "date", "--limit", "50", "oil"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> hits = hits_of(r.out);
  ASSERT_EQ(hits.size(), 50u);
  for (std::size_t i = 1; i < hits.size(); ++i) {
    // RFC 3339 UTC strings of one format sort as the times they name.
    EXPECT_GE(hits[i - 1].at("published").get<std::string>(),
              hits[i].at("published").get<std::string>());
  }
}

TEST(ReutersQuery, SinceThirtyDaysKeepsOnlyRecentArticles) {
  LEDE_REQUIRE_SHARED(corpus, "corpus/reuters21578");
  const ProcessResult r = query(corpus, {"--json", "--since", "30d", "--limit", "100", "oil"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> hits = hits_of(r.out);
  ASSERT_FALSE(hits.empty());
  const UnixSeconds earliest = *dates::parse_iso8601(now) - 30 * 86400;
  for (const json& hit : hits) {
    const auto published = dates::parse_iso8601(hit.at("published").get<std::string>());
    ASSERT_TRUE(published);
    EXPECT_GE(*published, earliest) << hit.at("published");
  }
  // Without --since the same query reaches further back.
  const std::vector<json> all =
      hits_of(query(corpus, {"--json", "--sort", "date", "--limit", "1000", "oil"}).out);
  ASSERT_FALSE(all.empty());
  EXPECT_LT(*dates::parse_iso8601(all.back().at("published").get<std::string>()), earliest);
}

TEST(ReutersQuery, EveryQueryOfTheListRunsWithoutError) {
  LEDE_REQUIRE_SHARED(corpus, "corpus/reuters21578");
  LEDE_REQUIRE_SHARED(queries_file, "corpus/reuters21578/queries.txt");
  std::ifstream in(queries_file);
  int total = 0, matched = 0, errors = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    ++total;
    const ProcessResult r = query(corpus, {"--json", "--", line});
    if (r.exit_code == 0) ++matched;
    if (r.exit_code != 0 && r.exit_code != 1) {
      ++errors;
      ADD_FAILURE() << "'" << line << "' exited " << r.exit_code << ": " << r.err;
    }
  }
  EXPECT_GT(total, 0);
  EXPECT_EQ(errors, 0);
  // The corpus guarantees every query matches some article when all its words occur (its
  // README); a tokeniser may differ on a few phrases, not on more (1,998 of 2,000 here).
  EXPECT_GE(matched * 1000, total * 995) << matched << " of " << total << " found matches";
  std::cout << "[ reuters  ] " << total << " queries: " << matched << " with matches, "
            << total - matched - errors << " without, " << errors << " errors\n";
}

}  // namespace
}  // namespace lede

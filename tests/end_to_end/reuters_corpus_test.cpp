// The Reuters-21578 corpus (../shared/corpus/reuters21578) through lede-index: every article
// once, re-runs and the Atom copies never duplicate, and the JSON Lines dump gives the same ids.
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_paths.hpp"

namespace lede {
namespace {

constexpr std::size_t kReutersArticles = 20841;  // ../shared/corpus/README.md

nlohmann::json index(const std::string& db, const std::string& source) {
  const auto r = test::run_process(
      {test::tool_path("indexer", "lede-index"), "--db", db, "--json", "add", source});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return nlohmann::json::parse(r.out);
}

std::set<std::string> unique_terms(const std::string& db_path) {
  const Xapian::Database db(db_path);
  const std::string prefix(schema::unique_id().prefix);
  std::set<std::string> terms;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) terms.insert(*t);
  return terms;
}

TEST(ReutersCorpus, FeedsAtomAndJsonLinesGiveTheSame20841Articles) {
  LEDE_REQUIRE_SHARED(corpus, "corpus/reuters21578");
  test::TempDir dir;
  const std::string feeds_db = (dir / "feeds").string();

  nlohmann::json s = index(feeds_db, (corpus / "feeds").string());
  EXPECT_EQ(s["added"], kReutersArticles);
  EXPECT_EQ(s["skipped"], 0);
  EXPECT_EQ(s["sources_ok"], 58);
  EXPECT_EQ(Xapian::Database(feeds_db).get_doccount(), kReutersArticles);

  s = index(feeds_db, (corpus / "feeds").string());
  EXPECT_EQ(s["unchanged"], kReutersArticles);
  EXPECT_EQ(s["added"], 0);
  EXPECT_EQ(s["updated"], 0);
  EXPECT_EQ(Xapian::Database(feeds_db).get_doccount(), kReutersArticles);

  // The same stories as Atom: same links, so the same articles (replaced, never added).
  s = index(feeds_db, (corpus / "atom").string());
  EXPECT_EQ(s["added"], 0);
  EXPECT_EQ(s["updated"].get<std::size_t>() + s["unchanged"].get<std::size_t>(), 1739u);
  EXPECT_EQ(Xapian::Database(feeds_db).get_doccount(), kReutersArticles);

  const std::string jsonl_db = (dir / "jsonl").string();
  s = index(jsonl_db, (corpus / "articles.jsonl").string());
  EXPECT_EQ(s["added"], kReutersArticles);
  const std::set<std::string> from_jsonl = unique_terms(jsonl_db);
  EXPECT_EQ(from_jsonl.size(), kReutersArticles);
  EXPECT_TRUE(from_jsonl == unique_terms(feeds_db)) << "the dump and the feeds differ in ids";
}

}  // namespace
}  // namespace lede

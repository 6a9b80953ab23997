// Query lines → FTS5 MATCH expressions: words and phrases become quoted FTS5 strings, so that
// no punctuation or keyword in a query can be FTS5 syntax (table of input → expected).
#include <filesystem>

#include <gtest/gtest.h>

#include "bench/baselines/fts5_index.hpp"
#include "bench/baselines/fts5_query.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_paths.hpp"

namespace lede::bench {
namespace {

using fts5::to_match_expression;

TEST(Fts5Match, WordsAndPhrases) {
  const std::pair<const char*, const char*> cases[] = {
      {"oil", R"("oil")"},
      {"oil prices", R"("oil" "prices")"},
      {R"("interest rates")", R"("interest rates")"},
      {R"(bank "interest rates" cut)", R"("bank" "interest rates" "cut")"},
      {R"("unclosed phrase)", R"("unclosed phrase")"},
      {"  spaced\t out  ", R"("spaced" "out")"},
      {"OR AND NOT NEAR", R"("OR" "AND" "NOT" "NEAR")"},  // keywords are words
      {"title:oil col*", R"("title:oil" "col*")"},        // no column filter, no prefix query
      {"u.s. -wheat ^start", R"("u.s." "-wheat" "^start")"},
      {R"(say"hi")", R"("say" "hi")"},
      {"- ( ) \"\"", ""},  // nothing that FTS5 would tokenise into a word
      {"caf\xc3\xa9", "\"caf\xc3\xa9\""},
  };
  for (const auto& [query, expected] : cases) {
    EXPECT_EQ(to_match_expression(query) == expected ? "" : query, std::string())
        << "got " << to_match_expression(query) << ", want " << expected;
  }
}

TEST(Fts5Match, QuotesSplitWords) {
  EXPECT_EQ(to_match_expression("a\"b c\"d"), R"("a" "b c" "d")");
}

// The differential half: every expression above is valid FTS5 on a real table (the engine
// throws on a syntax error), and a plain query finds what the sample archive holds.
TEST(Fts5Engine, NoQueryBreaksTheSyntax) {
  test::TempDir dir;
  const std::string db = (dir / "sample.fts5").string();
  const BuildResult built = fts5::build({(test::source_dir() / "examples").string()}, db);
  ASSERT_EQ(built.articles, 38u);
  const auto engine = fts5::engine_factory(db, QueryWork{})();
  for (const char* query :
       {"oil", R"("central bank")", "OR AND NOT NEAR", "title:oil col*", "u.s. -wheat ^start",
        R"(say"hi")", "- ( ) \"\"", "caf\xc3\xa9", "NEAR(a b)", "a:b:c", "'single' \\back"}) {
    EXPECT_NO_THROW(engine->search(query)) << query;
  }
  EXPECT_GT(engine->search("bank"), 0u);
  EXPECT_EQ(engine->search("zzzzqqqq"), 0u);
}

}  // namespace
}  // namespace lede::bench

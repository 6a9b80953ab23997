#include "query/highlight_terms.hpp"

#include <gtest/gtest.h>

#include "common/schema.hpp"
#include "query/date_range.hpp"

namespace lede::query {
namespace {

using Q = Xapian::Query;

// Terms are built from the schema table, never from prefix literals.
std::string stemmed(const schema::Field* field, const std::string& stem) {
  return "Z" + (field ? std::string(field->prefix) : std::string()) + stem;
}
std::string plain(const schema::Field* field, const std::string& word) {
  return (field ? std::string(field->prefix) : std::string()) + word;
}

const Xapian::Stem english("en");

TEST(HighlightTerms, StemmedAndUnstemmedTermsAreKeptByStem) {
  const Q query(Q::OP_OR, Q(stemmed(nullptr, "bank")), Q(plain(nullptr, "prices")));
  const HighlightTerms terms = highlight_terms(query, english);
  EXPECT_EQ(terms.text.stems, (std::set<std::string>{"bank", "price"}));
  EXPECT_EQ(terms.title.stems, terms.text.stems);  // the default field includes the title
}

TEST(HighlightTerms, TitleTermsApplyToTitlesOnly) {
  const Q query(Q::OP_AND, Q(stemmed(&schema::title(), "oil")), Q(stemmed(nullptr, "price")));
  const HighlightTerms terms = highlight_terms(query, english);
  EXPECT_EQ(terms.title.stems, (std::set<std::string>{"oil", "price"}));
  EXPECT_EQ(terms.text.stems, (std::set<std::string>{"price"}));
}

TEST(HighlightTerms, FiltersExclusionsAndValueRangesHighlightNothing) {
  const Q wanted(stemmed(nullptr, "oil"));
  const Q filtered(Q::OP_FILTER, wanted,
                   Q(Q::OP_AND, Q(schema::boolean_term(schema::category(), "crude")),
                     published_range_query(TimeRange{0, 1000})));
  const Q query(Q::OP_AND_NOT, filtered, Q(stemmed(nullptr, "wheat")));
  const HighlightTerms terms = highlight_terms(query, english);
  EXPECT_EQ(terms.text.stems, (std::set<std::string>{"oil"}));
  EXPECT_EQ(terms.title.stems, (std::set<std::string>{"oil"}));
}

TEST(HighlightTerms, BooleanAuthorAndSourceTermsAreNotText) {
  const std::vector<Q> parts = {Q(schema::boolean_term(schema::language(), "en")),
                                Q(stemmed(&schema::author(), "smith")),
                                Q(plain(&schema::source(), "reuters"))};
  const Q query(Q::OP_OR, parts.begin(), parts.end());
  const HighlightTerms terms = highlight_terms(query, english);
  EXPECT_TRUE(terms.text.empty());
  EXPECT_TRUE(terms.title.empty());
}

TEST(HighlightTerms, PhrasesKeepTheirWordsTogether) {
  const std::vector<Q> words = {Q(plain(nullptr, "interest"), 1, 1),
                                Q(plain(nullptr, "rates"), 1, 2)};
  const Q query(Q::OP_OR, Q(Q::OP_PHRASE, words.begin(), words.end(), 2),
                Q(stemmed(nullptr, "bank")));
  const HighlightTerms terms = highlight_terms(query, english);
  ASSERT_EQ(terms.text.phrases.size(), 1u);
  EXPECT_EQ(terms.text.phrases[0], (std::vector<std::string>{"interest", "rate"}));
  EXPECT_EQ(terms.text.stems, (std::set<std::string>{"bank"}));  // phrase words are not loose
}

TEST(HighlightTerms, TitlePhraseAppliesToTitlesOnly) {
  const std::vector<Q> words = {Q(plain(&schema::title(), "oil")),
                                Q(plain(&schema::title(), "prices"))};
  const HighlightTerms terms =
      highlight_terms(Q(Q::OP_PHRASE, words.begin(), words.end(), 2), english);
  EXPECT_TRUE(terms.text.phrases.empty());
  ASSERT_EQ(terms.title.phrases.size(), 1u);
  EXPECT_EQ(terms.title.phrases[0], (std::vector<std::string>{"oil", "price"}));
}

TEST(HighlightTerms, WildcardsHighlightByPrefix) {
  const HighlightTerms terms = highlight_terms(Q(Q::OP_WILDCARD, plain(nullptr, "korea")), english);
  EXPECT_EQ(terms.text.wildcard_prefixes, (std::vector<std::string>{"korea"}));
}

TEST(HighlightTerms, QueryParserOutputIsUnderstood) {
  // The same shape the engine's parser produces: capitals unstemmed, phrase, exclusion, filter.
  Xapian::QueryParser parser;
  parser.set_stemmer(english);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.add_prefix("title", std::string(schema::title().prefix));
  parser.add_boolean_prefix("category", std::string(schema::category().prefix));
  const Q query = parser.parse_query("Banks title:oil \"farm spending\" -wheat category:grain",
                                     Xapian::QueryParser::FLAG_DEFAULT);
  const HighlightTerms terms = highlight_terms(query, english);
  EXPECT_EQ(terms.text.stems, (std::set<std::string>{"bank"}));
  EXPECT_EQ(terms.title.stems, (std::set<std::string>{"bank", "oil"}));
  ASSERT_EQ(terms.text.phrases.size(), 1u);
  EXPECT_EQ(terms.text.phrases[0], (std::vector<std::string>{"farm", "spend"}));
}

}  // namespace
}  // namespace lede::query

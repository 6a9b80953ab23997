// Table tests of the query front end: input → expected Xapian get_description()
// (the way xapian-core's tests/api_queryparser.cc states its parser).
#include "query/query_parser.hpp"

#include <string>

#include <gtest/gtest.h>

#include "common/dates.hpp"
#include "common/error.hpp"

namespace lede::query {
namespace {

using dates::from_civil;

const UnixSeconds now = from_civil(2024, 7, 15, 12);

/// "VALUE_RANGE 0 … …" as Xapian itself describes a range on the published slot.
std::string value_query(Xapian::Query::op op, UnixSeconds a, UnixSeconds b = 0) {
  const auto enc = [](UnixSeconds t) { return Xapian::sortable_serialise(static_cast<double>(t)); };
  const Xapian::Query q = op == Xapian::Query::OP_VALUE_RANGE ? Xapian::Query(op, 0, enc(a), enc(b))
                                                              : Xapian::Query(op, 0, enc(a));
  const std::string d = q.get_description();
  return d.substr(6, d.size() - 7);  // strip "Query(" … ")"
}

struct Case {
  std::string input;
  std::string expected;
};

class QueryParserTest : public ::testing::Test {
 protected:
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  QueryParser parser{db, "en", now};

  void check(const Case& c) {
    const ParsedQuery parsed = parser.parse(c.input);
    EXPECT_EQ(parsed.query.get_description(), c.expected) << "input: " << c.input;
  }
};

TEST_F(QueryParserTest, WordsArePhrasesAndStemmedWordsJoinedByAnd) {
  const Case cases[] = {
      {"oil", "Query(Zoil@1)"},
      {"oil prices", "Query((Zoil@1 AND Zprice@2))"},
      // Capitals are folded so that STEM_SOME stems them: "Banks" finds "bank".
      {"Banks", "Query(Zbank@1)"},
      {"CENTRAL Banks", "Query((Zcentral@1 AND Zbank@2))"},
      {"Zürich BANKEN", "Query((Zzürich@1 AND Zbanken@2))"},
      // Stop words do not drown a query; lower-case operators are words, not operators.
      {"the bank of england", "Query((Zbank@2 AND Zengland@4))"},
      {"oil and gas", "Query((Zoil@1 AND Zgas@3))"},
      {"near future", "Query((Znear@1 AND Zfutur@2))"},
      {"form receive near", "Query((Zform@1 AND Zreceiv@2 AND Znear@3))"},
      {"US trade", "Query((Zus@1 AND Ztrade@2))"},
      // A query of stop words alone keeps them.
      {"the", "Query(Zthe@1)"},
      {"\"interest rates\"", "Query((interest@1 PHRASE 2 rates@2))"},
      {"\"The Bank\"", "Query((the@1 PHRASE 2 bank@2))"},
      {"\"farm spending\" loans", "Query(((farm@1 PHRASE 2 spending@2) AND Zloan@3))"},
  };
  for (const Case& c : cases) check(c);
}

TEST_F(QueryParserTest, LongQueriesAreJoinedByOr) {
  const Case cases[] = {
      // Three words (stop words and filters not counted) are all required ...
      {"the price of crude oil", "Query((Zprice@2 AND Zcrude@4 AND Zoil@5))"},
      {"oil prices category:crude lang:en",
       "Query(((Zoil@1 AND Zprice@2) FILTER (Kcrude AND Len)))"},
      // ... a fourth makes the query one to rank: any word may match, BM25 orders.
      {"opec oil output cut", "Query((Zopec@1 OR Zoil@2 OR Zoutput@3 OR Zcut@4))"},
      // A natural-language question: capitals, lower-case and/or/not, punctuation, a hyphen.
      {"What articles deal with TSS (Time Sharing System), and not with batch-processing?",
       "Query((Zarticl@2 OR Zdeal@3 OR Ztss@5 OR (Ztime@6 OR Zshare@7 OR Zsystem@8) OR Znot@10 "
       "OR (batch@12 PHRASE 2 processing@13)))"},
      // Explicit operators and +/- keep their meaning in a long query.
      {"+opec oil output cut -saudi",
       "Query(((Zopec@1 AND_MAYBE (Zoil@2 OR Zoutput@3 OR Zcut@4)) AND_NOT Zsaudi@5))"},
      // Xapian binds AND to the group that follows: opec, and any of the others.
      {"opec AND oil output cut", "Query((Zopec@1 AND (Zoil@2 OR Zoutput@3 OR Zcut@4)))"},
  };
  for (const Case& c : cases) check(c);
}

TEST(CountWordsTest, CountsDistinctFreeTextTermsNotFilters) {
  using Q = Xapian::Query;
  EXPECT_EQ(count_words(Q()), 0u);
  EXPECT_EQ(count_words(Q(Q::OP_AND, Q("Zoil"), Q("Zoil"))), 1u);
  const std::vector<Q> mixed = {Q("Zoil"),   Q("price"),  Q("Sbank"), Q("ZSbank"),   Q("XSreuters"),
                                Q("Asmith"), Q("Kcrude"), Q("Len"),   Q("D20240101")};
  EXPECT_EQ(count_words(Q(Q::OP_AND, mixed.begin(), mixed.end())), 6u);
}

TEST_F(QueryParserTest, BooleanOperatorsInCapitals) {
  const Case cases[] = {
      {"oil AND gas", "Query((Zoil@1 AND Zgas@2))"},
      {"oil OR gas", "Query((Zoil@1 OR Zgas@2))"},
      {"oil NOT gas", "Query((Zoil@1 AND_NOT Zgas@2))"},
      {"oil XOR gas", "Query((Zoil@1 XOR Zgas@2))"},
      {"NOT gas", "Query((<alldocuments> AND_NOT Zgas@1))"},
      {"(oil OR gas) AND prices", "Query(((Zoil@1 OR Zgas@2) AND Zprice@3))"},
      {"oil OR gas prices", "Query((Zoil@1 OR (Zgas@2 AND Zprice@3)))"},
      {"+oil -gas prices", "Query(((Zoil@1 AND Zprice@3) AND_NOT Zgas@2))"},
      {"+the bank", "Query((Zthe@1 AND Zbank@2))"},
      {"oil NEAR prices", "Query((oil@1 NEAR 11 prices@2))"},
      {"oil NEAR/3 prices", "Query((oil@1 NEAR 4 prices@2))"},
      {"oil ADJ prices", "Query((oil@1 PHRASE 11 prices@2))"},
      {"oil ADJ/2 prices", "Query((oil@1 PHRASE 3 prices@2))"},
      {"korea*", "Query(WILDCARD SYNONYM korea)"},
      {"South Korea*", "Query((Zsouth@1 AND WILDCARD SYNONYM korea))"},
  };
  for (const Case& c : cases) check(c);
}

TEST_F(QueryParserTest, FieldPrefixesComeFromTheSchema) {
  const Case cases[] = {
      {"title:oil", "Query(ZSoil@1)"},
      {"title:\"oil prices\"", "Query((Soil@1 PHRASE 2 Sprices@2))"},
      {"author:Smith", "Query(ZAsmith@1)"},
      {"source:reuters", "Query(ZXSreuter@1)"},
      // Boolean fields filter, with the indexer's lower-cased terms.
      {"oil category:CRUDE", "Query((Zoil@1 FILTER Kcrude))"},
      {"oil lang:en", "Query((Zoil@1 FILTER Len))"},
      {"oil site:News.Example.COM", "Query((Zoil@1 FILTER Hnews.example.com))"},
      {"site:example.org", "Query(0 * Hexample.org)"},
      // Two values of one field are alternatives; different fields intersect.
      {"oil category:crude category:gas", "Query((Zoil@1 FILTER (Kcrude OR Kgas)))"},
      {"oil category:crude lang:en", "Query((Zoil@1 FILTER (Kcrude AND Len)))"},
  };
  for (const Case& c : cases) check(c);
}

TEST_F(QueryParserTest, DatesAndAgesFilterThePublishedSlot) {
  using Q = Xapian::Query;
  const Case cases[] = {
      {"oil date:2024-01-01..2024-06-30",
       "Query((Zoil@1 FILTER " +
           value_query(Q::OP_VALUE_RANGE, from_civil(2024, 1, 1), from_civil(2024, 7, 1) - 1) +
           "))"},
      {"oil date:..2024-06",
       "Query((Zoil@1 FILTER " + value_query(Q::OP_VALUE_LE, from_civil(2024, 7, 1) - 1) + "))"},
      {"oil date:2024..",
       "Query((Zoil@1 FILTER " + value_query(Q::OP_VALUE_GE, from_civil(2024, 1, 1)) + "))"},
      {"oil since:7d",
       "Query((Zoil@1 FILTER " + value_query(Q::OP_VALUE_GE, now - 7 * 86400) + "))"},
      {"oil since:yesterday",
       "Query((Zoil@1 FILTER " + value_query(Q::OP_VALUE_GE, from_civil(2024, 7, 14)) + "))"},
      {"since:1y", "Query(" + value_query(Q::OP_VALUE_GE, from_civil(2023, 7, 15, 12)) + ")"},
  };
  for (const Case& c : cases) check(c);
}

TEST_F(QueryParserTest, MalformedDatesAreErrorsThatNameTheValue) {
  try {
    parser.parse("oil date:2024-13");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("date:2024-13"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parser.parse("since:fortnight"), Error);
}

TEST_F(QueryParserTest, TextThatDoesNotParseIsSearchedAsWordsWithANote) {
  const Case cases[] = {
      {"oil AND", "Query(Zoil@1)"},
      {"AND oil", "Query(Zoil@1)"},
      {"oil OR OR gas", "Query((Zoil@1 AND Zgas@2))"},
      {"\"oil prices\" AND", "Query((Zoil@1 AND Zprice@2))"},
      {"oil NOT", "Query(Zoil@1)"},
      // Xapian itself repairs an unbalanced quote or parenthesis: no retry needed.
      {"\"oil prices", "Query((oil@1 PHRASE 2 prices@2))"},
      {"(oil prices", "Query((Zoil@1 AND Zprice@2))"},
      {"oil prices)", "Query((Zoil@1 AND Zprice@2))"},
  };
  for (const Case& c : cases) check(c);
  EXPECT_EQ(parser.parse("oil AND").notes.size(), 1u);
  EXPECT_TRUE(parser.parse("(oil prices").notes.empty());
}

TEST(FoldCaseTest, KeepsOperatorsAndLowerCasesWords) {
  EXPECT_EQ(fold_case_except_operators("Oil AND Gas NEAR/3 OPEC"), "oil AND gas NEAR/3 opec");
  EXPECT_EQ(fold_case_except_operators("ANDROID Orange NOTE"), "android orange note");
  EXPECT_EQ(fold_case_except_operators("title:\"Big Bank\" -ÉCOLE"), "title:\"big bank\" -école");
}

TEST(CountTextWordsTest, CountsRunsOfLettersDigitsAndNonAscii) {
  EXPECT_EQ(count_text_words(""), 0u);
  EXPECT_EQ(count_text_words("  \t "), 0u);
  EXPECT_EQ(count_text_words("oil prices"), 2u);
  // Punctuation splits words as the parser does: a comma-joined list is no way round the limit.
  EXPECT_EQ(count_text_words("a,b,c-d title:\"big bank\" (x OR y)"), 10u);
  EXPECT_EQ(count_text_words("Zürich 東京 école"), 3u);
}

TEST_F(QueryParserTest, AQueryOfMoreThanTheWordLimitIsRefusedBeforeParsing) {
  std::string longest;
  for (std::size_t i = 0; i < QueryParser::max_query_words; ++i)
    longest += "w" + std::to_string(i) + ",";
  EXPECT_NO_THROW(parser.parse(longest));
  try {
    parser.parse(longest + "one-more");
    ADD_FAILURE() << "a query of more than max_query_words words was parsed";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "the query is 1002 words long; at most 1000 are searched");
  }
}

}  // namespace
}  // namespace lede::query

#include "query/json_printer.hpp"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/dates.hpp"

namespace lede::query {
namespace {

using Q = Xapian::Query;
using nlohmann::json;

const Xapian::Stem english("en");

Hit sample_hit() {
  Hit hit;
  hit.rank = 3;
  hit.docid = 42;
  hit.article.id = "https://wire.example/oil-1";
  hit.article.title = "Oil prices \x1b]0;pwned\x07jump \x1b[31mas OPEC meets";
  hit.article.link = "https://wire.example/oil-1";
  hit.article.source = "Wire\x1b[2J Service";
  hit.article.language = "en";
  hit.article.body =
      "Crude oil prices rose on Monday.\n\nTraders said supply was tight. Caf\xc3\xa9 owners "
      "paid more for \xe2\x80\x9cheating oil\xe2\x80\x9d.";
  hit.article.published = dates::from_civil(1987, 10, 19, 14, 30, 5);
  hit.relevance = 7.25;
  hit.recency = 0.5;
  hit.score = 8.0;
  hit.similar = 2;
  return hit;
}

HighlightTerms oil_prices() {
  return highlight_terms(Q(Q::OP_OR, Q("Zoil"), Q("Zprice")), english);
}

std::vector<std::string> span_texts(const json& text, const json& spans) {
  const std::string s = text.get<std::string>();
  std::vector<std::string> out;
  for (const json& span : spans) {
    const auto begin = span.at(0).get<std::size_t>(), end = span.at(1).get<std::size_t>();
    EXPECT_LT(begin, end);
    EXPECT_LE(end, s.size());
    out.push_back(s.substr(begin, end - begin));
  }
  return out;
}

TEST(JsonPrinter, HitIsOneParsableLine) {
  std::ostringstream out;
  print_json_hit(out, sample_hit(), oil_prices(), SnippetOptions{});
  const std::string line = out.str();
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.find('\n'), line.size() - 1);  // exactly one line

  const json hit = json::parse(line);
  EXPECT_EQ(hit.at("type"), "hit");
  EXPECT_EQ(hit.at("rank"), 3);
  EXPECT_EQ(hit.at("id"), "https://wire.example/oil-1");
  EXPECT_EQ(hit.at("link"), "https://wire.example/oil-1");
  EXPECT_EQ(hit.at("published"), "1987-10-19T14:30:05Z");
  EXPECT_EQ(hit.at("language"), "en");
  EXPECT_DOUBLE_EQ(hit.at("relevance").get<double>(), 7.25);
  EXPECT_DOUBLE_EQ(hit.at("recency").get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(hit.at("score").get<double>(), 8.0);
  EXPECT_EQ(hit.at("similar"), 2);

  EXPECT_EQ(span_texts(hit.at("title"), hit.at("title_spans")),
            (std::vector<std::string>{"Oil", "prices"}));
  const json& snippet = hit.at("snippet");
  EXPECT_EQ(span_texts(snippet.at("text"), snippet.at("spans")),
            (std::vector<std::string>{"oil", "prices", "oil"}));
  EXPECT_FALSE(snippet.at("cut_start").get<bool>());
  EXPECT_FALSE(snippet.at("cut_end").get<bool>());
  // Multi-byte text: offsets are bytes of the UTF-8 string.
  EXPECT_NE(snippet.at("text").get<std::string>().find("Caf\xc3\xa9"), std::string::npos);
}

TEST(JsonPrinter, StringsCarryNoControlCharacters) {
  std::ostringstream out;
  print_json_hit(out, sample_hit(), oil_prices(), SnippetOptions{});
  const json hit = json::parse(out.str());
  for (const char* key : {"title", "source"}) {
    const std::string value = hit.at(key).get<std::string>();
    for (unsigned char c : value) EXPECT_GE(c, 0x20) << key << ": " << value;
    EXPECT_EQ(value.find("pwned"), std::string::npos) << value;  // the OSC payload went too
  }
  EXPECT_EQ(hit.at("snippet").at("text").get<std::string>().find('\n'), std::string::npos);
  EXPECT_EQ(out.str().find("\\u001b"), std::string::npos);  // not even escaped
}

TEST(JsonPrinter, SummaryWithFacetsAndDidYouMean) {
  SearchRequest request;
  request.offset = 10;
  request.sort = SortOrder::date;
  request.facet = Facet::month;
  SearchResult result;
  result.parsed_description = "Query(Zoil@1)";
  result.estimated_matches = 1234;
  result.hits.resize(2);
  result.did_you_mean = "oil prices";
  result.facets = {{"1987-10", 700}, {"1987-09", 534}};

  std::ostringstream out;
  print_json_summary(out, request, result, 1500);
  const json summary = json::parse(out.str());
  EXPECT_EQ(summary.at("type"), "summary");
  EXPECT_EQ(summary.at("query"), "Query(Zoil@1)");
  EXPECT_EQ(summary.at("estimated_matches"), 1234);
  EXPECT_EQ(summary.at("returned"), 2);
  EXPECT_EQ(summary.at("offset"), 10);
  EXPECT_EQ(summary.at("sort"), "date");
  EXPECT_EQ(summary.at("elapsed_us"), 1500);
  EXPECT_EQ(summary.at("did_you_mean"), "oil prices");
  EXPECT_EQ(summary.at("facets").at("facet"), "month");
  EXPECT_EQ(summary.at("facets").at("counts"),
            json::parse(R"([{"value":"1987-10","count":700},{"value":"1987-09","count":534}])"));
}

TEST(JsonPrinter, OptionalSummaryFieldsAreAbsentWhenNotAsked) {
  std::ostringstream out;
  print_json_summary(out, SearchRequest{}, SearchResult{}, 7);
  const json summary = json::parse(out.str());
  EXPECT_FALSE(summary.contains("did_you_mean"));
  EXPECT_FALSE(summary.contains("facets"));
  EXPECT_EQ(summary.at("sort"), "blend");
  EXPECT_EQ(summary.at("returned"), 0);
}

}  // namespace
}  // namespace lede::query

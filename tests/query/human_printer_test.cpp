#include "query/human_printer.hpp"

#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "common/dates.hpp"

namespace lede::query {
namespace {

using Q = Xapian::Query;

const Xapian::Stem english("en");

Hit sample_hit(std::string title) {
  Hit hit;
  hit.rank = 1;
  hit.article.title = std::move(title);
  hit.article.link = "https://wire.example/oil-1";
  hit.article.source = "Wire Service";
  hit.article.body =
      "Crude oil prices rose on Monday. Traders said supply was \x1b[31mtight\x1b[0m.";
  hit.article.published = dates::from_civil(1987, 10, 19, 12);
  hit.similar = 2;
  return hit;
}

HumanOptions options(bool color, bool relative_ages) {
  HumanOptions o;
  o.color = color;
  o.relative_ages = relative_ages;
  o.now = dates::from_civil(1987, 10, 21, 12);
  return o;
}

std::string print(const Hit& hit, const HumanOptions& o) {
  std::ostringstream out;
  print_human_hit(out, hit, highlight_terms(Q(Q::OP_OR, Q("Zoil"), Q("Zprice")), english), o);
  return out.str();
}

// Removes lede's own SGR codes; anything ESC left over came from the article.
std::string without_our_styles(const std::string& s) {
  static const std::regex ours("\x1b\\[(0|1|2|1;31)m");
  return std::regex_replace(s, ours, "");
}

TEST(HumanPrinter, PlainWithoutColour) {
  const std::string out = print(sample_hit("OIL PRICES RISE"), options(false, false));
  EXPECT_EQ(out,
            "1. OIL PRICES RISE\n"
            "   Wire Service · 1987-10-19\n"
            "   https://wire.example/oil-1\n"
            "   Crude oil prices rose on Monday. Traders said supply was tight.\n"
            "   +2 similar\n"
            "\n");
}

TEST(HumanPrinter, RelativeAgeOnlyWhenAsked) {
  EXPECT_NE(print(sample_hit("T"), options(false, true)).find("1987-10-19 (2 days ago)"),
            std::string::npos);
  EXPECT_EQ(print(sample_hit("T"), options(false, false)).find("ago"), std::string::npos);
}

TEST(HumanPrinter, ColourHighlightsMatches) {
  const std::string out = print(sample_hit("OIL PRICES RISE"), options(true, false));
  EXPECT_NE(out.find("\x1b[1;31moil\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[1;31mprices\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[1;31mOIL\x1b[0m"), std::string::npos);  // title matches too
  EXPECT_NE(out.find("\x1b[2mWire Service · 1987-10-19\x1b[0m"), std::string::npos);
  EXPECT_EQ(without_our_styles(out).find('\x1b'), std::string::npos);
}

TEST(HumanPrinter, EscapeSequencesInArticlesAreRemoved) {
  const std::string title =
      "Oil \x1b]0;pwned\x07prices \x1b[31mred\x1b[0m \x9b"
      "2J end";
  for (const bool color : {false, true}) {
    const std::string out = print(sample_hit(title), options(color, false));
    const std::string stripped = without_our_styles(out);
    EXPECT_EQ(stripped.find('\x1b'), std::string::npos) << out;
    EXPECT_EQ(stripped.find('\x07'), std::string::npos) << out;
    EXPECT_EQ(stripped.find("pwned"), std::string::npos) << out;
    EXPECT_EQ(stripped.find("\xc2\x9b"), std::string::npos) << out;
    EXPECT_NE(stripped.find("red"), std::string::npos) << out;
    if (!color) {
      EXPECT_EQ(out.find('\x1b'), std::string::npos);
    }
  }
}

TEST(HumanPrinter, SummaryShowsDidYouMeanCountAndFacets) {
  SearchRequest request;
  request.facet = Facet::source;
  SearchResult result;
  result.hits.resize(2);
  result.hits[0].rank = 1;
  result.hits[1].rank = 2;
  result.estimated_matches = 40;
  result.did_you_mean = "oil prices";
  result.facets = {{"Reuters", 30}, {"Wire\x1b[2J", 10}};
  std::ostringstream out;
  print_human_summary(out, request, result, options(false, false));
  EXPECT_EQ(out.str(),
            "Did you mean: oil prices\n"
            "1–2 of about 40 matches\n"
            "\n"
            "source:\n"
            "   Reuters  30\n"
            "   Wire  10\n");
}

}  // namespace
}  // namespace lede::query

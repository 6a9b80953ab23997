// Round trips: articles → DocumentBuilder → database → search() → ids, order, filters,
// collapse, facets, did-you-mean.
#include "query/search.hpp"

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "query/recency.hpp"
#include "tests/query/tiny_archive.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede::query {
namespace {

using dates::from_civil;
using test::ids_of;
using test::make_article;
using V = std::vector<std::string>;

const UnixSeconds now = from_civil(2024, 6, 30, 12);
constexpr UnixSeconds day = 86400;

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Article> articles = {
        make_article("a", "Central bank raises interest rates",
                     "The central bank raised interest rates again. Banks welcomed it.",
                     now - 1 * day, "Reuters"),
        make_article("b", "Oil prices climb", "Oil prices climbed as petroleum stocks fell.",
                     now - 3 * day, "Reuters"),
        make_article("c", "Bank mergers", "Two banks merged; the bank said rates matter.",
                     now - 40 * day, "Wire"),
        make_article("d", "Harvest report", "Farmers report a record wheat harvest.",
                     now - 400 * day, "Farm News"),
        // The same story from two feeds: same title, same day, so the same collapse key.
        make_article("e1", "Opec meets in Vienna", "Opec ministers meet on output quotas.",
                     now - 2 * day, "Reuters"),
        make_article("e2", "Opec meets in Vienna", "Opec ministers meet; quotas on agenda.",
                     now - 2 * day + 3600, "Wire"),
    };
    articles[1].categories = {"crude"};
    articles[3].categories = {"grain"};
    articles[3].language = "fr";
    test::write_archive((dir / "db").string(), articles);
    db = Xapian::Database((dir / "db").string());
  }

  SearchResult run(const std::string& text, SortOrder sort = SortOrder::relevance) {
    SearchRequest request;
    request.text = text;
    request.sort = sort;
    request.now = now;
    return search(db, request);
  }

  test::TempDir dir;
  Xapian::Database db;
};

TEST(SearchUndated, AnArticleWithoutADateGetsNoRecencyBonus) {
  // Two equally relevant articles filed under today: one dated, one only first seen today.
  Article dated = make_article("dated", "Tanker seized", "A tanker was seized.", now);
  Article undated = make_article("undated", "Tanker seized", "A tanker was seized.", now);
  undated.date_source = DateSource::first_seen;
  const test::TempDir dir;
  test::write_archive((dir / "db").string(), {undated, dated});
  const Xapian::Database db((dir / "db").string());
  SearchRequest request;
  request.text = "tanker";
  request.now = now;
  request.collapse = false;
  const SearchResult result = search(db, request);
  ASSERT_EQ(ids_of(result.hits), (V{"dated", "undated"}));
  EXPECT_DOUBLE_EQ(result.hits[0].recency, 1.0);
  EXPECT_DOUBLE_EQ(result.hits[0].score, result.hits[0].relevance + default_recency_weight);
  EXPECT_EQ(result.hits[1].recency, 0.0);
  EXPECT_EQ(result.hits[1].score, result.hits[1].relevance);
  EXPECT_NEAR(result.hits[0].relevance, result.hits[1].relevance, 1e-9);
}

TEST_F(SearchTest, FindsStemmedFormsOfCapitalisedWords) {
  const SearchResult result = run("Banks");
  EXPECT_EQ(ids_of(result.hits), (V{"c", "a"}));  // c says "bank(s)" three times in a short text
  EXPECT_EQ(run("BANK").parsed_description, result.parsed_description);
}

TEST_F(SearchTest, HitsCarryTheArticleAndRanks) {
  SearchRequest request;
  request.text = "oil";
  request.now = now;
  const SearchResult result = search(db, request);
  ASSERT_EQ(result.hits.size(), 1u);
  const Hit& hit = result.hits[0];
  EXPECT_EQ(hit.rank, 1u);
  EXPECT_EQ(hit.article.title, "Oil prices climb");
  EXPECT_EQ(hit.article.link, "https://news.example/b");
  EXPECT_EQ(hit.article.published, now - 3 * day);
  EXPECT_GT(hit.relevance, 0);
  EXPECT_GT(hit.recency, 0);
  EXPECT_LE(hit.recency, 1);
  EXPECT_NEAR(hit.score, hit.relevance + 2.0 * hit.recency, 1e-9);  // default weight
  EXPECT_EQ(result.estimated_matches, 1u);
}

TEST_F(SearchTest, OffsetAndLimitPageThroughTheOrder) {
  SearchRequest request;
  request.text = "bank OR oil OR opec";
  request.now = now;
  request.sort = SortOrder::date;
  EXPECT_EQ(ids_of(search(db, request).hits), (V{"a", "e2", "b", "c"}));
  request.offset = 1;
  request.limit = 2;
  const SearchResult page = search(db, request);
  EXPECT_EQ(ids_of(page.hits), (V{"e2", "b"}));
  EXPECT_EQ(page.hits[0].rank, 2u);
}

TEST_F(SearchTest, FiltersNarrowTheMatches) {
  SearchRequest request;
  request.text = "bank OR oil OR harvest OR opec";
  request.now = now;
  request.sort = SortOrder::date;
  request.collapse = false;
  request.filters.since = now - 10 * day;
  EXPECT_EQ(ids_of(search(db, request).hits), (V{"a", "e2", "e1", "b"}));
  request.filters.until = now - 2 * day;  // e1 is published at exactly this second, e2 after it
  EXPECT_EQ(ids_of(search(db, request).hits), (V{"e1", "b"}));
  request.filters = {};
  request.filters.sources = {"reuters"};
  EXPECT_EQ(ids_of(search(db, request).hits), (V{"a", "e1", "b"}));
  request.filters.sources = {"Farm News", "Wire"};
  EXPECT_EQ(ids_of(search(db, request).hits), (V{"e2", "c", "d"}));
  request.filters = {};
  request.filters.categories = {"CRUDE", "grain"};
  EXPECT_EQ(ids_of(search(db, request).hits), (V{"b", "d"}));
  request.filters.languages = {"fr"};
  EXPECT_EQ(ids_of(search(db, request).hits), (V{"d"}));
}

TEST_F(SearchTest, QueryFieldsFilterLikeOptions) {
  EXPECT_EQ(ids_of(run("bank site:NEWS.example since:7d").hits), (V{"a"}));
  EXPECT_EQ(ids_of(run("title:bank").hits), (V{"c", "a"}));
  EXPECT_EQ(ids_of(run("date:..2024-05 bank").hits), (V{"c"}));
  EXPECT_EQ(ids_of(run("source:farm").hits), (V{"d"}));
}

TEST_F(SearchTest, CollapsesTheSameStoryWithASimilarCount) {
  SearchRequest request;
  request.text = "opec";
  request.now = now;
  const SearchResult collapsed = search(db, request);
  ASSERT_EQ(collapsed.hits.size(), 1u);
  EXPECT_EQ(collapsed.hits[0].similar, 1u);
  request.collapse = false;
  const SearchResult all = search(db, request);
  EXPECT_EQ(all.hits.size(), 2u);
  EXPECT_EQ(all.hits[0].similar, 0u);
}

TEST_F(SearchTest, AnExactCountCountsStoriesOnceWhenCollapsing) {
  // "bank" matches a and c; "opec" matches e1 and e2, one story seen in two feeds.
  SearchRequest request;
  request.text = "opec OR bank";
  request.now = now;
  request.exact_count = true;
  request.limit = 0;
  EXPECT_EQ(search(db, request).estimated_matches, 3u);  // a, c and the Opec story
  request.collapse = false;
  EXPECT_EQ(search(db, request).estimated_matches, 4u);
}

TEST_F(SearchTest, FacetsCountEveryMatch) {
  SearchRequest request;
  request.text = "bank OR oil OR harvest OR opec";
  request.now = now;
  request.limit = 1;
  request.collapse = false;
  request.facet = Facet::source;
  std::vector<FacetCount> facets = search(db, request).facets;
  ASSERT_EQ(facets.size(), 3u);
  EXPECT_EQ(facets[0].value, "Reuters");
  EXPECT_EQ(facets[0].count, 3u);
  EXPECT_EQ(facets[1].value, "Wire");
  EXPECT_EQ(facets[1].count, 2u);
  EXPECT_EQ(facets[2].value, "Farm News");
  EXPECT_EQ(facets[2].count, 1u);

  request.facet = Facet::year;
  facets = search(db, request).facets;
  ASSERT_EQ(facets.size(), 2u);
  EXPECT_EQ(facets[0].value, "2024");  // newest period first
  EXPECT_EQ(facets[0].count, 5u);
  EXPECT_EQ(facets[1].value, "2023");
  request.facet = Facet::month;
  facets = search(db, request).facets;
  ASSERT_EQ(facets.size(), 3u);
  EXPECT_EQ(facets[0].value, "2024-06");
  EXPECT_EQ(facets[0].count, 4u);
  EXPECT_EQ(facets[1].value, "2024-05");
  request.facet = Facet::day;
  facets = search(db, request).facets;
  EXPECT_EQ(facets.size(), 5u);
  EXPECT_EQ(facets[0].value, "2024-06-29");
}

TEST_F(SearchTest, SuggestsASpellingThatFindsMore) {
  const SearchResult result = run("petrolium");
  EXPECT_TRUE(result.hits.empty());
  ASSERT_TRUE(result.did_you_mean.has_value());
  EXPECT_EQ(*result.did_you_mean, "petroleum");
  EXPECT_FALSE(run("petroleum").did_you_mean.has_value());
}

TEST_F(SearchTest, TextThatDoesNotParseStillSearchesWithANote) {
  const SearchResult result = run("oil AND");
  EXPECT_EQ(ids_of(result.hits), (V{"b"}));
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_NE(result.notes[0].find("did not parse"), std::string::npos);
}

TEST_F(SearchTest, StopWordsDoNotDrownAQuery) {
  EXPECT_EQ(ids_of(run("the oil of the world").hits), V{});  // "world" is in no article
  EXPECT_EQ(ids_of(run("the prices of oil").hits), (V{"b"}));
}

TEST_F(SearchTest, BadRequestsAreErrors) {
  EXPECT_THROW(run("oil date:2024-99"), Error);
  SearchRequest request;
  request.text = "oil";
  request.half_life_days = -3;
  EXPECT_THROW(search(db, request), Error);
  request.sort = SortOrder::relevance;  // not blending, but still a bad request
  EXPECT_THROW(search(db, request), Error);
}

}  // namespace
}  // namespace lede::query

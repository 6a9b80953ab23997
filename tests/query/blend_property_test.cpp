// Properties of the blend score = BM25 + W · 2^(−age/half_life), checked against Xapian's
// own BM25 order on small random archives (the differential style of pisa's ranked-query
// tests).
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "common/schema.hpp"
#include "common/stored_article.hpp"
#include "query/query_parser.hpp"
#include "query/recency.hpp"
#include "query/relevance.hpp"
#include "query/search.hpp"
#include "tests/query/tiny_archive.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede::query {
namespace {

using dates::from_civil;
using test::ids_of;
using test::make_article;
using V = std::vector<std::string>;

const UnixSeconds now = from_civil(2024, 6, 30, 18);
constexpr UnixSeconds day = 86400;
constexpr int span_days = 60;  // the random archive's articles are 0–59 days old
const std::string query_text = "oil OR bank OR wheat OR opec";

/// Random articles over a small vocabulary, so that many match and BM25 scores vary.
std::vector<Article> random_articles(int count, unsigned seed, int days = span_days) {
  static const V words = {"oil",   "bank",  "wheat", "opec",  "rates", "harvest",
                          "crude", "trade", "loans", "grain", "price", "market"};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> word(0, words.size() - 1);
  std::uniform_int_distribution<int> length(3, 40), age(0, days * 24 - 1);
  std::vector<Article> articles;
  for (int i = 0; i < count; ++i) {
    std::string title = words[word(rng)] + " " + words[word(rng)];
    std::string body;
    for (int n = length(rng); n > 0; --n) body += words[word(rng)] + " ";
    articles.push_back(make_article("r" + std::to_string(i), title, body,
                                    now - static_cast<UnixSeconds>(age(rng)) * 3600));
  }
  return articles;
}

/// BM25 straight from Xapian (with lede's parameters), ties newest first: the reference order.
struct Reference {
  V order;
  std::map<std::string, double> bm25;
};

Reference bm25_reference(const Xapian::Database& db, const std::string& text) {
  QueryParser parser(db, "en", now);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(relevance_weighting());
  enquire.set_query(parser.parse(text).query);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  struct Row {
    std::string id;
    double weight;
    UnixSeconds published;
  };
  std::vector<Row> rows;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Article a = decode_document_data(it.get_document().get_data());
    rows.push_back({a.id, it.get_weight(), a.published});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.published > y.published;
  });
  Reference ref;
  for (const Row& row : rows) {
    ref.order.push_back(row.id);
    ref.bm25[row.id] = row.weight;
  }
  return ref;
}

/// Pairs of ids ordered differently by `a` and `b` (same ids in both).
long kendall_distance(const V& a, const V& b) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < b.size(); ++i) position[b[i]] = i;
  long discordant = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = i + 1; j < a.size(); ++j) discordant += position[a[i]] > position[a[j]];
  }
  return discordant;
}

class BlendPropertyTest : public ::testing::Test {
 protected:
  void build(const std::vector<Article>& articles, const std::string& name = "db") {
    test::write_archive((dir / name).string(), articles);
    db = Xapian::Database((dir / name).string());
  }

  SearchResult run(SortOrder sort, double weight, double half_life = 0,
                   const std::string& text = query_text) {
    SearchRequest request;
    request.text = text;
    request.sort = sort;
    request.recency_weight = weight;
    request.half_life_days = half_life;
    request.now = now;
    request.collapse = false;
    request.limit = db.get_doccount();
    return search(db, request);
  }

  test::TempDir dir;
  Xapian::Database db;
};

TEST_F(BlendPropertyTest, WeightZeroIsExactlyBm25Order) {
  for (unsigned seed : {1u, 2u, 3u}) {
    build(random_articles(300, seed), "db" + std::to_string(seed));
    const Reference ref = bm25_reference(db, query_text);
    ASSERT_GT(ref.order.size(), 200u);
    EXPECT_EQ(ids_of(run(SortOrder::blend, 0).hits), ref.order) << "seed " << seed;
    EXPECT_EQ(ids_of(run(SortOrder::relevance, 5).hits), ref.order) << "seed " << seed;
  }
}

TEST_F(BlendPropertyTest, ScoreIsBm25PlusWeightedRecency) {
  build(random_articles(300, 7));
  const Reference ref = bm25_reference(db, query_text);
  const double weight = 3, half_life = 10;
  const SearchResult result = run(SortOrder::blend, weight, half_life);
  ASSERT_EQ(result.hits.size(), ref.order.size());
  double previous = INFINITY;
  for (const Hit& hit : result.hits) {
    // Recency from the day's midpoint, computed here independently of query/recency.
    const UnixSeconds midpoint = hit.article.published / day * day + day / 2;
    const double age_days = std::max(0.0, static_cast<double>(now - midpoint) / day);
    EXPECT_NEAR(hit.recency, std::exp2(-age_days / half_life), 1e-12) << hit.article.id;
    EXPECT_NEAR(hit.relevance, ref.bm25.at(hit.article.id), 1e-9) << hit.article.id;
    EXPECT_NEAR(hit.score, hit.relevance + weight * hit.recency, 1e-9);
    EXPECT_LE(hit.score, previous + 1e-12) << "not ordered by score at " << hit.article.id;
    previous = hit.score;
  }
  EXPECT_NE(ids_of(result.hits), ref.order) << "the bonus changed nothing: test is vacuous";
}

TEST_F(BlendPropertyTest, PastTheHorizonTheBonusIsZeroAndOnlyRecentDaysAreRead) {
  // Two years of articles, half-life 10 days: the horizon (20 half-lives) holds a quarter of
  // them, so the bonus is filtered to those days (query/recency.cpp).
  build(random_articles(600, 5, 730));
  const Reference ref = bm25_reference(db, query_text);
  const double weight = 3, half_life = 10;
  const RecencyModel model{half_life, weight, now};
  ASSERT_NE(recency_query(db, model).get_description().find("FILTER"), std::string::npos)
      << "the bonus is not filtered to recent days: the test would be vacuous";
  const SearchResult result = run(SortOrder::blend, weight, half_life);
  ASSERT_EQ(result.hits.size(), ref.order.size());
  int with_bonus = 0;
  for (const Hit& hit : result.hits) {
    const UnixSeconds midpoint = hit.article.published / day * day + day / 2;
    const double age_days = std::max(0.0, static_cast<double>(now - midpoint) / day);
    const double expected =
        age_days > horizon_half_lives * half_life ? 0 : std::exp2(-age_days / half_life);
    with_bonus += expected > 0;
    EXPECT_NEAR(hit.recency, expected, 1e-12) << hit.article.id;
    EXPECT_NEAR(hit.score, ref.bm25.at(hit.article.id) + weight * expected, 1e-9) << hit.article.id;
  }
  EXPECT_GT(with_bonus, 50);
  EXPECT_LT(with_bonus, static_cast<int>(result.hits.size()) / 2);

  // The unfiltered bonus (every day mapped) differs from it by less than W · 2^-20 a story.
  Xapian::ValueMapPostingSource every_day(schema::day_slot);
  const std::string prefix(schema::day().prefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string key = (*t).substr(prefix.size());
    const UnixSeconds midpoint =
        from_civil(std::stoi(key.substr(0, 4)), static_cast<unsigned>(std::stoi(key.substr(4, 2))),
                   static_cast<unsigned>(std::stoi(key.substr(6, 2))), 12);
    every_day.add_mapping(
        key,
        weight * std::exp2(-std::max(0.0, static_cast<double>(now - midpoint) / day) / half_life));
  }
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(relevance_weighting());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                  QueryParser(db, "en", now).parse(query_text).query,
                                  Xapian::Query(&every_day)));
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::map<Xapian::docid, double> unfiltered;
  for (auto it = mset.begin(); it != mset.end(); ++it) unfiltered[*it] = it.get_weight();
  ASSERT_EQ(unfiltered.size(), result.hits.size());
  for (const Hit& hit : result.hits) {
    EXPECT_NEAR(hit.score, unfiltered.at(hit.docid), weight * std::exp2(-horizon_half_lives))
        << hit.article.id;
  }
}

TEST_F(BlendPropertyTest, FilteredOrNotTheBonusIsTheSameForEveryHorizon) {
  // Two years of articles and three dated after `now` (their age counts as 0). The horizons
  // start a few days, weeks, months and years back, so the filter's cover (query/recency.cpp)
  // takes day, month and year terms, or is not used at all; the days mapped are listed from
  // the calendar and from the day terms.
  std::vector<Article> articles = random_articles(600, 9, 730);
  for (const int ahead : {1, 40, 400}) {
    articles.push_back(make_article("future" + std::to_string(ahead), "oil bank", "wheat opec",
                                    now + ahead * day));
  }
  build(articles);
  const Reference ref = bm25_reference(db, query_text);
  const Xapian::Query user = QueryParser(db, "en", now).parse(query_text).query;
  const double weight = 3;
  std::set<char> cover_prefixes;
  int filtered = 0, unfiltered = 0;
  for (const double half_life : {0.3, 1.0, 2.5, 10.0, 40.0}) {
    const RecencyModel model{half_life, weight, now};
    const auto expected_score = [&](const Article& article) {
      // Recency computed here independently of query/recency, from the day's midpoint.
      const UnixSeconds midpoint = article.published / day * day + day / 2;
      const double age_days = std::max(0.0, static_cast<double>(now - midpoint) / day);
      const double recency =
          age_days > horizon_half_lives * half_life ? 0 : std::exp2(-age_days / half_life);
      return ref.bm25.at(article.id) + weight * recency;
    };
    for (const DayListing listing : {DayListing::calendar, DayListing::day_terms}) {
      const Xapian::Query bonus = recency_query(db, model, listing);
      const bool is_filtered = bonus.get_description().find("FILTER") != std::string::npos;
      (is_filtered ? filtered : unfiltered) += 1;
      for (auto t = bonus.get_unique_terms_begin(); t != bonus.get_unique_terms_end(); ++t) {
        cover_prefixes.insert((*t)[0]);
      }
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(relevance_weighting());
      enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, user, bonus));
      const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
      ASSERT_EQ(mset.size(), ref.order.size()) << "half-life " << half_life;
      int with_bonus = 0;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Article article = decode_document_data(it.get_document().get_data());
        with_bonus += it.get_weight() > ref.bm25.at(article.id);
        EXPECT_NEAR(it.get_weight(), expected_score(article), 1e-9)
            << article.id << ", half-life " << half_life << ", listing " << int(listing);
      }
      EXPECT_GE(with_bonus, 3) << "half-life " << half_life;
    }
    // search() chooses the listing itself.
    const SearchResult result = run(SortOrder::blend, weight, half_life);
    ASSERT_EQ(result.hits.size(), ref.order.size());
    for (const Hit& hit : result.hits) EXPECT_NEAR(hit.score, expected_score(hit.article), 1e-9);
  }
  EXPECT_GE(filtered, 6);
  EXPECT_GE(unfiltered, 2);
  EXPECT_EQ(cover_prefixes, (std::set<char>{'D', 'M', 'Y'})) << "a kind of cover term unused";
}

TEST_F(BlendPropertyTest, EquallyRelevantArticlesComeNewestFirst) {
  std::vector<Article> articles;
  for (int age : {30, 2, 90, 0, 7}) {
    articles.push_back(make_article("age" + std::to_string(age), "Grain exports",
                                    "Wheat exports rose.", now - age * day));
  }
  build(articles);
  const V newest_first = {"age0", "age2", "age7", "age30", "age90"};
  EXPECT_EQ(ids_of(run(SortOrder::blend, -1, 0, "wheat").hits), newest_first);
  EXPECT_EQ(ids_of(run(SortOrder::relevance, -1, 0, "wheat").hits), newest_first);
  EXPECT_EQ(ids_of(run(SortOrder::date, -1, 0, "wheat").hits), newest_first);
}

TEST_F(BlendPropertyTest, AMuchStrongerOldMatchBeatsAWeakNewOne) {
  std::string long_body = "Opec was mentioned once.";
  for (int i = 0; i < 60; ++i) long_body += " Markets traded sideways on thin volume today.";
  // Other news, so that "opec" is a rare word with a meaningful idf.
  std::vector<Article> articles;
  for (int i = 0; i < 50; ++i) {
    articles.push_back(make_article("other" + std::to_string(i), "Weather",
                                    "Calm weather across the region.", now - i * day));
  }
  articles.push_back(make_article("old", "Opec cuts output, Opec says",
                                  "Opec ministers agreed. Opec output falls. Opec quotas hold.",
                                  now - 300 * day));
  articles.push_back(make_article("new", "Markets today", long_body, now));
  build(articles);
  const SearchResult blended = run(SortOrder::blend, -1, 0, "opec");  // the defaults
  ASSERT_EQ(ids_of(blended.hits), (V{"old", "new"}));
  EXPECT_GT(blended.hits[0].relevance - blended.hits[1].relevance, default_recency_weight);
  // The bonus is real: weighted heavily enough, the new article wins.
  EXPECT_EQ(ids_of(run(SortOrder::blend, 100, 0, "opec").hits), (V{"new", "old"}));
}

TEST_F(BlendPropertyTest, LargerHalfLifeMovesTheOrderTowardRelevance) {
  build(random_articles(300, 11));
  const V bm25 = bm25_reference(db, query_text).order;
  // Beyond span·ln2 days every pair's bonus gap shrinks as the half-life grows, so no pair
  // can leave BM25 order (docs/ranking.md); shorter half-lives can favour new stories more
  // or less, depending on ages.
  long previous = -1;
  long first = -1;
  for (double half_life : {1.0 * span_days, 2.0 * span_days, 8.0 * span_days, 1e6}) {
    const long distance = kendall_distance(ids_of(run(SortOrder::blend, 3, half_life).hits), bm25);
    if (previous < 0) {
      EXPECT_GT(distance, 100) << "the bonus must reorder something";
      first = distance;
    } else {
      EXPECT_LE(distance, previous) << "half-life " << half_life;
    }
    previous = distance;
  }
  // Near the limit only BM25 near-ties (closer than the bonus gap) can still differ.
  EXPECT_LT(previous * 20, first);
}

TEST_F(BlendPropertyTest, RecencyBonusKeepsTopKPruning) {
  // Many weak matches of a common word, a few strong ones of a rare word. If the matcher
  // scored every match, its lower bound would be the exact count; pruning stops it early.
  std::vector<Article> articles;
  for (int i = 0; i < 1000; ++i) {
    articles.push_back(make_article("c" + std::to_string(i), "Daily report",
                                    "market report of the day", now - (i % 50) * day));
  }
  for (int i = 0; i < 10; ++i) {
    articles.push_back(make_article("r" + std::to_string(i), "Tanker tanker tanker",
                                    "tanker tanker seized", now - i * day));
  }
  build(articles);
  QueryParser parser(db, "en", now);
  const Xapian::Query user = parser.parse("tanker OR report").query;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, user,
                                  recency_query(db, RecencyModel{14, 2, now})));
  const Xapian::MSet top = enquire.get_mset(0, 10);
  EXPECT_LT(top.get_matches_lower_bound(), 1010u) << "every match was scored";
  for (auto it = top.begin(); it != top.end(); ++it) {
    EXPECT_EQ(decode_document_data(it.get_document().get_data()).id[0], 'r');
  }
  // search() prunes the same way, and counts every match only when asked to.
  SearchRequest request;
  request.text = "tanker OR report";
  request.now = now;
  request.collapse = false;
  EXPECT_NE(search(db, request).estimated_matches, 1010u) << "estimate exact anyway: vacuous";
  request.exact_count = true;
  EXPECT_EQ(search(db, request).estimated_matches, 1010u);
  request.limit = 0;
  request.exact_count = false;
  EXPECT_EQ(search(db, request).estimated_matches, 1010u);
}

}  // namespace
}  // namespace lede::query

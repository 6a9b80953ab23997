// The ranking measures of lede-bench eval on runs small enough to score by hand.

#include "bench/eval_metrics.hpp"

#include <gtest/gtest.h>

namespace lede::bench {
namespace {

// One query, judged: gains 3, 2, 1, 1 make four relevant documents; "d2" is judged not
// relevant (gain 0); "9" is unjudged (so not relevant).
const Judgments judgments = {{"10", 3}, {"d2", 0}, {"d3", 1}, {"d4", 2}, {"d5", 1}};

// Listed out of order on purpose: measure_query sorts as trec_eval does. "10" and "9" tie at
// 4.0 and ties go by id in descending *string* order, so "9" ("9" > "1") comes first.
const std::vector<ScoredDocument> run = {
    {"d5", 1.0}, {"10", 4.0}, {"d2", 5.0}, {"d3", 2.0}, {"9", 4.0}};
// Ranked: 1 d2 (0), 2 "9" (0), 3 "10" (gain 3), 4 d3 (1), 5 d5 (1); d4 is never retrieved.

TEST(EvalMetrics, SortsByScoreThenIdDescendingAsTrecEval) {
  std::vector<ScoredDocument> sorted = run;
  sort_as_trec_eval(sorted);
  std::vector<std::string> ids;
  for (const ScoredDocument& doc : sorted) ids.push_back(doc.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"d2", "9", "10", "d3", "d5"}));
}

TEST(EvalMetrics, HandComputedQuery) {
  const QueryMetrics m = measure_query(run, judgments);
  // DCG@10 = 3/log2(3+1) + 1/log2(4+1) + 1/log2(5+1) = 1.5 + 0.4306766 + 0.3868528 = 2.3175294
  // ideal (gains 3, 2, 1, 1) = 3/log2(2) + 2/log2(3) + 1/log2(4) + 1/log2(5)
  //                          = 3 + 1.2618595 + 0.5 + 0.4306766 = 5.1925361
  // nDCG@10 = 2.3175294 / 5.1925361 = 0.4463194
  EXPECT_NEAR(m.ndcg_at_10, 0.4463194, 1e-7);
  // Relevant at ranks 3, 4, 5: precisions 1/3, 2/4, 3/5; over 4 relevant:
  // (0.3333333 + 0.5 + 0.6) / 4 = 0.3583333
  EXPECT_NEAR(m.average_precision, 0.3583333, 1e-7);
  // 3 relevant in the top 10, divided by 10 although only 5 were returned.
  EXPECT_DOUBLE_EQ(m.precision_at_10, 0.3);
  // 3 of the 4 relevant in the top 100.
  EXPECT_DOUBLE_EQ(m.recall_at_100, 0.75);
}

TEST(EvalMetrics, IdealRankingScoresOne) {
  const std::vector<ScoredDocument> ideal = {{"10", 4}, {"d4", 3}, {"d3", 2}, {"d5", 1}};
  const QueryMetrics m = measure_query(ideal, judgments);
  EXPECT_DOUBLE_EQ(m.ndcg_at_10, 1.0);
  EXPECT_DOUBLE_EQ(m.average_precision, 1.0);
  EXPECT_DOUBLE_EQ(m.precision_at_10, 0.4);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 1.0);
}

TEST(EvalMetrics, QueryWithoutResultsScoresZero) {
  const QueryMetrics m = measure_query({}, judgments);
  EXPECT_EQ(m.ndcg_at_10, 0.0);
  EXPECT_EQ(m.average_precision, 0.0);
  EXPECT_EQ(m.precision_at_10, 0.0);
  EXPECT_EQ(m.recall_at_100, 0.0);
}

TEST(EvalMetrics, OnlyTheFirstThousandCount) {
  // 1000 unjudged documents above the one relevant document: it is cut off.
  std::vector<ScoredDocument> deep;
  for (int i = 0; i < 1000; ++i) deep.push_back({"u" + std::to_string(i), 2000.0 - i});
  deep.push_back({"10", 1.0});
  const QueryMetrics m = measure_query(deep, {{"10", 1}});
  EXPECT_EQ(m.average_precision, 0.0);
  // At rank 1000 it would count: AP = (1/1000) / 1.
  deep.erase(deep.begin());
  EXPECT_DOUBLE_EQ(measure_query(deep, {{"10", 1}}).average_precision, 1.0 / 1000);
}

TEST(EvalMetrics, NdcgIdealStopsAtTen) {
  // Twelve relevant documents of gain 1; the run finds only the first one, at rank 1.
  Judgments many;
  for (int i = 0; i < 12; ++i) many["r" + std::to_string(i)] = 1;
  const QueryMetrics m = measure_query({{"r0", 1.0}}, many);
  // ideal DCG@10 = sum over ranks 1..10 of 1/log2(rank+1) = 4.5435593 (ten ranks, not twelve)
  EXPECT_NEAR(m.ndcg_at_10, 1.0 / 4.5435593, 1e-7);
  EXPECT_NEAR(m.recall_at_100, 1.0 / 12, 1e-12);
}

TEST(EvalMetrics, OnlyQueriesWithRelevantDocumentsAreScored) {
  EXPECT_TRUE(has_relevant(judgments));
  EXPECT_FALSE(has_relevant({{"d2", 0}, {"d9", -1}}));
  EXPECT_FALSE(has_relevant({}));
}

TEST(EvalMetrics, MeanAveragesEachMeasure) {
  const QueryMetrics m = mean({{1.0, 0.5, 0.2, 1.0}, {0.0, 0.25, 0.4, 0.5}});
  EXPECT_DOUBLE_EQ(m.ndcg_at_10, 0.5);
  EXPECT_DOUBLE_EQ(m.average_precision, 0.375);
  EXPECT_DOUBLE_EQ(m.precision_at_10, 0.3);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 0.75);
  EXPECT_EQ(mean({}).ndcg_at_10, 0.0);
}

}  // namespace
}  // namespace lede::bench

// Nearest-rank percentiles on inputs whose answers were worked out by hand:
// rank = ceil(p·n/100), 1-based, of the samples sorted ascending.
#include "bench/latency_summary.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace lede::bench {
namespace {

TEST(Percentile, TenSamples) {
  const std::vector<double> sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(percentile(sorted, 50), 5);   // ceil(5.0) = 5th
  EXPECT_EQ(percentile(sorted, 90), 9);   // ceil(9.0) = 9th
  EXPECT_EQ(percentile(sorted, 95), 10);  // ceil(9.5) = 10th
  EXPECT_EQ(percentile(sorted, 99), 10);  // ceil(9.9) = 10th
  EXPECT_EQ(percentile(sorted, 10), 1);   // ceil(1.0) = 1st
  EXPECT_EQ(percentile(sorted, 11), 2);   // ceil(1.1) = 2nd
}

TEST(Percentile, TwentySamplesExactRanks) {
  std::vector<double> sorted;
  for (int i = 1; i <= 20; ++i) sorted.push_back(i * 10.0);
  EXPECT_EQ(percentile(sorted, 50), 100);  // 10th
  EXPECT_EQ(percentile(sorted, 95), 190);  // ceil(19.0) = 19th, not the 20th
  EXPECT_EQ(percentile(sorted, 99), 200);  // ceil(19.8) = 20th
}

TEST(Percentile, OneAndNoSample) {
  EXPECT_EQ(percentile({42}, 1), 42);
  EXPECT_EQ(percentile({42}, 99), 42);
  EXPECT_EQ(percentile({}, 50), 0);
}

TEST(Summarize, UnsortedInputWithOutlier) {
  // Sorted: {3, 5, 7, 9, 11, 13, 1000}.
  const LatencySummary s = summarize({1000, 7, 3, 13, 9, 5, 11});
  EXPECT_EQ(s.count, 7u);
  EXPECT_EQ(s.q50_us, 9);     // ceil(3.5) = 4th
  EXPECT_EQ(s.q90_us, 1000);  // ceil(6.3) = 7th
  EXPECT_EQ(s.q95_us, 1000);
  EXPECT_EQ(s.q99_us, 1000);
  EXPECT_EQ(s.max_us, 1000);
  EXPECT_DOUBLE_EQ(s.mean_us, 1048.0 / 7);  // 3+5+7+9+11+13+1000 = 1048
}

TEST(Summarize, HundredSamples) {
  std::vector<double> micros;
  for (int i = 100; i >= 1; --i) micros.push_back(i);
  const LatencySummary s = summarize(micros);
  EXPECT_EQ(s.q50_us, 50);
  EXPECT_EQ(s.q90_us, 90);
  EXPECT_EQ(s.q95_us, 95);
  EXPECT_EQ(s.q99_us, 99);
  EXPECT_EQ(s.max_us, 100);
  EXPECT_DOUBLE_EQ(s.mean_us, 50.5);
}

TEST(Summarize, EmptyIsAllZero) {
  const LatencySummary s = summarize({});
  EXPECT_EQ(s.count, 0u);
  EXPECT_EQ(s.q50_us, 0);
  EXPECT_EQ(s.max_us, 0);
  EXPECT_EQ(s.mean_us, 0);
}

TEST(Summarize, JsonRoundsToTenths) {
  const nlohmann::json j = to_json(summarize({4.0, 1.04, 2.26}));
  EXPECT_EQ(j["count"], 3);
  EXPECT_DOUBLE_EQ(j["q50_us"].get<double>(), 2.3);   // 2nd of 3: 2.26
  EXPECT_DOUBLE_EQ(j["q90_us"].get<double>(), 4.0);   // ceil(2.7) = 3rd
  EXPECT_DOUBLE_EQ(j["mean_us"].get<double>(), 2.4);  // 7.3 / 3 = 2.433…
}

}  // namespace
}  // namespace lede::bench

/**
 * @file
 * @brief Latency percentiles of a set of timings, as pisa's query tool reports them.
 *
 * Nearest-rank percentiles: the p-th percentile of n samples is the ceil(p·n/100)-th smallest
 * (1-based), i.e. the smallest sample with at least p % of the samples at or below it. No
 * interpolation, so every figure is a latency that was actually measured; with n = 10, p50 is
 * the 5th smallest and p90, p95 and p99 are the 9th, 10th and 10th.
 * @see https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method
 */
#pragma once

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

namespace lede::bench {

struct LatencySummary {
  std::size_t count = 0;
  double q50_us = 0;
  double q90_us = 0;
  double q95_us = 0;
  double q99_us = 0;
  double max_us = 0;
  double mean_us = 0;
};

/// The nearest-rank `percent`-th percentile (1–100) of samples sorted ascending; 0 when empty.
double percentile(const std::vector<double>& sorted, unsigned percent);

/// Summarises timings in microseconds (any order). An empty set gives all zeros.
LatencySummary summarize(std::vector<double> micros);

/// `{"count":…, "q50_us":…, …}`.
nlohmann::json to_json(const LatencySummary& summary);

}  // namespace lede::bench

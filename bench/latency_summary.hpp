/**
 * @file
 * @brief Latency percentiles of a set of timings, as pisa's query tool reports them.
 *
 * Nearest-rank percentiles (the smallest sample with at least p % of the samples at or below
 * it): no interpolation, so every figure is a latency that was actually measured.
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

/// Summarises timings in microseconds (any order). An empty set gives all zeros.
LatencySummary summarize(std::vector<double> micros);

/// `{"count":…, "q50_us":…, …}`.
nlohmann::json to_json(const LatencySummary& summary);

}  // namespace lede::bench

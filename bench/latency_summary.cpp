#include "bench/latency_summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lede::bench {

double percentile(const std::vector<double>& sorted, unsigned percent) {
  if (sorted.empty()) return 0;
  // Nearest rank: the ceil(percent·n / 100)-th smallest sample (1-based), in integers so that
  // no rounding of 0.95·n can move it.
  const std::size_t rank = (std::size_t{percent} * sorted.size() + 99) / 100;
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

LatencySummary summarize(std::vector<double> micros) {
  LatencySummary s;
  if (micros.empty()) return s;
  std::sort(micros.begin(), micros.end());
  s.count = micros.size();
  s.q50_us = percentile(micros, 50);
  s.q90_us = percentile(micros, 90);
  s.q95_us = percentile(micros, 95);
  s.q99_us = percentile(micros, 99);
  s.max_us = micros.back();
  s.mean_us = std::accumulate(micros.begin(), micros.end(), 0.0) / static_cast<double>(s.count);
  return s;
}

nlohmann::json to_json(const LatencySummary& s) {
  // Whole or tenth microseconds: finer digits are noise at this scale.
  const auto round1 = [](double us) { return std::round(us * 10.0) / 10.0; };
  return {{"count", s.count},
          {"q50_us", round1(s.q50_us)},
          {"q90_us", round1(s.q90_us)},
          {"q95_us", round1(s.q95_us)},
          {"q99_us", round1(s.q99_us)},
          {"max_us", round1(s.max_us)},
          {"mean_us", round1(s.mean_us)}};
}

}  // namespace lede::bench

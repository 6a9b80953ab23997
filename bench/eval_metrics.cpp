#include "bench/eval_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace lede::bench {

namespace {

int gain_of(const Judgments& judgments, const std::string& id) {
  const auto it = judgments.find(id);
  return it == judgments.end() ? 0 : it->second;
}

/// Discounted cumulative gain of `gains` (in rank order) over the first `depth` ranks.
double dcg(const std::vector<int>& gains, std::size_t depth) {
  double sum = 0;
  for (std::size_t i = 0; i < gains.size() && i < depth; ++i) {
    // Rank r = i + 1 is discounted by log2(r + 1); negative gains count as 0, as in trec_eval.
    if (gains[i] > 0) sum += gains[i] / std::log2(static_cast<double>(i) + 2.0);
  }
  return sum;
}

}  // namespace

void sort_as_trec_eval(std::vector<ScoredDocument>& run) {
  std::sort(run.begin(), run.end(), [](const ScoredDocument& a, const ScoredDocument& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id > b.id;
  });
}

bool has_relevant(const Judgments& judgments) {
  return std::any_of(judgments.begin(), judgments.end(),
                     [](const auto& judged) { return judged.second >= 1; });
}

QueryMetrics measure_query(std::vector<ScoredDocument> run, const Judgments& judgments) {
  sort_as_trec_eval(run);
  if (run.size() > run_depth) run.resize(run_depth);

  std::vector<int> ideal;
  for (const auto& [id, gain] : judgments) {
    if (gain >= 1) ideal.push_back(gain);
  }
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  const double relevant = static_cast<double>(ideal.size());

  std::vector<int> gains;
  gains.reserve(run.size());
  for (const ScoredDocument& doc : run) gains.push_back(gain_of(judgments, doc.id));

  QueryMetrics m;
  m.ndcg_at_10 = dcg(gains, 10) / dcg(ideal, 10);
  double found = 0, found_in_10 = 0, found_in_100 = 0, precision_sum = 0;
  for (std::size_t i = 0; i < gains.size(); ++i) {
    if (gains[i] < 1) continue;
    ++found;
    precision_sum += found / static_cast<double>(i + 1);  // precision at this relevant document
    if (i < 10) ++found_in_10;
    if (i < 100) ++found_in_100;
  }
  m.average_precision = precision_sum / relevant;
  m.precision_at_10 = found_in_10 / 10.0;
  m.recall_at_100 = found_in_100 / relevant;
  return m;
}

QueryMetrics mean(const std::vector<QueryMetrics>& per_query) {
  QueryMetrics sum;
  if (per_query.empty()) return sum;
  for (const QueryMetrics& m : per_query) {
    sum.ndcg_at_10 += m.ndcg_at_10;
    sum.average_precision += m.average_precision;
    sum.precision_at_10 += m.precision_at_10;
    sum.recall_at_100 += m.recall_at_100;
  }
  const double n = static_cast<double>(per_query.size());
  return {sum.ndcg_at_10 / n, sum.average_precision / n, sum.precision_at_10 / n,
          sum.recall_at_100 / n};
}

}  // namespace lede::bench

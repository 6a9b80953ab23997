/**
 * @file
 * @brief Ranking-quality measures with trec_eval's semantics: nDCG@10, MAP, P@10, Recall@100.
 *
 * A run is, per query, a list of (document id, score). As trec_eval does, the list is ordered
 * by score descending with ties broken by document id in descending string order (the rank a
 * run file states is ignored), and only its first 1000 entries count. A document is relevant
 * when its judged gain is >= 1; unjudged documents count as not relevant.
 * @see https://github.com/usnistgov/trec_eval (m_ndcg_cut.c, m_map.c, m_P.c, m_recall.c)
 */
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace lede::bench {

/// One query's judgments: document id → gain (the qrels' relevance column).
using Judgments = std::map<std::string, int>;

struct ScoredDocument {
  std::string id;
  double score = 0;
};

struct QueryMetrics {
  double ndcg_at_10 = 0;         ///< linear gain, log2(rank + 1) discount, ideal from all judged
  double average_precision = 0;  ///< over the top 1000, divided by the number of relevant
  double precision_at_10 = 0;    ///< relevant in the top 10, divided by 10
  double recall_at_100 = 0;      ///< relevant in the top 100, divided by the number of relevant
};

/// How many documents of a run count (trec_eval's default cut).
inline constexpr std::size_t run_depth = 1000;

/// Orders `run` as trec_eval does: score descending, then id descending (string order).
void sort_as_trec_eval(std::vector<ScoredDocument>& run);

/// True when `judgments` hold at least one relevant document (gain >= 1): only such queries
/// are scored and averaged.
bool has_relevant(const Judgments& judgments);

/// The four measures of one query. `run` need not be sorted; an empty run scores 0 everywhere.
/// `judgments` must hold a relevant document (has_relevant).
QueryMetrics measure_query(std::vector<ScoredDocument> run, const Judgments& judgments);

/// The mean of each measure over `per_query` (all zero for an empty list).
QueryMetrics mean(const std::vector<QueryMetrics>& per_query);

}  // namespace lede::bench

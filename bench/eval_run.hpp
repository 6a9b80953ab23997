/**
 * @file
 * @brief `lede-bench eval`: ranking quality on a test collection, through lede's own paths.
 *
 * The documents (JSON Lines: id, title, body, published) are indexed into a temporary archive
 * by the real ingest pipeline (indexer/ingest.hpp: JSON Lines reader, normaliser,
 * DocumentBuilder, IndexWriter); every query runs through query::search with lede-query's
 * defaults (query parser, BM25 + recency blend, collapsing), asking for the top 1000. A hit
 * is named by its record's `id` (the article's guid). The run is scored with trec_eval's
 * semantics (bench/eval_metrics.hpp), over the queries with at least one relevant document.
 * @see docs/ranking.md (the eval section)
 */
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace lede::bench {

struct EvalOptions {
  std::string documents;  ///< JSON Lines file
  std::string queries;    ///< qid<TAB>text per line
  std::string qrels;      ///< TREC qrels
  std::string run_file;   ///< where to write the TREC run (top 1000 per query); empty: none
};

/// Builds the archive, runs every query, scores the run. Throws lede::Error on unreadable or
/// malformed input files and when the temporary archive cannot be written.
nlohmann::json run_eval(const EvalOptions& options);

/// The report as a few aligned lines for people.
void print_eval(const nlohmann::json& report, std::ostream& out);

}  // namespace lede::bench

/**
 * @file
 * @brief The files of a test collection: TREC qrels, queries as TSV, and TREC run files.
 *
 * - qrels: `qid 0 docid relevance` per line (whitespace-separated), as trec_eval reads them.
 * - queries: `qid<TAB>query text` per line.
 * - run: `qid Q0 docid rank score tag` per line, as trec_eval reads them.
 * A malformed line is an error naming the file and line (a collection is small and must be
 * read whole: a skipped judgment would silently change every figure).
 */
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "bench/eval_metrics.hpp"

namespace lede::bench {

/// Query id → that query's judgments.
using Qrels = std::map<std::string, Judgments>;

struct Topic {
  std::string id;
  std::string text;
};

/// Throws lede::Error naming the file and line of a malformed line (or an unreadable file).
Qrels read_qrels(const std::string& path);

/// Throws lede::Error naming the file and line of a malformed line (or an unreadable file).
std::vector<Topic> read_topics(const std::string& path);

/// Writes one query's documents, already in trec_eval's order, as run lines (rank from 1).
/// Scores are written in the shortest form that reads back as the same double, so trec_eval
/// sees exactly the ties lede saw.
void write_run_lines(std::ostream& out, const std::string& query_id,
                     const std::vector<ScoredDocument>& ranked, const std::string& tag);

}  // namespace lede::bench

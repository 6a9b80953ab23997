/**
 * @file
 * @brief `lede-bench query`: in-process latency of query::search() under each sort order.
 *
 * Every query is run under --sort blend, relevance and date in the same pass, interleaved
 * query by query, so the ratio of the modes comes from one run on one warm cache.
 */
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/article.hpp"

namespace lede::bench {

struct QueryBenchOptions {
  std::string database;      ///< folder or stub file
  std::string queries_file;  ///< one query per line; blank lines skipped
  UnixSeconds now = 0;       ///< ages are measured from here (as lede-query --now)
  unsigned runs = 3;         ///< timed passes over all queries (after one untimed warm-up)
  unsigned limit = 10;       ///< hits per search, as lede-query --limit
};

/// Runs the benchmark and returns its report. Throws lede::Error naming the file or database
/// when they cannot be read, or a query that search() refuses.
nlohmann::json run_query_bench(const QueryBenchOptions& options);

}  // namespace lede::bench

/**
 * @file
 * @brief `lede-bench query`: latency and throughput of lede-query's work, in-process, beside a
 * baseline measured in the same run.
 *
 * lede runs as lede-query does (bench/lede_engine.hpp), once per --sort order given; a
 * baseline (bench/baselines/) does the same work on its own database. The report holds each
 * contender's latency percentiles (bench/latency_summary.hpp), QPS, hits and zero-hit queries,
 * and the ratio of the first contender's figures to every other's.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/baselines/baseline.hpp"
#include "bench/search_engine.hpp"
#include "common/article.hpp"
#include "query/search.hpp"

namespace lede::bench {

struct QueryBenchOptions {
  std::string database;      ///< lede's database: folder or stub file
  std::string queries_file;  ///< one query per line; blank lines skipped
  UnixSeconds now = 0;       ///< ages are measured from here (lede-query --now)
  unsigned runs = 3;         ///< timed passes over all queries after a warm-up
  unsigned threads = 1;      ///< searching threads, each with its own engines
  std::vector<query::SortOrder> sorts = {query::SortOrder::blend};  ///< lede once per order
  QueryWork work;                                                   ///< --limit, --no-snippets
  std::vector<BaselineRun> baselines;  ///< measured beside lede, each on its own database
  /// Other lede archives, each measured in every sort order beside `database` (the same
  /// articles built or compacted otherwise): contenders named "lede SORT on FOLDER".
  std::vector<std::string> compare_databases;
};

/// One query per non-blank line, whitespace folded. Throws lede::Error naming the file.
std::vector<std::string> read_queries(const std::string& path);

/// Runs the benchmark and returns its report. Throws lede::Error naming the file, database or
/// query line that failed.
nlohmann::json run_query_bench(const QueryBenchOptions& options);

}  // namespace lede::bench

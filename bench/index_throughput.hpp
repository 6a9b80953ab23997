/**
 * @file
 * @brief `lede-bench index`: indexing throughput of the real pipeline (indexer/ingest.hpp).
 *
 * Indexes SOURCEs into a fresh database and reports domain rates: articles/s and MB/s of
 * source bytes read. The database is a temporary folder removed afterwards unless --db is given.
 */
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lede::bench {

struct IndexBenchOptions {
  std::vector<std::string> sources;  ///< as lede-index add: files, folders, JSON Lines, URLs
  std::string database;              ///< empty: a temporary folder, removed at the end
};

/// Runs the benchmark and returns its report. Throws lede::Error when the database cannot be
/// created or is not fresh.
nlohmann::json run_index_bench(const IndexBenchOptions& options);

}  // namespace lede::bench

/**
 * @file
 * @brief `lede-bench index`: indexing throughput of lede's ingest path, beside a baseline.
 *
 * Indexes SOURCEs into a fresh database in a temporary folder through lede::ingest() (what
 * `lede-index add` runs), or with --workers through rebuild's parallel parts and merge, and,
 * with a baseline, again through the baseline's plain way. Each
 * build runs in its own child process (bench/child_process.hpp) so that its peak RSS and CPU
 * time are its own. Reported: articles/s, MB/s of input, peak RSS, database bytes as built and
 * after compaction (Xapian::Database::compact; FTS5 'optimize' + VACUUM), and the ratios of
 * lede's figures to the baseline's.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/baselines/baseline.hpp"

namespace lede::bench {

struct IndexBenchOptions {
  std::vector<std::string> sources;    ///< local files and folders, as lede-index add takes them
  std::string database;                ///< lede's database to keep; empty: temporary, removed
  std::vector<BaselineRun> baselines;  ///< database to keep, or empty: temporary
  bool compact = true;                 ///< also measure the compacted sizes
  /// 1: lede::ingest() on one thread, as `lede-index add`. More: the path of `lede-index
  /// rebuild SOURCE...`, that many workers each writing a part, merged by compaction (so the
  /// database as built is already compacted). Workers share out the files, not a file.
  std::size_t workers = 1;
};

/// Runs the benchmark and returns its report. Throws lede::Error when a database cannot be
/// created or is not fresh.
nlohmann::json run_index_bench(const IndexBenchOptions& options);

}  // namespace lede::bench

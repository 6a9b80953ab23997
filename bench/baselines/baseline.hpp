/**
 * @file
 * @brief The baselines lede is measured against, by name: building, compacting, querying.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/baselines/baseline_build.hpp"
#include "bench/search_engine.hpp"

namespace lede::bench {

enum class Baseline { fts5, xapian_plain };

/// A baseline to measure, with its database (empty for a temporary one, where allowed).
struct BaselineRun {
  Baseline baseline;
  std::string database;
};

/// "fts5" / "xapian-plain".
std::string_view to_string(Baseline baseline);
std::optional<Baseline> baseline_from_string(std::string_view name);

/// Indexes `sources` into a new database at `path` (a file for fts5, a folder for Xapian).
BuildResult build_baseline(Baseline baseline, const std::vector<std::string>& sources,
                           const std::string& path);

/// Compacts the database at `path` into `into` (a new path), the way its engine does it:
/// FTS5 'optimize' and VACUUM on a copy; Xapian::Database::compact.
void compact_baseline(Baseline baseline, const std::string& path, const std::string& into);

EngineFactory baseline_engine_factory(Baseline baseline, const std::string& path,
                                      const QueryWork& work);

}  // namespace lede::bench

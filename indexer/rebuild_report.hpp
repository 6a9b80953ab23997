/**
 * @file
 * @brief What `lede-index rebuild` and `compact` show: the progress line (a bar while the
 *        workers index), the one-line summary, and the summary as JSON.
 */
#pragma once

#include <string>

#include "indexer/rebuild.hpp"

namespace lede {

/// "rebuild [#######-------------]  35%  7301/20841 articles, 2 workers, 1460 articles/s", or
/// the phase after indexing ("rebuild: merging the parts (postlist table)").
std::string progress_text(const std::string& command, const RebuildProgress& progress);

/// "rebuilt from the stored articles with 2 workers: 20841 → 20841 articles, 80.2 MiB →
/// 45.1 MiB in 41.0 s (indexing 35.2 s, merging 5.0 s); live generation 3", or why the live
/// database was kept.
std::string summary_line(const RebuildSummary& summary);

/// One JSON object with every field of the summary (documented in docs/rebuild.md).
std::string summary_json(const RebuildSummary& summary);

}  // namespace lede

/**
 * @file
 * @brief One article once: before the parts of a rebuild are merged, an article (its unique
 *        `Q` term, see docs/schema.md) that several parts hold is kept in the last of them only.
 *
 * Within one database IndexWriter's replace_document keeps an article once; across the
 * separate databases of parallel workers nothing does, and Xapian's compaction concatenates
 * documents without looking at their terms. The parts are in input order, so keeping the last
 * copy is what a sequential `add` of the same sources would have kept.
 */
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

namespace lede {

/// Deletes from each part the articles that a later part also holds, and commits. Walks the
/// parts' sorted `Q` term lists side by side: memory grows with the duplicates only.
/// Returns how many documents it deleted.
std::size_t keep_last_copies(const std::vector<std::filesystem::path>& parts);

}  // namespace lede

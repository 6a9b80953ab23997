/**
 * @file
 * @brief Baseline `fts5`, querying: the AND of the words, phrases as phrases, `ORDER BY rank
 * LIMIT n` (bm25() with the title weight set at build time); per hit the title through
 * highlight() and a snippet() of the body.
 *
 * Needs only SQLite: `baseline-search-fts5` (bench/baseline_search.cpp) links it without the rest of
 * lede, for whole-process timings.
 * @see https://www.sqlite.org/fts5.html (3 full-text query syntax, 5 auxiliary functions)
 */
#pragma once

#include <string>
#include <string_view>

#include "bench/search_engine.hpp"

namespace lede::bench::fts5 {

/// A query line as an FTS5 MATCH expression: every word and every "quoted phrase" becomes one
/// FTS5 string (double-quoted, inner quotes doubled), so punctuation and FTS5 keywords (AND, OR,
/// NOT, NEAR, column filters, `*`, `^`) are text, never syntax; juxtaposed strings are ANDed.
/// A word with no letter or digit is dropped (FTS5 would tokenise it to nothing).
std::string to_match_expression(std::string_view query);

/// Engines reading `path`, one connection each. Throws lede::Error naming the file.
EngineFactory engine_factory(const std::string& path, const QueryWork& work);

}  // namespace lede::bench::fts5

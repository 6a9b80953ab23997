/**
 * @file
 * @brief Baseline `fts5`: what a user would do with SQLite FTS5 instead of lede.
 *
 * One FTS5 table with `title` and `body` columns, `tokenize='porter unicode61'`, the content
 * stored in the table (FTS5's default), every article inserted in one transaction. Queries: the
 * AND of the words, phrases as phrases; ranked by bm25() with the title weighted as lede weights
 * it (the persistent `rank` option), `ORDER BY rank LIMIT n`; per hit the title through
 * highlight() and a snippet() of the body.
 * @see https://www.sqlite.org/fts5.html (sections 3 full-text query syntax, 4.4 rank, 5 auxiliary
 *      functions bm25/highlight/snippet, 6.8 optimize)
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bench/baselines/baseline_build.hpp"
#include "bench/search_engine.hpp"

namespace lede::bench::fts5 {

/// Indexes the articles of `sources` into a new SQLite file `path` (which must not exist).
BuildResult build(const std::vector<std::string>& sources, const std::string& path);

/// `INSERT INTO articles(articles) VALUES('optimize')`, then VACUUM: FTS5's compaction.
void compact(const std::string& path);

/// A query line as an FTS5 MATCH expression: every word and every "quoted phrase" becomes one
/// FTS5 string (double-quoted, inner quotes doubled), so punctuation and FTS5 keywords (AND, OR,
/// NOT, NEAR, column filters, `*`, `^`) are text, never syntax; juxtaposed strings are ANDed.
/// A word with no letter or digit is dropped (FTS5 would tokenise it to nothing).
std::string to_match_expression(std::string_view query);

/// Engines reading `path`, one connection each.
EngineFactory engine_factory(const std::string& path, const QueryWork& work);

}  // namespace lede::bench::fts5

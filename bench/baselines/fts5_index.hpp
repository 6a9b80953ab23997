/**
 * @file
 * @brief Baseline `fts5`, indexing: what a user would do with SQLite FTS5 instead of lede.
 *
 * One FTS5 table with `title` and `body` columns, `tokenize='porter unicode61'`, the content
 * stored in the table (FTS5's default), every article inserted in one transaction; ranking by
 * bm25() with the title weighted as lede weights it, set once as the table's persistent `rank`
 * option so that queries say `ORDER BY rank` (bench/baselines/fts5_query.hpp).
 * @see https://www.sqlite.org/fts5.html (4.3 tokenizers, 4.5 rank option, 6.8 optimize)
 */
#pragma once

#include <string>
#include <vector>

#include "bench/baselines/baseline_build.hpp"

namespace lede::bench::fts5 {

/// Indexes the articles of `sources` into a new SQLite file `path` (which must not exist).
BuildResult build(const std::vector<std::string>& sources, const std::string& path);

/// `INSERT INTO articles(articles) VALUES('optimize')`, then VACUUM: FTS5's compaction.
void compact(const std::string& path);

}  // namespace lede::bench::fts5

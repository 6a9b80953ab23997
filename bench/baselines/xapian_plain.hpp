/**
 * @file
 * @brief Baseline `xapian-plain`: Xapian used the plain way, as its examples and docs show.
 *
 * Indexing: one TermGenerator with the English stemmer (default STEM_SOME), the title then,
 * after increase_termpos(), the body; the document data holds title and body for snippets;
 * add_document() per article with Xapian's default flush (XAPIAN_FLUSH_THRESHOLD, 10,000
 * documents) and one commit at the end. Querying: QueryParser with the English stemmer, the
 * database, the default flags and AND as the default operator (the AND of the words); BM25
 * with default parameters; per hit MSet::snippet() of the title and of the body.
 * @see https://getting-started-with-xapian.readthedocs.io/en/latest/practical_example/indexing/
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1MSet.html (snippet)
 */
#pragma once

#include <string>
#include <vector>

#include "bench/baselines/baseline_build.hpp"
#include "bench/search_engine.hpp"

namespace lede::bench::xapian_plain {

/// Indexes the articles of `sources` into a new database folder `path`.
BuildResult build(const std::vector<std::string>& sources, const std::string& path);

/// Engines reading `path`, one Xapian::Database each.
EngineFactory engine_factory(const std::string& path, const QueryWork& work);

}  // namespace lede::bench::xapian_plain

/**
 * @file
 * @brief Baseline `xapian-plain`, querying: QueryParser with the English stemmer, the database,
 * the default flags, `title:` for the S prefix and AND as the default operator (the AND of the
 * words); BM25 with default parameters; per hit the JSON document data decoded and
 * MSet::snippet() of the title and of the body.
 *
 * Needs only Xapian: `baseline-search-xapian-plain` links it without the rest of lede.
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1MSet.html (snippet)
 */
#pragma once

#include <string>

#include "bench/search_engine.hpp"

namespace lede::bench::xapian_plain {

/// Engines reading `path`, one Xapian::Database each. Throws lede::Error naming the folder.
EngineFactory engine_factory(const std::string& path, const QueryWork& work);

}  // namespace lede::bench::xapian_plain

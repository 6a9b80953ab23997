/**
 * @file
 * @brief Baseline `xapian-plain`, indexing: Xapian used the plain way its examples show.
 *
 * As the Getting Started guide's indexer does it: one TermGenerator with the English stemmer
 * (default STEM_SOME); the title with the prefix S (for `title:`) and unprefixed, then after
 * increase_termpos() the body; the document data is the record as JSON; add_document() per
 * article with Xapian's default flush (XAPIAN_FLUSH_THRESHOLD, 10,000 documents) and one
 * commit at the end. Built this way Reuters-21578 takes 123 MB, 66.6 MB compacted, next to
 * issue 5's reference figures of 127 / 67 MB; title and body alone (no S terms, plain-text data)
 * took 109 / 59 MB.
 * @see https://getting-started-with-xapian.readthedocs.io/en/latest/practical_example/indexing/
 */
#pragma once

#include <string>
#include <vector>

#include "bench/baselines/baseline_build.hpp"

namespace lede::bench::xapian_plain {

/// Indexes the articles of `sources` into a new database folder `path`.
BuildResult build(const std::vector<std::string>& sources, const std::string& path);

}  // namespace lede::bench::xapian_plain

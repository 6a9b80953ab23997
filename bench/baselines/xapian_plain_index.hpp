/**
 * @file
 * @brief Baseline `xapian-plain`, indexing: Xapian used the plain way its examples show.
 *
 * One TermGenerator with the English stemmer (default STEM_SOME): the title, then after
 * increase_termpos() the body; the document data holds title and body for snippets;
 * add_document() per article with Xapian's default flush (XAPIAN_FLUSH_THRESHOLD, 10,000
 * documents) and one commit at the end.
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

/**
 * @file
 * @brief The articles of SOURCE arguments, read through lede's own parsers, for the baselines.
 *
 * A baseline indexes exactly what lede indexes: the same files, feed parser, JSON Lines reader
 * and normalisation, so reading is the same work on both sides of a ratio. Local files and
 * folders only (no URLs, no OPML lists: a benchmark must not depend on the network).
 */
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/article.hpp"

namespace lede::bench {

struct StreamCounts {
  std::size_t articles = 0;
  std::size_t skipped = 0;  ///< items or lines that could not become articles
  std::size_t sources_failed = 0;
};

/// Calls `on_article` for every article of `sources`, in order; problems go to `on_problem`
/// ("LOCATION[:LINE]: what") and the rest goes on.
StreamCounts for_each_article(const std::vector<std::string>& sources,
                              const std::function<void(const Article&)>& on_article,
                              const std::function<void(const std::string&)>& on_problem);

}  // namespace lede::bench

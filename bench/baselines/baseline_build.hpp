/**
 * @file
 * @brief What a baseline's indexing run reports (lede's is the same shape).
 */
#pragma once

#include <cstddef>

namespace lede::bench {

struct BuildResult {
  std::size_t articles = 0;
  std::size_t skipped = 0;
  std::size_t sources_failed = 0;
};

}  // namespace lede::bench

/**
 * @file
 * @brief One contender of `lede-bench query`: something that answers a query line with hits.
 *
 * lede itself and each baseline (bench/baselines/) implement it, so that the runner times them
 * the same way, query by query, in one process. An engine is used by one thread only; each
 * thread gets its own from an EngineFactory (Xapian and SQLite handles are not shared).
 */
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

namespace lede::bench {

/// What every engine does per query: the top `limit` hits, each with its title and a snippet
/// of its body when `snippets` is on, formatted and discarded.
struct QueryWork {
  unsigned limit = 10;
  bool snippets = true;
  std::size_t snippet_length = 200;  ///< characters per snippet (lede-query's default)
  std::ostream* out = nullptr;       ///< where the formatted hits go; null: discarded
};

class SearchEngine {
 public:
  virtual ~SearchEngine() = default;
  /// Answers one query line (the result is formatted and thrown away); returns the hits made.
  /// Throws lede::Error for a query the engine refuses.
  virtual std::size_t search(const std::string& query) = 0;
};

using EngineFactory = std::function<std::unique_ptr<SearchEngine>()>;

}  // namespace lede::bench

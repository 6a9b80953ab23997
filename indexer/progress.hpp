/**
 * @file
 * @brief What lede-index shows while and after it works: a progress line on a terminal, the
 *        problems, the one-line summary, and the summary as JSON.
 *
 * The progress line is redrawn in place on stderr at most ten times a second, and only when
 * stderr is a terminal and --quiet was not given: pipes and logs see the problems and the
 * summary, never carriage returns.
 */
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "indexer/ingest.hpp"

namespace lede {

class ProgressDisplay {
 public:
  /// `live`: draw the progress line (stderr is a terminal and not --quiet).
  ProgressDisplay(std::FILE* out, bool live);

  /// Redraws the progress line, unless it was drawn less than 0.1 s ago.
  void update(const IngestProgress& progress);

  /// Draws `text` (after "lede-index: ") as the progress line, unless a line was drawn less
  /// than 0.1 s ago and `force` is false.
  void show(const std::string& text, bool force = false);

  /// Prints "lede-index: MESSAGE" on a line of its own (clearing the progress line first).
  void problem(const std::string& message);

  /// Clears the progress line.
  void finish();

 private:
  void clear();

  std::FILE* out_;
  bool live_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

/// "20841 added, 0 updated, 0 unchanged, 0 skipped in 41.2 s" (failed sources and an interrupt
/// are mentioned when they happened).
std::string summary_line(const IngestSummary& summary);

/// The summary as one JSON object: added, updated, unchanged, skipped, sources_ok,
/// sources_failed, interrupted, seconds, articles_per_second.
std::string summary_json(const IngestSummary& summary);

}  // namespace lede

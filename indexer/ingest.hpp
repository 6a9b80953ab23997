/**
 * @file
 * @brief The ingest pipeline: sources → bytes → feed::parse → normalize → IndexWriter.
 *
 * A library function with plain options in and a plain summary out: lede-index calls it, and so
 * does lede-bench to measure throughput. Per-source and per-item problems are reported through
 * a callback and counted; the run goes on. Only database errors are fatal (lede::Error).
 */
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/error.hpp"
#include "indexer/fetch.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/write_failure.hpp"

namespace lede {

struct IngestProgress {
  std::size_t sources_done = 0;
  std::size_t sources_total = 0;  ///< grows as OPML lists are read
  std::size_t articles = 0;       ///< added + updated + unchanged so far
  double seconds = 0;
};

struct IngestOptions {
  std::vector<std::string> sources;                 ///< SOURCE arguments: URLs, paths, folders, "-"
  std::string default_language = "en";              ///< for items and feeds that name none
  std::size_t commit_every = default_commit_every;  ///< articles written per commit
  /// Longest JSON Lines record; a longer line is reported and skipped (memory stays bounded).
  std::size_t max_line_bytes = 16 * 1024 * 1024;
  /// fetch.max_bytes also caps a feed or OPML file read whole (dumps stream, a line at a time).
  http::FetchOptions fetch;
  /// A database folder (the live one, during a rebuild) whose undated articles keep the time
  /// they were first seen; empty: none.
  std::filesystem::path first_seen_from;
  /// One message per problem, "LOCATION[:LINE]: what"; the run goes on.
  std::function<void(const std::string&)> on_problem;
  /// Called after every source and every few hundred articles.
  std::function<void(const IngestProgress&)> on_progress;
  /// Polled between items and during transfers; true stops the run (after a commit).
  std::function<bool()> should_stop;
};

struct IngestSummary {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t skipped = 0;  ///< items that could not become articles
  std::size_t sources_ok = 0;
  std::size_t sources_failed = 0;
  bool interrupted = false;
  double seconds = 0;

  std::size_t articles() const { return added + updated + unchanged; }
  /// Nothing skipped and no source failed.
  bool complete() const { return skipped == 0 && sources_failed == 0; }
};

/// Ingests every source into `db` and commits. Throws lede::Error only when the database itself
/// fails (what was committed before stays): DiskFull when it ran out of space.
IngestSummary ingest(Xapian::WritableDatabase& db, const IngestOptions& options);

}  // namespace lede

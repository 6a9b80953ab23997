/**
 * @file
 * @brief `lede-index update`: fetch every subscribed feed that is due, in parallel and
 *        politely, and index what changed.
 *
 * subscriptions (metadata) → due ones → ParallelFetcher (conditional GET, ≤ 2 per host) →
 * 304: nothing parsed | HTML: autodiscovery, then the feed | feed: parse → normalise →
 * IndexWriter (the same write_feed step as `add`) → the schedule and fetch state written
 * back into each subscription → one commit.
 *
 * Articles that vanish from a feed stay in the archive. One feed's failure never stops the
 * others; it is recorded in its subscription (status, error, consecutive errors, a backed-off
 * next due) and reported.
 */
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <xapian.h>

#include "indexer/http/parallel_fetch.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/ingest.hpp"
#include "indexer/update/schedule.hpp"

namespace lede::update {

struct UpdateOptions {
  http::ParallelOptions fetch;
  SchedulePolicy schedule;
  bool force = false;  ///< fetch every feed now, whatever its schedule (not before Retry-After)
  std::string default_language = "en";
  std::size_t commit_every = default_commit_every;     ///< as `add`: see indexer/index_writer.hpp
  std::function<void(const std::string&)> on_problem;  ///< "URL: what" (a failure)
  std::function<void(const std::string&)> on_note;     ///< "URL: …" (a redirect, a discovery)
  std::function<void(const IngestProgress&)> on_progress;
  std::function<bool()> should_stop;
};

struct UpdateSummary {
  std::size_t feeds = 0;         ///< subscribed
  std::size_t due = 0;           ///< asked this run
  std::size_t changed = 0;       ///< answered with a feed that was parsed and indexed
  std::size_t not_modified = 0;  ///< answered 304
  std::size_t failed = 0;        ///< no usable answer
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t skipped = 0;  ///< items that could not become articles
  bool interrupted = false;
  double seconds = 0;

  bool complete() const { return failed == 0 && skipped == 0; }
};

/// Runs one update. Throws lede::Error only when the database itself fails.
UpdateSummary run_update(Xapian::WritableDatabase& db, const UpdateOptions& options);

/// "200 feeds due of 200: 3 changed, 197 not modified, 0 failed; 30 added, 0 updated,
/// 0 unchanged, 0 skipped in 1.2 s".
std::string summary_line(const UpdateSummary& summary);
/// The summary as one JSON object (the UpdateSummary fields by name).
std::string summary_json(const UpdateSummary& summary);

}  // namespace lede::update

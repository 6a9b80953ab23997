#include "indexer/rebuild.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>

#include <xapian.h>

#include "common/database.hpp"
#include "common/error.hpp"
#include "common/generation.hpp"
#include "indexer/carry_over.hpp"
#include "indexer/deduplicate.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/merge.hpp"
#include "indexer/staging.hpp"

namespace lede {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Kind = generation::Layout::Kind;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One run of rebuild or compact: the live database held open (its lock) from start to end,
// the layout it has, and the workspace for the next generation.
class Run {
 public:
  Run(const std::string& db, const char* command, const SwitchCallbacks& callbacks)
      : db_(db), callbacks_(callbacks) {
    summary_.command = command;
    const generation::Layout before = generation::resolve(db_);
    if (before.kind == Kind::other) {
      throw Error(db + ": " + command +
                  " works on a database folder made by lede-index, not on a stub file of "
                  "shards or another program's stub; run it on each shard's folder");
    }
    live_ = open_for_rebuilding(db);  // the writer lock, held until this run ends
    layout_ = generation::resolve(db_);
    if (layout_.kind != Kind::plain && layout_.kind != Kind::generations) {
      throw Error(db + ": not a glass database folder");
    }
    summary_.articles_before = live_.get_doccount();
    summary_.bytes_before = staging::database_bytes(layout_.directory);
    summary_.leftovers_removed = staging::remove_leftovers(db_, layout_).size();
    workspace_.emplace(db_, layout_.number + 1);
  }

  const fs::path& live_directory() const { return layout_.directory; }
  const fs::path& staging() const { return workspace_->staging(); }
  RebuildSummary& summary() { return summary_; }
  bool stop_requested() const { return callbacks_.should_stop && callbacks_.should_stop(); }

  void problem(const std::string& message) const {
    if (callbacks_.on_problem) callbacks_.on_problem(message);
  }

  void progress(RebuildProgress progress) const {
    if (!callbacks_.on_progress) return;
    progress.seconds = seconds_since(start_);
    callbacks_.on_progress(progress);
  }

  /// Keeps the live database and says why; the workspace is removed when the run ends.
  RebuildSummary keep_live(const std::string& because) {
    summary_.not_switched_because = because;
    summary_.generation = layout_.number;
    summary_.articles_after = summary_.articles_before;
    summary_.bytes_after = summary_.bytes_before;
    summary_.seconds = seconds_since(start_);
    return summary_;
  }

  RebuildSummary interrupted() {
    summary_.interrupted = true;
    return keep_live("interrupted");
  }

  /// Moves the finished database `built` into place as the next generation and switches to
  /// it; then retires the old generation.
  RebuildSummary go_live(const fs::path& built) {
    RebuildProgress switching;
    switching.phase = RebuildProgress::Phase::switching;
    progress(switching);
    staging::flush_to_disk(built);
    const fs::path& next = workspace_->generation();
    if (::rename(built.c_str(), next.c_str()) != 0) {
      throw Error(next.string() +
                  ": cannot move the new database into place: " + std::strerror(errno));
    }
    // Its lock, so that no writer opens it before this run is over (workspace removed).
    next_.emplace(next.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    if (stop_requested()) {
      next_.reset();
      return interrupted();
    }

    const unsigned number = layout_.number + 1;
    generation::switch_to(db_, number);  // the commit point of the whole run
    workspace_->keep_generation();
    summary_.switched = true;
    summary_.generation = number;
    summary_.articles_after = next_->get_doccount();
    summary_.bytes_after = staging::database_bytes(next);
    try {
      staging::retire(db_, layout_, workspace_->staging());
    } catch (const Error& e) {
      problem(std::string(e.what()) + " (the switch is done; the next rebuild or compact " +
              "removes the old database)");
    }
    summary_.seconds = seconds_since(start_);
    return summary_;
  }

 private:
  fs::path db_;
  const SwitchCallbacks& callbacks_;
  const Clock::time_point start_ = Clock::now();
  // Destroyed in reverse order: the workspace is removed while both locks are still held.
  Xapian::WritableDatabase live_;
  std::optional<Xapian::WritableDatabase> next_;
  generation::Layout layout_;
  std::optional<staging::Workspace> workspace_;
  RebuildSummary summary_;
};

}  // namespace

RebuildSummary rebuild(const RebuildOptions& options) {
  try {
    Run run(options.db, "rebuild", options.callbacks);
    RebuildSummary& summary = run.summary();
    summary.from_sources = !options.sources.empty();
    const Xapian::Database live(run.live_directory().string(), Xapian::DB_BACKEND_GLASS);
    const Metadata notes_before = read_metadata(live, failed_input_key_prefix);

    PartsOptions parts_options;
    parts_options.folder = run.staging();
    parts_options.workers = options.workers;
    parts_options.commit_every = options.commit_every;
    parts_options.default_language = options.default_language;
    parts_options.fetch = options.fetch;
    parts_options.failed_notes = notes_before;
    parts_options.first_seen_from = run.live_directory();
    parts_options.on_problem = [&](const std::string& message) { run.problem(message); };
    parts_options.should_stop = [&] { return run.stop_requested(); };
    parts_options.on_progress = [&](const PartsProgress& parts) {
      RebuildProgress progress;
      progress.from_sources = summary.from_sources;
      progress.parts = parts;
      progress.workers = parts.workers;
      run.progress(progress);
    };

    const Clock::time_point indexing = Clock::now();
    const Parts parts = summary.from_sources
                            ? index_sources(options.sources, parts_options)
                            : index_stored_articles(run.live_directory(), parts_options);
    summary.workers = parts.databases.size();
    summary.indexed = parts.articles;
    summary.skipped = parts.skipped;
    summary.unreadable = parts.unreadable;
    summary.sources_ok = parts.sources_ok;
    summary.sources_failed = parts.sources_failed;
    summary.seconds_indexing = seconds_since(indexing);
    if (parts.interrupted || run.stop_requested()) return run.interrupted();
    // A rebuild must not lose what the live database has because a source could not be read.
    if (parts.sources_failed > 0) {
      return run.keep_live(std::to_string(parts.sources_failed) +
                           (parts.sources_failed == 1 ? " source" : " sources") + " failed");
    }
    if (parts.unreadable > 0) {
      return run.keep_live(std::to_string(parts.unreadable) + " stored articles could not be read");
    }

    const Clock::time_point merging = Clock::now();
    summary.duplicates = keep_last_copies(parts.databases);
    if (run.stop_requested()) return run.interrupted();
    const fs::path merged = run.staging() / "merged";
    merge_databases(parts.databases, merged, [&](const std::string& table) {
      RebuildProgress progress;
      progress.phase = RebuildProgress::Phase::merging;
      progress.table = table;
      progress.workers = summary.workers;
      run.progress(progress);
    });
    std::vector<Metadata> notes_after;
    for (const fs::path& part : parts.databases) {
      notes_after.push_back(read_metadata(Xapian::Database(part.string(), Xapian::DB_BACKEND_GLASS),
                                          failed_input_key_prefix));
    }
    {
      Xapian::WritableDatabase rebuilt(merged.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
      carry_over(live, merge_failed_notes(notes_before, notes_after), rebuilt);
      rebuilt.commit();
    }
    summary.seconds_merging = seconds_since(merging);
    if (run.stop_requested()) return run.interrupted();
    return run.go_live(merged);
  } catch (const Xapian::Error& e) {
    throw Error(options.db +
                ": rebuild failed, the live database is unchanged: " + e.get_description());
  }
}

RebuildSummary compact(const CompactOptions& options) {
  try {
    Run run(options.db, "compact", options.callbacks);
    RebuildSummary& summary = run.summary();
    summary.workers = 1;
    const Clock::time_point merging = Clock::now();
    const fs::path compacted = run.staging() / "compacted";
    merge_databases({run.live_directory()}, compacted, [&](const std::string& table) {
      RebuildProgress progress;
      progress.phase = RebuildProgress::Phase::merging;
      progress.table = table;
      progress.workers = 1;
      run.progress(progress);
    });
    summary.seconds_merging = seconds_since(merging);
    if (run.stop_requested()) return run.interrupted();
    return run.go_live(compacted);
  } catch (const Xapian::Error& e) {
    throw Error(options.db +
                ": compact failed, the live database is unchanged: " + e.get_description());
  }
}

}  // namespace lede

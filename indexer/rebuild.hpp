/**
 * @file
 * @brief `lede-index rebuild` and `compact`: a complete new database built beside the live one,
 *        then switched to atomically; the live database is never written.
 *
 * rebuild: workers re-index the live database's stored articles (or the given sources) into
 * separate parts (indexer/parallel_index.hpp), an article held by several parts is kept once
 * (indexer/deduplicate.hpp), the parts are merged by compaction (indexer/merge.hpp), the live
 * database's metadata and synonyms are carried over (indexer/carry_over.hpp), and the result
 * becomes the next generation (common/generation.hpp). compact: the live database compacted
 * into the next generation. Both hold the writer lock from start to end, so `add` and `update`
 * wait or fail with "database is locked" rather than write to a generation about to be retired;
 * readers go on reading the old generation until they open the new one. An interrupted or failed
 * run leaves the live database as it was; its staging folder is removed then, or by the next
 * run when the process was killed. See docs/rebuild.md.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "indexer/fetch.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/parallel_index.hpp"

namespace lede {

struct RebuildProgress {
  enum class Phase { indexing, merging, switching };
  Phase phase = Phase::indexing;
  bool from_sources = false;  ///< indexing counts sources, else stored articles
  PartsProgress parts;        ///< indexing
  std::string table;          ///< merging: the table being merged ("postlist", …)
  std::size_t workers = 0;
  double seconds = 0;
};

/// What both commands are told besides the database path.
struct SwitchCallbacks {
  std::function<void(const std::string&)> on_problem;  ///< "LOCATION: what"; the run goes on
  std::function<void(const RebuildProgress&)> on_progress;
  std::function<bool()> should_stop;  ///< polled; true abandons the run, live database untouched
};

struct RebuildOptions {
  std::string db;
  std::vector<std::string> sources;  ///< SOURCE arguments; empty: the stored articles
  std::size_t workers = 1;
  std::size_t commit_every = default_commit_every;  ///< articles per commit in each worker's part
  std::string default_language = "en";
  http::FetchOptions fetch;
  SwitchCallbacks callbacks;
};

struct CompactOptions {
  std::string db;
  SwitchCallbacks callbacks;
};

struct RebuildSummary {
  std::string command;  ///< "rebuild" or "compact"
  bool from_sources = false;
  std::size_t workers = 0;
  std::uint64_t articles_before = 0;
  std::uint64_t articles_after = 0;  ///< the live database's after the run
  std::uintmax_t bytes_before = 0;   ///< files of the live generation before and after
  std::uintmax_t bytes_after = 0;
  std::size_t indexed = 0;     ///< articles written by the workers
  std::size_t duplicates = 0;  ///< copies of an article that another part also held
  std::size_t skipped = 0;     ///< feed items that could not become articles
  std::size_t unreadable = 0;  ///< stored articles whose document data could not be read
  std::size_t sources_ok = 0;
  std::size_t sources_failed = 0;
  std::size_t leftovers_removed = 0;  ///< files and folders an earlier, killed run left
  unsigned generation = 0;            ///< the live generation after the run (0: plain folder)
  bool switched = false;
  bool interrupted = false;
  std::string not_switched_because;  ///< why the live database was kept, when it was
  double seconds_indexing = 0;
  double seconds_merging = 0;
  double seconds = 0;
};

/// Throws lede::Error when a database cannot be opened or written (the live one is untouched
/// unless the error came after the switch, which the message then says).
RebuildSummary rebuild(const RebuildOptions& options);
RebuildSummary compact(const CompactOptions& options);

}  // namespace lede

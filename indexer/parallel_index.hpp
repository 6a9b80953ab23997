/**
 * @file
 * @brief Indexing on every core: workers that each write their own temporary database (a
 *        "part"), to be merged into one by Xapian's compaction (indexer/merge.hpp).
 *
 * A Xapian::WritableDatabase has one writer, so parallel indexing means separate databases, the
 * way Xapian's administrator guide describes building a large index in chunks and merging them
 * (xapian-core/docs/admin_notes.rst, "Merging databases"). Each worker gets a contiguous share
 * of the work, so the parts keep the order of the input and merging them in order keeps it too:
 * where two parts hold the same article, the later part's copy is the later one read, and
 * indexer/deduplicate.hpp keeps it.
 */
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "indexer/fetch.hpp"
#include "indexer/index_writer.hpp"

namespace lede {

struct PartsProgress {
  std::size_t done = 0;      ///< stored articles read, or sources finished
  std::size_t total = 0;     ///< stored articles in the live database, or sources to read
  std::size_t articles = 0;  ///< articles written into the parts so far
  std::size_t workers = 0;
};

struct PartsOptions {
  std::filesystem::path folder;  ///< the parts are made here: part-1, part-2, …
  std::size_t workers = 1;
  std::size_t commit_every = default_commit_every;  ///< as `add`: see indexer/index_writer.hpp
  std::string default_language = "en";
  http::FetchOptions fetch;
  /// The live database's failed-input notes. Every part starts with them, so that each
  /// worker's IndexWriter clears or updates the notes of the sources it reads as `add` would.
  std::map<std::string, std::string> failed_notes;
  /// Undated articles keep the time they were first seen in this database (the live one).
  std::filesystem::path first_seen_from;
  /// One message per problem; called from the workers, one call at a time.
  std::function<void(const std::string&)> on_problem;
  /// Polled by the workers; true stops them.
  std::function<bool()> should_stop;
  /// Called on the calling thread about ten times a second while the workers run.
  std::function<void(const PartsProgress&)> on_progress;
};

struct Parts {
  /// In input order: where two parts hold the same article, the later part's copy wins.
  std::vector<std::filesystem::path> databases;
  std::size_t articles = 0;    ///< written into the parts (before duplicates are removed)
  std::size_t skipped = 0;     ///< feed items that could not become articles
  std::size_t unreadable = 0;  ///< stored articles whose document data could not be read
  std::size_t sources_ok = 0;
  std::size_t sources_failed = 0;
  bool interrupted = false;
};

/// Re-indexes the stored articles (document data) of the glass database folder `live`, its
/// documents split into one contiguous docid range per worker. Throws lede::Error when a
/// database fails.
Parts index_stored_articles(const std::filesystem::path& live, const PartsOptions& options);

/// Ingests SOURCE arguments (as `lede-index add` does), expanded and split into one contiguous
/// run per worker, balanced by file size. Throws lede::Error when a database fails.
Parts index_sources(const std::vector<std::string>& sources, const PartsOptions& options);

/// Splits `weights` into at most `parts` contiguous, non-empty runs of about equal weight;
/// returns the index each run starts at.
std::vector<std::size_t> split_evenly(const std::vector<std::uintmax_t>& weights,
                                      std::size_t parts);

}  // namespace lede

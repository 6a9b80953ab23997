/**
 * @file
 * @brief Writing Articles into the archive: idempotent, counted, committed in batches.
 *
 * Each article replaces whatever has its unique term (replace_document), so re-ingesting never
 * duplicates. An article whose stored document data is byte-identical to the new one is counted
 * unchanged and not written at all. Commits happen every `batch_size` writes and on commit():
 * the commit is the error boundary, an error later never costs the work before it.
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1WritableDatabase.html
 */
#pragma once

#include <cstddef>
#include <string>

#include <xapian.h>

#include "common/article.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/spelling_batch.hpp"

namespace lede {

struct WriteCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t written() const { return added + updated + unchanged; }
};

/// Articles per commit unless told otherwise. The batch is held in memory until its commit, so
/// this bounds lede-index's peak RSS; Xapian's inverter keeps the batch's postings in ordered
/// maps that get slower as they grow, so smaller batches were also faster, down to about 1,000
/// (Reuters-21578, 20,841 articles: 2,000 → 37.0 s user and 74 MB peak RSS, 1,000 → 31.6 s and
/// 52 MB, 500 → 40 MB; docs/benchmarks.md).
inline constexpr std::size_t default_commit_every = 1000;

class IndexWriter {
 public:
  enum class Outcome { added, updated, unchanged };

  /// `db` must outlive the writer. The destructor does not commit: call commit() (Xapian's own
  /// destructor commit swallows errors, as simpleindex.cc notes). It does hand the batch's
  /// spelling data to `db`, so that whatever commits the documents commits it too.
  explicit IndexWriter(Xapian::WritableDatabase& db, std::size_t batch_size = default_commit_every);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  Outcome write(const Article& article);

  /// Commits pending writes (and the failed-input notes).
  void commit();

  /// Remembers in the database's user metadata that `location` failed (Omega does the same),
  /// or that it succeeded again (the note is removed).
  void note_failure(const std::string& location, const std::string& message);
  void note_success(const std::string& location);

  /// An undated article new to this database keeps the time it was first seen in `earlier`
  /// (a rebuild writes into a new database and reads the first-seen times of the live one).
  /// `earlier` must outlive the writer.
  void keep_first_seen_times_from(const Xapian::Database& earlier) { earlier_ = &earlier; }

  const WriteCounts& counts() const { return counts_; }

 private:
  Xapian::WritableDatabase& db_;
  const Xapian::Database* earlier_ = nullptr;
  DocumentBuilder builder_;
  SpellingBatch spelling_;  ///< the batch's spelling data, added at commit
  std::size_t batch_size_;
  std::size_t pending_ = 0;
  WriteCounts counts_;
};

/// Metadata key prefix of the failed-input notes ("lede.failed:" + location, hashed if long).
inline constexpr std::string_view failed_input_key_prefix = "lede.failed:";

}  // namespace lede

/**
 * @file
 * @brief Where a rebuild or compaction works, and what it leaves behind: the staging folder
 *        beside the live generation, the retirement of the old generation after a switch, and
 *        the clean-up of what an interrupted run left.
 *
 * Everything here runs with the database's writer lock held (lede-index rebuild and compact
 * hold it from start to end), so no other rebuild, compaction, `add` or `update` writes at the
 * same time. Readers never take the lock: they are kept safe by the order of the steps (see
 * common/generation.hpp and docs/rebuild.md).
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/generation.hpp"

namespace lede::staging {

/// "staging-000004": where generation 4 is built, inside the database folder (so that moving
/// the result into place is a rename on the same file system).
std::filesystem::path directory(const std::filesystem::path& db, unsigned number);

/// Removes what an interrupted rebuild or compaction left in the database folder `db` whose
/// live layout is `live`: staging folders, generations the stub does not name, the files of a
/// plain database that was switched away from, a half-written stub. Returns what it removed.
std::vector<std::filesystem::path> remove_leftovers(const std::filesystem::path& db,
                                                    const generation::Layout& live);

/// Flushes every file of a finished database folder, and the folder, to disk: the stub must
/// never name a generation whose files a power cut could lose.
void flush_to_disk(const std::filesystem::path& database_folder);

/// After a switch away from `old`: a generation folder is first renamed into `staging` (from
/// then on nothing can open it by name; readers that have it open keep their file descriptors)
/// and then deleted. A plain database's own files are deleted postlist first: Xapian opens the
/// postlist table last and it is the one table it cannot do without, so a reader that began
/// opening before the deletion and opened anything after it fails (and opens again) instead of
/// seeing a partial database. Its lock file stays: a writer may be waiting on it.
void retire(const std::filesystem::path& db, const generation::Layout& old,
            const std::filesystem::path& staging);

/// Total size of the regular files directly in a database folder (not its subfolders).
std::uintmax_t database_bytes(const std::filesystem::path& database_folder);

/// Removes the staging folder, and the new generation unless it went live, when a run ends
/// early (an error, an interrupt, a failure that forbids the switch).
class Workspace {
 public:
  Workspace(const std::filesystem::path& db, unsigned number);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& generation() const { return generation_; }

  /// The new generation is live: the destructor leaves it alone.
  void keep_generation() { keep_generation_ = true; }

 private:
  std::filesystem::path staging_;
  std::filesystem::path generation_;
  bool keep_generation_ = false;
};

}  // namespace lede::staging

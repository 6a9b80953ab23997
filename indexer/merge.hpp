/**
 * @file
 * @brief Merging databases into one with Xapian's compaction (Database::compact), the way
 *        `xapian-compact SOURCE... DESTINATION` does.
 *
 * Compaction reads the sources in sorted order and writes every table once, full: the result
 * is smaller and faster to search than a database grown by updates. lede uses the FULL level,
 * Xapian's default for xapian-compact ("split items whenever it saves space"), not FULLER,
 * which the administrator guide advises against for a database that will be updated again —
 * and an archive is (`lede-index add`, `update`). With more than three sources, MULTIPASS
 * merges the postlists in several passes, "generally faster but requires more disk space for
 * temporary files" (xapian-core/docs/admin_notes.rst, "Merging databases"); Xapian ignores it
 * for three sources or fewer.
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1Database.html (compact)
 */
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace lede {

/// The block size of every table compaction writes (glass's default is 8 KiB; 2 KiB–64 KiB
/// are allowed). Glass reads a block with one pread(), and a search steps through long runs
/// of postings and values: side by side in one `lede-bench query --compare-db` run, the same
/// archive compacted with 32 KiB blocks answered Reuters' 2,000 queries (with snippets) 17 %
/// faster at the median than with 8 KiB, 200,000 synthetic articles 12 % (16 and 64 KiB: 11 %
/// / 12 % and –, 12 %), and was 1–2 % smaller (docs/benchmarks.md). Databases lede creates
/// keep glass's default: 32 KiB blocks made indexing Reuters 5 % slower and its archive 14 %
/// larger before compaction.
inline constexpr unsigned compacted_block_size = 32 * 1024;

/// Merges the glass databases `sources`, in order (document ids follow it: each source's are
/// offset past the previous one's), into a new database at `output`, which must not exist.
/// User metadata, spelling and synonym data are merged too; where several sources have the
/// same metadata key, the first source's value is kept. `on_table` is told the name of each
/// table as its turn comes ("postlist", "termlist", …). Every table is written in blocks of
/// compacted_block_size. Throws lede::Error.
void merge_databases(const std::vector<std::filesystem::path>& sources,
                     const std::filesystem::path& output,
                     const std::function<void(const std::string& table)>& on_table);

}  // namespace lede

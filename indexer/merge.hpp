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

/// Merges the glass databases `sources`, in order (document ids follow it: each source's are
/// offset past the previous one's), into a new database at `output`, which must not exist.
/// User metadata, spelling and synonym data are merged too; where several sources have the
/// same metadata key, the first source's value is kept. `on_table` is told the name of each
/// table as its turn comes ("postlist", "termlist", …). Throws lede::Error.
void merge_databases(const std::vector<std::filesystem::path>& sources,
                     const std::filesystem::path& output,
                     const std::function<void(const std::string& table)>& on_table);

}  // namespace lede

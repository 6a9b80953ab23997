/**
 * @file
 * @brief Compacting a Xapian database into a new folder, as `xapian-compact` does.
 *
 * Xapian::Database::compact() writes every table afresh, full blocks and no free space: the
 * size an archive has on disk once it is settled. (`lede-index compact` is the user's way;
 * the benchmark calls the library directly, with lede's block size for lede's archive.)
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1Database.html (compact)
 */
#pragma once

#include <string>

namespace lede::bench {

/// Compacts the database at `path` into the new folder `into`, in blocks of `block_size`
/// bytes (0: Xapian's default, 8 KiB). Throws lede::Error.
void compact_xapian(const std::string& path, const std::string& into, unsigned block_size = 0);

}  // namespace lede::bench

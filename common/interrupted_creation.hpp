/**
 * @file
 * @brief Recovering from a writer killed while it created a new database.
 *
 * Xapian's glass backend creates a database as table files and then its version file
 * `iamglass` (written as `v.tmp` and renamed into place, like every later commit). A process
 * killed before that rename leaves tables but no `iamglass`, and Xapian then refuses the folder
 * for good ("Failed to open glass revision file for reading"). Nothing was ever committed in it,
 * so the leftovers can go and the database be created again. Once `iamglass` exists it is only
 * ever replaced by rename(2), never absent, so a folder with it is never touched here.
 */
#pragma once

#include <string>

namespace lede {

/// Removes what an interrupted creation left in database folder `path` (glass tables, `v.tmp`)
/// when it holds no `iamglass` and no stub (`XAPIANDB`). The caller must hold the writer lock.
/// Returns true when something was removed.
bool discard_interrupted_creation(const std::string& path);

}  // namespace lede

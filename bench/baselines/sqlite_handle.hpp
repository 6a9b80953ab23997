/**
 * @file
 * @brief The few SQLite handles the fts5 baseline needs, owned (RAII), every result checked.
 * @see https://www.sqlite.org/cintro.html
 */
#pragma once

#include <memory>
#include <string>

#include <sqlite3.h>

namespace lede::bench::sqlite {

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

/// Opens `path` (SQLITE_OPEN_* `flags`). Throws lede::Error naming the path.
Database open(const std::string& path, int flags);

/// Runs SQL without results. Throws lede::Error with SQLite's message.
void execute(sqlite3* db, const std::string& sql);

Statement prepare(sqlite3* db, const std::string& sql);

/// Throws lede::Error with SQLite's message unless `code` is one of the `ok` codes.
void check(sqlite3* db, int code, const char* what, int ok = SQLITE_OK, int also_ok = SQLITE_OK);

}  // namespace lede::bench::sqlite

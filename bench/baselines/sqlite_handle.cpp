#include "bench/baselines/sqlite_handle.hpp"

#include "common/error.hpp"

namespace lede::bench::sqlite {

Database open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);  // sqlite3_open_v2 allocates a handle even on failure: always close it
  if (code != SQLITE_OK) {
    throw Error(path + ": cannot open SQLite database: " +
                (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(code)));
  }
  return db;
}

void execute(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    const std::string what = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    throw Error("SQLite: " + what + " (in: " + sql + ")");
  }
}

Statement prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  const int code =
      sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  Statement statement(raw);
  if (code != SQLITE_OK) {
    throw Error(std::string("SQLite: ") + sqlite3_errmsg(db) + " (in: " + sql + ")");
  }
  return statement;
}

void check(sqlite3* db, int code, const char* what, int ok, int also_ok) {
  if (code != ok && code != also_ok) {
    throw Error(std::string("SQLite: ") + what + ": " + sqlite3_errmsg(db));
  }
}

}  // namespace lede::bench::sqlite

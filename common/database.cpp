#include "common/database.hpp"

#include <cstdlib>
#include <filesystem>

#include "common/error.hpp"
#include "common/schema.hpp"

namespace lede {

namespace fs = std::filesystem;

std::string default_database_path() {
  if (const char* db = std::getenv("LEDE_DB"); db && *db) return db;
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
    return (fs::path(data) / "lede" / "index").string();
  }
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "lede" / "index").string();
}

namespace {

void check_schema_version(const Xapian::Database& db, const std::string& path) {
  const std::string recorded = db.get_metadata(std::string(schema::version_key));
  const std::string expected = std::to_string(schema::version);
  if (recorded == expected) return;
  if (recorded.empty()) {
    throw Error(path + ": not a lede database (no schema version recorded)");
  }
  throw Error(path + ": database has schema version " + recorded + ", this lede uses version " +
              expected + "; move it aside and index your sources again with lede-index add");
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const std::string& path) {
  try {
    std::error_code ec;
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    if (db.get_doccount() == 0 && db.get_metadata(std::string(schema::version_key)).empty()) {
      db.set_metadata(std::string(schema::version_key), std::to_string(schema::version));
      db.commit();
    }
    check_schema_version(db, path);
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(path + ": database is locked: another process is writing to it; wait for it to " +
                "finish and try again");
  } catch (const Xapian::Error& e) {
    throw Error(path + ": cannot open database for writing: " + e.get_msg());
  }
}

Xapian::Database open_for_reading(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw Error(path + ": no database here; create one with: lede-index --db " + path +
                " add FEED...");
  }
  try {
    Xapian::Database db(path);
    check_schema_version(db, path);
    return db;
  } catch (const Xapian::Error& e) {
    throw Error(path + ": cannot open database: " + e.get_msg());
  }
}

}  // namespace lede

#include "common/database.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "common/generation.hpp"
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

constexpr int max_open_attempts = 5;

// The committed revision a reader would open: glass writes every commit as a new version file
// renamed over `iamglass` (revision number and root blocks inside), so its bytes change with
// every commit. That of the live generation; "" for a stub of shards or a missing database.
std::string version_file(const std::string& path) {
  const generation::Layout layout = generation::resolve(path);
  if (layout.directory.empty()) return "";
  std::ifstream in(layout.directory / "iamglass", std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void check_schema_version(const Xapian::Database& db, const std::string& path) {
  const std::string recorded = db.get_metadata(std::string(schema::version_key));
  const std::string expected = std::to_string(schema::version);
  if (recorded == expected) return;
  if (recorded.empty()) {
    throw Error(path + ": not a lede database (no schema version recorded)");
  }
  throw Error(path + ": database has schema version " + recorded + ", this lede uses version " +
              expected + "; re-index it from its stored articles with: lede-index --db " + path +
              " rebuild");
}

// An existing database is opened with DB_OPEN, never created: a writer that resolved a
// generation (or a plain folder) just before a rebuild retired it must fail and look again, not
// create an empty database where the old one was (GlassDatabase creates unless DB_OPEN).
Xapian::WritableDatabase open_writable(const generation::Layout& layout, const std::string& path) {
  using Kind = generation::Layout::Kind;
  if (layout.kind == Kind::plain || layout.kind == Kind::generations) {
    return Xapian::WritableDatabase(layout.directory.string(),
                                    Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
  }
  return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
}

Xapian::WritableDatabase open_writable_checked(const std::string& path, bool any_schema_version) {
  try {
    std::error_code ec;
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    // The lock is taken inside the open, so the layout confirmed afterwards cannot change
    // until this writer closes: rebuild and compact hold the same lock while they switch.
    Xapian::WritableDatabase db = generation::open_confirmed<Xapian::WritableDatabase>(
        path, [&](const generation::Layout& layout) { return open_writable(layout, path); });
    if (db.get_doccount() == 0 && db.get_metadata(std::string(schema::version_key)).empty()) {
      db.set_metadata(std::string(schema::version_key), std::to_string(schema::version));
      db.commit();
    }
    if (any_schema_version) {
      if (db.get_metadata(std::string(schema::version_key)).empty()) {
        throw Error(path + ": not a lede database (no schema version recorded)");
      }
    } else {
      check_schema_version(db, path);
    }
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(path + ": database is locked: another process is writing to it; wait for it to " +
                "finish and try again");
  } catch (const Xapian::Error& e) {
    throw Error(path + ": cannot open database for writing: " + e.get_msg());
  }
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const std::string& path) {
  return open_writable_checked(path, false);
}

Xapian::WritableDatabase open_for_rebuilding(const std::string& path) {
  return open_writable_checked(path, true);
}

Xapian::Database open_for_reading(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw Error(path + ": no database here; create one with: lede-index --db " + path +
                " add FEED...");
  }
  // A writer committing twice while the database is opened discards the revision being read
  // (Xapian::DatabaseModifiedError): open it again, at the newer revision. Xapian 1.4 can also
  // report that as DatabaseCorruptError ("Expected block 78 to be level 1, not 0": a root block
  // already reused by a newer commit); that is retried too, but only when the version file
  // shows a commit happened meanwhile, so a really corrupt database is still reported.
  for (int attempt = 1;; ++attempt) {
    const std::string revision = version_file(path);
    try {
      Xapian::Database db =
          generation::open_confirmed<Xapian::Database>(path, [&](const generation::Layout& layout) {
            using Kind = generation::Layout::Kind;
            if (layout.kind == Kind::plain || layout.kind == Kind::generations) {
              return Xapian::Database(layout.directory.string(), Xapian::DB_BACKEND_GLASS);
            }
            return Xapian::Database(path);
          });
      check_schema_version(db, path);
      return db;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt < max_open_attempts) continue;
      throw Error(path + ": cannot open database: " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
      if (attempt < max_open_attempts && version_file(path) != revision) continue;
      throw Error(path + ": cannot open database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw Error(path + ": cannot open database: " + e.get_msg());
    }
  }
}

}  // namespace lede

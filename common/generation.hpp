/**
 * @file
 * @brief The generation layout of a database folder: a Xapian stub file (`XAPIANDB`) naming the
 *        live generation (`auto gen-000003`), switched atomically with rename(2), and opening
 *        what it names without ever seeing a generation that is being deleted.
 *
 * `lede-index rebuild` and `compact` build a new database beside the live one (PATH/gen-N) and
 * then replace PATH/XAPIANDB. Xapian opens such a "stub directory" itself
 * (xapian-core/backends/dbfactory.cc) and switches one the same way when it compacts into it
 * (Database::compact, xapian-core/api/compactor.cc). A folder that holds a database of its own
 * (`iamglass`, which Xapian looks for before the stub) is a plain database: every lede database
 * starts so, and its first rebuild turns it into the generation layout.
 * @see docs/rebuild.md
 */
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace lede::generation {

/// The stub file inside a database folder; Xapian's own name for it.
inline constexpr std::string_view stub_file_name = "XAPIANDB";

/// What a database path holds at one moment.
struct Layout {
  enum class Kind {
    none,         ///< nothing there yet: a missing path or an empty folder
    plain,        ///< a folder holding a glass database of its own (`iamglass`)
    generations,  ///< a folder whose XAPIANDB names one `gen-N` folder inside it
    other,        ///< a stub file listing shards, or any other stub: opened by Xapian as given
  };
  Kind kind = Kind::none;
  std::filesystem::path directory;  ///< the glass database folder to open (plain, generations)
  unsigned number = 0;              ///< the live generation; 0 for a plain folder
  friend bool operator==(const Layout&, const Layout&) = default;
};

/// Reads what `db` holds now, the way Xapian decides it: `iamglass` first, then the stub.
Layout resolve(const std::filesystem::path& db);

/// "gen-000003": the folder of generation `number`.
std::string directory_name(unsigned number);

/// The generation number in a folder name made by directory_name, if it is one.
std::optional<unsigned> parse_directory_name(std::string_view name);

/// Makes PATH/gen-`number` the live database of `db`: writes the stub beside it, flushes it to
/// disk and renames it over XAPIANDB (atomic: a reader sees the old stub or the new one). A plain
/// folder stops being live when its `iamglass` is removed, which is done here, last.
/// Throws lede::Error naming the path.
void switch_to(const std::filesystem::path& db, unsigned number);

/// How often open_confirmed opens again when the layout changed while it opened.
inline constexpr int max_open_attempts = 5;

/// Opens what `db` names now with `open(layout)`, then reads the layout again: when a switch
/// happened meanwhile, the database opened may be a generation being deleted, so it is opened
/// again. A generation is deleted only after the stub stopped naming it, so an open confirmed
/// this way saw every table of a complete database (Xapian opens all tables when a database is
/// opened, and treats a missing optional table as empty). An open that failed (the generation
/// was already gone) is retried the same way.
template <typename Opened, typename Open>
Opened open_confirmed(const std::filesystem::path& db, Open&& open) {
  for (int attempt = 1;; ++attempt) {
    const Layout before = resolve(db);
    std::optional<Opened> opened;
    try {
      opened.emplace(open(before));
    } catch (const Xapian::DatabaseError&) {
      if (attempt >= max_open_attempts || resolve(db) == before) throw;
      continue;
    }
    if (resolve(db) == before) return std::move(*opened);
    if (attempt >= max_open_attempts) {
      throw Xapian::DatabaseOpeningError(db.string() +
                                         ": the database was switched again while it was opened");
    }
  }
}

}  // namespace lede::generation

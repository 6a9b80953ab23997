/**
 * @file
 * @brief Finding and opening the archive database, with its schema version checked.
 *
 * A path may name a local database folder, or a Xapian stub database file listing several
 * shards, local or remote (`remote 127.0.0.1:7000`): sharding and remote shards are
 * Xapian's own machinery, see docs/scaling.md. A folder that `lede-index rebuild` switched to
 * the generation layout (common/generation.hpp) is opened at its live generation, confirmed
 * not to have been switched meanwhile.
 */
#pragma once

#include <string>

#include <xapian.h>

namespace lede {

/// `$LEDE_DB`, else `$XDG_DATA_HOME/lede/index`, else `~/.local/share/lede/index`.
std::string default_database_path();

/// Opens (creating if needed, with parent folders) a database to write articles into.
/// Throws lede::Error naming the path: locked by another writer, wrong schema version,
/// not a database.
Xapian::WritableDatabase open_for_writing(const std::string& path);

/// Like open_for_writing, but accepts a lede database of any schema version: `lede-index
/// rebuild` re-indexes it with this version, `compact` keeps it as it is.
Xapian::WritableDatabase open_for_rebuilding(const std::string& path);

/// Opens an existing database (folder or stub file) to search. Throws lede::Error naming
/// the path: missing (saying how to create one), wrong schema version, not a database.
Xapian::Database open_for_reading(const std::string& path);

}  // namespace lede

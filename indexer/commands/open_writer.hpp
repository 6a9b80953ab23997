/**
 * @file
 * @brief How every writing subcommand of lede-index (add, subscribe, unsubscribe, update,
 *        rebuild, compact) opens the database: the writer lock first (or --wait for it), then
 *        the database itself.
 */
#pragma once

#include <string>

#include <xapian.h>

#include "common/writer_lock.hpp"
#include "indexer/commands/global_options.hpp"

namespace lede::cli {

/// The writer lock and the database it guards; the lock outlives the database handle (members
/// are destroyed in reverse order), so Xapian's own lock is gone before another writer starts.
struct Writer {
  WriterLock lock;
  Xapian::WritableDatabase db;
};

/// --wait's value: "" not at all (0), "forever" (the bare flag, -1), else a number of seconds.
/// Throws lede::Error for anything else.
double wait_seconds(const std::string& text);

/// One writer at a time: takes the lock of global.db (waiting as --wait says, giving up on
/// Ctrl-C with WriterLock::Interrupted) and removes what a writer killed while creating the
/// database left. Throws lede::Error "PATH: database is being written by another lede-index
/// (pid N)" when another process still writes it.
WriterLock lock_writer(const GlobalOptions& global);

/// lock_writer(), then the database opened for writing.
Writer open_writer(const GlobalOptions& global);

/// What a reader finds in `path` now: the last commit, which a failed write never touches
/// ("the database keeps its last commit (N articles)"), or why it cannot be opened.
std::string committed_state(const std::string& path);

}  // namespace lede::cli

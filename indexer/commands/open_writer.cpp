#include "indexer/commands/open_writer.hpp"

#include <exception>
#include <iostream>

#include "common/database.hpp"
#include "common/error.hpp"
#include "common/interrupted_creation.hpp"
#include "indexer/interrupt.hpp"

namespace lede::cli {

double wait_seconds(const std::string& text) {
  if (text.empty()) return 0;
  if (text == "forever") return -1;
  std::size_t end = 0;
  double seconds = -1;
  try {
    seconds = std::stod(text, &end);
  } catch (const std::exception&) {
  }
  if (end != text.size() || !(seconds >= 0)) {
    throw Error("--wait: expected a number of seconds, not '" + text + "' (see lede-index --help)");
  }
  return seconds;
}

WriterLock lock_writer(const GlobalOptions& global) {
  WriterLock::Wait wait;
  wait.seconds = wait_seconds(global.wait);
  wait.should_stop = [] { return interrupt::requested(); };
  wait.on_wait = [&](pid_t holder) {
    if (global.quiet) return;
    std::cerr << "lede-index: " << global.db << ": waiting for lede-index (pid " << holder
              << ") to finish writing\n";
  };
  WriterLock lock = WriterLock::acquire(global.db, wait);
  // A writer killed while it created the database left tables without a version file.
  discard_interrupted_creation(global.db);
  return lock;
}

Writer open_writer(const GlobalOptions& global) {
  WriterLock lock = lock_writer(global);
  return Writer{std::move(lock), open_for_writing(global.db)};
}

std::string committed_state(const std::string& path) {
  try {
    const Xapian::Database committed(path);
    return "the database keeps its last commit (" + std::to_string(committed.get_doccount()) +
           " articles)";
  } catch (const Xapian::Error& e) {
    return "the database cannot be opened: " + e.get_description();
  }
}

}  // namespace lede::cli

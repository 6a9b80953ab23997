// lede-index: ingest news feeds into a Xapian archive, or describe the archive.
// A thin main: options into plain structs, one library call per command, errors → exit codes.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "common/database.hpp"
#include "common/error.hpp"
#include "common/writer_lock.hpp"
#include "indexer/commands/global_options.hpp"
#include "indexer/commands/open_writer.hpp"
#include "indexer/commands/rebuild_commands.hpp"
#include "indexer/commands/subscription_commands.hpp"
#include "indexer/fetch.hpp"
#include "indexer/ingest.hpp"
#include "indexer/interrupt.hpp"
#include "indexer/progress.hpp"
#include "indexer/stats.hpp"

namespace {

using lede::cli::exit_fatal;
using lede::cli::exit_incomplete;
using lede::cli::exit_interrupted;
using lede::cli::exit_ok;
using lede::cli::GlobalOptions;
using lede::cli::print_error;

constexpr const char* exit_codes_help =
    "Exit codes:\n"
    "  0    every input was ingested (update: every feed due was fetched, or answered 304;\n"
    "       rebuild, compact: the new database is live)\n"
    "  1    finished, but some inputs, feeds or items failed or were skipped (each named on\n"
    "       stderr; see lede-index feeds); rebuild: a source or stored article could not be\n"
    "       read, the live database is kept\n"
    "  2    fatal: bad usage, or the database cannot be opened (locked, wrong schema version)\n"
    "       or written (a full disk: the database keeps its last commit)\n"
    "  130  interrupted (Ctrl-C); what was indexed before is committed and kept\n"
    "       (rebuild, compact: the live database is unchanged)\n"
    "\n"
    "The database is --db PATH, else $LEDE_DB, else $XDG_DATA_HOME/lede/index\n"
    "(~/.local/share/lede/index).";

struct AddOptions {
  std::vector<std::string> sources;
  long timeout_seconds = 120;
  long connect_timeout_seconds = 15;
  long max_redirects = 5;
  long stall_seconds = lede::http::FetchOptions{}.low_speed_seconds;
  long stall_bytes = lede::http::FetchOptions{}.low_speed_bytes;
  std::size_t max_size_mib = 64;
  std::size_t max_line_mib = 16;
  std::size_t commit_every = lede::default_commit_every;
};

int run_add(const GlobalOptions& global, const AddOptions& add) {
  lede::interrupt::install_handlers();
  lede::cli::Writer writer = lede::cli::open_writer(global);
  Xapian::WritableDatabase& db = writer.db;

  lede::ProgressDisplay display(stderr, !global.quiet && isatty(STDERR_FILENO));
  lede::IngestOptions options;
  options.sources = add.sources;
  options.default_language = global.language;
  options.commit_every = add.commit_every;
  options.fetch.total_timeout_seconds = add.timeout_seconds;
  options.fetch.connect_timeout_seconds = add.connect_timeout_seconds;
  options.fetch.max_redirects = add.max_redirects;
  options.fetch.low_speed_seconds = add.stall_seconds;
  options.fetch.low_speed_bytes = add.stall_bytes;
  options.fetch.max_bytes = add.max_size_mib * 1024 * 1024;
  options.max_line_bytes = add.max_line_mib * 1024 * 1024;
  options.on_problem = [&](const std::string& message) { display.problem(message); };
  options.on_progress = [&](const lede::IngestProgress& p) { display.update(p); };
  options.should_stop = [] { return lede::interrupt::requested(); };

  lede::IngestSummary summary;
  try {
    summary = lede::ingest(db, options);
  } catch (const lede::DiskFull& e) {
    display.finish();
    throw lede::Error(global.db + ": " + e.what() + "; " + lede::cli::committed_state(global.db) +
                      "; free some space and run lede-index add again");
  } catch (const lede::Error& e) {
    display.finish();
    throw lede::Error(global.db + ": " + e.what());
  }
  display.finish();
  if (global.json) {
    std::cout << lede::summary_json(summary) << std::endl;
  } else if (!global.quiet) {
    std::cerr << "lede-index: " << lede::summary_line(summary) << "\n";
  }
  if (summary.interrupted) return exit_interrupted;
  return summary.complete() ? exit_ok : exit_incomplete;
}

int run_stats(const GlobalOptions& global) {
  const lede::ArchiveStats stats = lede::collect_stats(global.db);
  std::cout << (global.json ? lede::stats_json(stats) + "\n" : lede::format_stats(stats));
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  GlobalOptions global;
  AddOptions add;
  CLI::App app{"lede-index: ingest news feeds into a lede archive (a Xapian database)",
               "lede-index"};
  app.footer(exit_codes_help);
  app.set_version_flag("--version", std::string("lede-index ") + LEDE_VERSION);
  app.add_option("--db", global.db, "the archive database (default: see below)");
  app.add_flag("-q,--quiet", global.quiet, "no progress and no summary line; errors only");
  app.add_flag("--json", global.json, "print the summary (or the stats) as one JSON object");
  app.add_option("--language", global.language,
                 "language (ISO 639-1) of items and feeds that name none")
      ->capture_default_str();
  app.add_flag("--wait{forever}", global.wait,
               "when another lede-index is writing the database (add, subscribe, unsubscribe, "
               "update), wait for it to finish (as long as it takes, or --wait=SECONDS) "
               "instead of exiting 2")
      ->option_text("[=SECONDS]");
  app.require_subcommand(1);

  CLI::App* add_command = app.add_subcommand(
      "add",
      "ingest SOURCEs: http(s) feed URLs, feed files, folders, OPML lists, JSON Lines "
      "dumps, - for stdin");
  add_command->fallthrough();
  add_command->add_option("SOURCE", add.sources, "what to ingest")->required();
  add_command->add_option("--timeout", add.timeout_seconds, "seconds allowed per fetch")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_command
      ->add_option("--connect-timeout", add.connect_timeout_seconds,
                   "seconds allowed to connect, per fetch")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_command->add_option("--max-redirects", add.max_redirects, "redirects followed per fetch")
      ->capture_default_str()
      ->check(CLI::Range(0L, 50L));
  add_command
      ->add_option("--stall-time", add.stall_seconds,
                   "a fetch slower than --stall-bytes per second for this many seconds is "
                   "aborted as stalled")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_command
      ->add_option("--stall-bytes", add.stall_bytes,
                   "bytes per second below which a fetch counts as stalled")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_command
      ->add_option("--max-size", add.max_size_mib,
                   "largest feed or OPML list to fetch or read, in MiB (JSON Lines dumps are "
                   "read a line at a time and may be larger)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));
  add_command
      ->add_option("--max-line", add.max_line_mib,
                   "longest JSON Lines record, in MiB; a longer one is skipped")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));
  add_command
      ->add_option("--commit-every", add.commit_every,
                   "articles per commit: an interrupted run keeps every committed batch, and "
                   "peak memory grows with it")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  CLI::App* stats_command = app.add_subcommand("stats", "describe the archive");
  stats_command->fallthrough();
  lede::cli::SubscriptionCommands subscription_commands(app);
  lede::cli::RebuildCommands rebuild_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    print_error(std::string(e.what()) + " (see lede-index --help)");
    return exit_fatal;  // CLI11's own codes are 100–127: usage errors are 2 here
  }
  if (global.db.empty()) global.db = lede::default_database_path();

  try {
    if (add_command->parsed()) return run_add(global, add);
    if (stats_command->parsed()) return run_stats(global);
    if (auto code = subscription_commands.run(global)) return *code;
    return rebuild_commands.run(global).value_or(exit_fatal);
  } catch (const lede::WriterLock::Interrupted&) {
    return exit_interrupted;  // Ctrl-C while waiting for the other writer: nothing was done
  } catch (const lede::Error& e) {
    print_error(e.what());
    return exit_fatal;
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
    return exit_fatal;
  }
}

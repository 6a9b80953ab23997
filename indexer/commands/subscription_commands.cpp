#include "indexer/commands/subscription_commands.hpp"

#include <ctime>
#include <iostream>

#include <unistd.h>

#include "common/database.hpp"
#include "common/error.hpp"
#include "indexer/commands/open_writer.hpp"
#include "indexer/interrupt.hpp"
#include "indexer/progress.hpp"
#include "indexer/subscriptions/listing.hpp"
#include "indexer/subscriptions/subscribe.hpp"
#include "indexer/write_failure.hpp"

namespace lede::cli {

SubscriptionCommands::SubscriptionCommands(CLI::App& app) {
  subscribe_ = app.add_subcommand(
      "subscribe",
      "record feeds to follow: http(s) feed URLs (or pages that link to a feed), and OPML "
      "files whose feeds are all subscribed; nothing is fetched until update");
  subscribe_->fallthrough();
  subscribe_->add_option("URL|OPML", subscribe_arguments_, "feeds to subscribe")->required();
  subscribe_->add_option("--name", subscribe_name_, "a name for the feed(s), shown by feeds");
  subscribe_->add_option("--language", subscribe_language_,
                         "language (ISO 639-1) of these feeds' items that name none");
  subscribe_->add_option("--max-size", subscribe_max_size_mib_, "largest OPML file to read, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));

  unsubscribe_ = app.add_subcommand(
      "unsubscribe", "stop following feeds (by URL or id); their articles stay in the archive");
  unsubscribe_->fallthrough();
  unsubscribe_->add_option("URL|ID", unsubscribe_arguments_, "feeds to forget")->required();

  feeds_ = app.add_subcommand(
      "feeds",
      "list the subscriptions: URL, title, articles, last fetched, last status, next due, "
      "consecutive errors (--json: one JSON object per line)");
  feeds_->fallthrough();

  export_opml_ = app.add_subcommand(
      "export-opml", "print the subscriptions as an OPML 2.0 list (subscribe reads it back)");
  export_opml_->fallthrough();

  const http::ParallelOptions fetch_defaults;
  update_command_ = app.add_subcommand(
      "update", "fetch the subscribed feeds that are due, in parallel, and index what changed");
  update_command_->footer(
      "Politeness and limits:\n"
      "  at most --jobs transfers at once, at most --per-host of them (and of connections) to\n"
      "  one host; conditional GET (ETag, Last-Modified): a 304 parses and writes nothing;\n"
      "  gzip, deflate, brotli, zstd as libcurl decodes them; redirects: at most 5, to\n"
      "  http(s) only; a permanent one (301, 308) updates the stored URL.\n"
      "Schedule:\n"
      "  a feed is due --interval after its last fetch, or later when its ttl /\n"
      "  sy:updatePeriod or the server's Cache-Control max-age say so (capped at\n"
      "  --max-interval); after a failure it is retried after --backoff, doubled for every\n"
      "  failure in a row (with +-25 % jitter, capped at --max-backoff); a 429 or 503 with\n"
      "  Retry-After is not asked again before that time (capped at 7 days), not even with\n"
      "  --force, which otherwise fetches every feed now.\n"
      "An HTML page is searched for <link rel=\"alternate\"> feeds; the first one found is\n"
      "fetched and becomes the subscription's URL. Articles that vanish from a feed stay.\n"
      "Exit codes: 0 every feed due answered (a feed or 304); 1 some feeds failed or items\n"
      "were skipped (named on stderr; see lede-index feeds); 2 fatal; 130 interrupted.");
  update_command_->fallthrough();
  update_command_->add_flag("--force", update_options_.force,
                            "fetch every feed now, whatever its schedule (still conditional)");
  update_command_->add_option("--jobs", update_options_.fetch.jobs, "transfers at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  update_command_
      ->add_option("--per-host", update_options_.fetch.per_host, "connections to one host at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  update_command_
      ->add_option("--connect-timeout", update_options_.fetch.fetch.connect_timeout_seconds,
                   "seconds allowed to connect")
      ->default_val(fetch_defaults.fetch.connect_timeout_seconds)
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--timeout", update_options_.fetch.fetch.total_timeout_seconds,
                   "seconds allowed per transfer, all of it")
      ->default_val(60)
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--stall-time", update_options_.fetch.fetch.low_speed_seconds,
                   "a transfer slower than --stall-bytes per second for this many seconds "
                   "is aborted as stalled")
      ->default_val(fetch_defaults.fetch.low_speed_seconds)
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--stall-bytes", update_options_.fetch.fetch.low_speed_bytes,
                   "bytes per second below which a transfer counts as stalled")
      ->default_val(fetch_defaults.fetch.low_speed_bytes)
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--max-size", max_size_mib_,
                   "largest feed, in MiB after decompression; the transfer is cut there")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));
  update_command_
      ->add_option("--interval", update_options_.schedule.interval,
                   "seconds between fetches of a feed that says nothing else")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--max-interval", update_options_.schedule.max_hint,
                   "longest interval a feed's ttl or a server's max-age can ask for, seconds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--backoff", update_options_.schedule.backoff_base,
                   "seconds before the first retry of a failed feed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--max-backoff", update_options_.schedule.backoff_max,
                   "longest wait before retrying a failing feed, seconds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  update_command_
      ->add_option("--commit-every", update_options_.commit_every,
                   "articles per commit (an interrupted run keeps every committed batch)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

std::optional<int> SubscriptionCommands::run(const GlobalOptions& global) {
  if (subscribe_->parsed()) return run_subscribe(global);
  if (unsubscribe_->parsed()) return run_unsubscribe(global);
  if (feeds_->parsed()) return run_feeds(global);
  if (export_opml_->parsed()) return run_export_opml(global);
  if (update_command_->parsed()) return run_update(global);
  return std::nullopt;
}

int SubscriptionCommands::run_subscribe(const GlobalOptions& global) {
  Writer writer = open_writer(global);
  Xapian::WritableDatabase& db = writer.db;
  subscriptions::SubscribeOptions options;
  options.arguments = subscribe_arguments_;
  options.name = subscribe_name_;
  options.language = subscribe_language_;
  options.max_opml_bytes = subscribe_max_size_mib_ * 1024 * 1024;
  options.now = std::time(nullptr);
  options.on_problem = print_error;
  options.on_note = [&](const std::string& message) {
    if (!global.quiet) print_error(message);
  };
  const auto summary = subscriptions::subscribe(db, options);
  return summary.failed ? exit_incomplete : exit_ok;
}

int SubscriptionCommands::run_unsubscribe(const GlobalOptions& global) {
  Writer writer = open_writer(global);
  Xapian::WritableDatabase& db = writer.db;
  const auto unknown = subscriptions::unsubscribe(db, unsubscribe_arguments_);
  for (const std::string& u : unknown) print_error(u + ": not subscribed");
  return unknown.empty() ? exit_ok : exit_incomplete;
}

int SubscriptionCommands::run_feeds(const GlobalOptions& global) {
  const auto rows = subscriptions::list_feeds(open_for_reading(global.db));
  std::cout << (global.json ? subscriptions::feeds_json(rows)
                            : subscriptions::format_feeds(rows, std::time(nullptr)));
  return exit_ok;
}

int SubscriptionCommands::run_export_opml(const GlobalOptions& global) {
  std::cout << subscriptions::export_opml(subscriptions::load_all(open_for_reading(global.db)));
  return exit_ok;
}

int SubscriptionCommands::run_update(const GlobalOptions& global) {
  interrupt::install_handlers();
  Writer writer = open_writer(global);
  Xapian::WritableDatabase& db = writer.db;
  ProgressDisplay display(stderr, !global.quiet && isatty(STDERR_FILENO));
  update::UpdateOptions options = update_options_;
  options.fetch.fetch.max_bytes = max_size_mib_ * 1024 * 1024;
  options.default_language = global.language;
  options.on_problem = [&](const std::string& message) { display.problem(message); };
  options.on_note = [&](const std::string& message) {
    if (!global.quiet) display.problem(message);
  };
  options.on_progress = [&](const IngestProgress& p) { display.update(p); };
  options.should_stop = [] { return interrupt::requested(); };

  update::UpdateSummary summary;
  try {
    summary = update::run_update(db, options);
  } catch (const DiskFull& e) {
    display.finish();
    throw Error(global.db + ": " + e.what() + "; " + committed_state(global.db) +
                "; free some space and run lede-index update again");
  } catch (const Error& e) {
    display.finish();
    throw Error(global.db + ": " + e.what());
  }
  display.finish();
  if (global.json) {
    std::cout << update::summary_json(summary) << std::endl;
  } else if (!global.quiet) {
    print_error("update: " + update::summary_line(summary));
  }
  if (summary.interrupted) return exit_interrupted;
  return summary.complete() ? exit_ok : exit_incomplete;
}

}  // namespace lede::cli

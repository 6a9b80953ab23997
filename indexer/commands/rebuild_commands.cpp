#include "indexer/commands/rebuild_commands.hpp"

#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include <sched.h>
#include <unistd.h>

#include "indexer/commands/open_writer.hpp"
#include "indexer/interrupt.hpp"
#include "indexer/progress.hpp"
#include "indexer/rebuild.hpp"
#include "indexer/rebuild_report.hpp"

namespace lede::cli {

namespace {

// The progress line and the problems come from the workers and the main thread: one at a time.
class SharedDisplay {
 public:
  explicit SharedDisplay(const GlobalOptions& global)
      : display_(stderr, !global.quiet && isatty(STDERR_FILENO)) {}

  SwitchCallbacks callbacks(const std::string& command) {
    SwitchCallbacks callbacks;
    callbacks.on_problem = [this](const std::string& message) {
      const std::lock_guard<std::mutex> lock(mutex_);
      display_.problem(message);
    };
    callbacks.on_progress = [this, command](const RebuildProgress& progress) {
      const std::lock_guard<std::mutex> lock(mutex_);
      display_.show(progress_text(command, progress),
                    progress.phase != RebuildProgress::Phase::indexing);
    };
    callbacks.should_stop = [] { return interrupt::requested(); };
    return callbacks;
  }

  void finish() {
    const std::lock_guard<std::mutex> lock(mutex_);
    display_.finish();
  }

 private:
  std::mutex mutex_;
  ProgressDisplay display_;
};

int report(const GlobalOptions& global, const RebuildSummary& summary) {
  if (global.json) {
    std::cout << summary_json(summary) << std::endl;
  } else if (!global.quiet || !summary.switched) {
    std::cerr << "lede-index: " << summary_line(summary) << "\n";
  }
  if (summary.interrupted) return exit_interrupted;
  if (!summary.switched || summary.skipped > 0) return exit_incomplete;
  return exit_ok;
}

}  // namespace

std::size_t available_cores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) {
    return static_cast<std::size_t>(CPU_COUNT(&set));
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

RebuildCommands::RebuildCommands(CLI::App& app) : workers_(available_cores()) {
  rebuild_ = app.add_subcommand(
      "rebuild",
      "build a complete new database from the stored articles (or from SOURCEs) beside the live "
      "one, then switch to it atomically");
  rebuild_->fallthrough();
  rebuild_->add_option("SOURCE", sources_,
                       "index these instead of the stored articles (as add takes them)");
  rebuild_->add_option("--workers", workers_, "parallel workers (default: the cores)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
  rebuild_->add_option("--timeout", timeout_seconds_, "seconds allowed per fetch")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  rebuild_->add_option("--max-size", max_size_mib_, "largest feed to fetch or read, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));

  compact_ = app.add_subcommand(
      "compact", "compact the live database into a new one, then switch to it atomically");
  compact_->fallthrough();
}

std::optional<int> RebuildCommands::run(const GlobalOptions& global) {
  if (rebuild_->parsed()) return run_rebuild(global);
  if (compact_->parsed()) return run_compact(global);
  return std::nullopt;
}

int RebuildCommands::run_rebuild(const GlobalOptions& global) {
  interrupt::install_handlers();
  const WriterLock lock = lock_writer(global);  // held until the switch and the cleanup are done
  SharedDisplay display(global);
  RebuildOptions options;
  options.db = global.db;
  options.sources = sources_;
  options.workers = workers_;
  options.default_language = global.language;
  options.fetch.total_timeout_seconds = timeout_seconds_;
  options.fetch.max_bytes = max_size_mib_ * 1024 * 1024;
  options.callbacks = display.callbacks("rebuild");
  RebuildSummary summary;
  try {
    summary = rebuild(options);
  } catch (...) {
    display.finish();
    throw;
  }
  display.finish();
  return report(global, summary);
}

int RebuildCommands::run_compact(const GlobalOptions& global) {
  interrupt::install_handlers();
  const WriterLock lock = lock_writer(global);  // held until the switch and the cleanup are done
  SharedDisplay display(global);
  CompactOptions options;
  options.db = global.db;
  options.callbacks = display.callbacks("compact");
  RebuildSummary summary;
  try {
    summary = compact(options);
  } catch (...) {
    display.finish();
    throw;
  }
  display.finish();
  return report(global, summary);
}

}  // namespace lede::cli

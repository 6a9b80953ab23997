/**
 * @file
 * @brief The command lines of `lede-index rebuild [SOURCE...] [--workers N]` and
 *        `lede-index compact` (indexer/rebuild.hpp does the work).
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "indexer/commands/global_options.hpp"

namespace lede::cli {

class RebuildCommands {
 public:
  /// Adds `rebuild` and `compact` to `app`.
  explicit RebuildCommands(CLI::App& app);

  /// Runs the subcommand that was given and returns its exit code; nullopt if neither was
  /// given. Throws lede::Error for fatal errors (exit code 2).
  std::optional<int> run(const GlobalOptions& global);

 private:
  int run_rebuild(const GlobalOptions& global);
  int run_compact(const GlobalOptions& global);

  CLI::App* rebuild_ = nullptr;
  CLI::App* compact_ = nullptr;
  std::vector<std::string> sources_;
  std::size_t workers_;
  long timeout_seconds_ = 120;
  std::size_t max_size_mib_ = 64;
};

/// The cores this process may run on (its CPU affinity): the default number of workers.
std::size_t available_cores();

}  // namespace lede::cli

/**
 * @file
 * @brief The subscription subcommands of lede-index: subscribe, unsubscribe, feeds,
 *        export-opml and update — their options, and the call each one makes.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "indexer/commands/global_options.hpp"
#include "indexer/update/update.hpp"

namespace lede::cli {

class SubscriptionCommands {
 public:
  /// Adds the subcommands to `app`.
  explicit SubscriptionCommands(CLI::App& app);

  /// Runs the subcommand that was given and returns its exit code; nullopt if none of these
  /// was given. Throws lede::Error for fatal errors (exit code 2).
  std::optional<int> run(const GlobalOptions& global);

 private:
  int run_subscribe(const GlobalOptions& global);
  int run_unsubscribe(const GlobalOptions& global);
  int run_feeds(const GlobalOptions& global);
  int run_export_opml(const GlobalOptions& global);
  int run_update(const GlobalOptions& global);

  CLI::App* subscribe_ = nullptr;
  CLI::App* unsubscribe_ = nullptr;
  CLI::App* feeds_ = nullptr;
  CLI::App* export_opml_ = nullptr;
  CLI::App* update_command_ = nullptr;

  std::vector<std::string> subscribe_arguments_;
  std::string subscribe_name_;
  std::string subscribe_language_;
  std::size_t subscribe_max_size_mib_ = 64;
  std::vector<std::string> unsubscribe_arguments_;

  update::UpdateOptions update_options_;
  std::size_t max_size_mib_ = 16;
};

}  // namespace lede::cli

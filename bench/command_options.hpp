/**
 * @file
 * @brief Option pieces the subcommands share: --now, --sort, --baseline, report output.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench/baselines/baseline.hpp"
#include "common/article.hpp"
#include "query/search.hpp"

namespace lede::bench {

/// `--now DATE` as lede-query reads it; empty: the current time. Throws lede::Error.
UnixSeconds parse_now(const std::string& text);

/// `--sort` values (blend, relevance, date). Throws lede::Error naming a bad one.
std::vector<query::SortOrder> parse_sorts(const std::vector<std::string>& names);

/// `--engine NAME` or one `--baseline NAME`. Throws lede::Error naming a bad one.
Baseline parse_baseline(const std::string& name);

/// `--baseline A,B` with `--baseline-db PATH_A,PATH_B` paired in order. Without databases
/// every baseline gets an empty path, unless `databases_required`. Throws lede::Error.
std::vector<BaselineRun> parse_baselines(const std::vector<std::string>& names,
                                         const std::vector<std::string>& databases,
                                         bool databases_required);

/// Adds `--baseline NAME[,NAME]` and `--baseline-db PATH[,PATH]`.
void add_baseline_options(CLI::App& command, std::vector<std::string>& names,
                          std::vector<std::string>& databases);

/// The report as indented JSON (`json`), else as a table for people.
void print_report(const nlohmann::json& report, bool json);

}  // namespace lede::bench

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

/// `--baseline NAME`; empty: none. Throws lede::Error naming a bad one.
std::optional<Baseline> parse_baseline(const std::string& name);

/// Adds `--baseline NAME` and `--baseline-db PATH`.
void add_baseline_options(CLI::App& command, std::string& name, std::string& database);

/// The report as indented JSON (`json`), else as a table for people.
void print_report(const nlohmann::json& report, bool json);

}  // namespace lede::bench

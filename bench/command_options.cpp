#include "bench/command_options.hpp"

#include <chrono>
#include <iostream>

#include "bench/report_table.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"
#include "query/option_names.hpp"

namespace lede::bench {

UnixSeconds parse_now(const std::string& text) {
  if (text.empty()) {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  const auto parsed = dates::parse_iso8601(text);
  if (!parsed) throw Error("--now: not a date (want YYYY-MM-DD or RFC 3339): " + text);
  return *parsed;
}

std::vector<query::SortOrder> parse_sorts(const std::vector<std::string>& names) {
  std::vector<query::SortOrder> sorts;
  for (const std::string& name : names) {
    const auto sort = query::sort_order_from_string(name);
    if (!sort) throw Error("--sort: unknown order '" + name + "' (blend, relevance or date)");
    sorts.push_back(*sort);
  }
  if (sorts.empty()) sorts.push_back(query::SortOrder::blend);
  return sorts;
}

Baseline parse_baseline(const std::string& name) {
  const auto baseline = baseline_from_string(name);
  if (!baseline) throw Error("unknown baseline '" + name + "' (fts5 or xapian-plain)");
  return *baseline;
}

std::vector<BaselineRun> parse_baselines(const std::vector<std::string>& names,
                                         const std::vector<std::string>& databases,
                                         bool databases_required) {
  if (databases.size() != names.size() && (databases_required || !databases.empty())) {
    throw Error("--baseline-db: give one database per --baseline, in the same order (" +
                std::to_string(names.size()) + " baselines, " + std::to_string(databases.size()) +
                " databases)");
  }
  std::vector<BaselineRun> runs;
  for (std::size_t i = 0; i < names.size(); ++i) {
    try {
      runs.push_back({parse_baseline(names[i]), databases.empty() ? "" : databases[i]});
    } catch (const Error& e) {
      throw Error(std::string("--baseline: ") + e.what());
    }
  }
  return runs;
}

void add_baseline_options(CLI::App& command, std::vector<std::string>& names,
                          std::vector<std::string>& databases) {
  command.add_option("--baseline", names, "Also measure baselines: fts5, xapian-plain (or both)")
      ->delimiter(',');
  command
      .add_option("--baseline-db", databases,
                  "Each baseline's database, in the same order (a file for fts5)")
      ->delimiter(',');
}

void print_report(const nlohmann::json& report, bool json) {
  if (json) {
    std::cout << report.dump(2) << '\n';
  } else if (report["benchmark"] == "query") {
    print_query_table(std::cout, report);
  } else {
    print_index_table(std::cout, report);
  }
}

}  // namespace lede::bench

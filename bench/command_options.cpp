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

std::optional<Baseline> parse_baseline(const std::string& name) {
  if (name.empty()) return std::nullopt;
  const auto baseline = baseline_from_string(name);
  if (!baseline) throw Error("--baseline: unknown baseline '" + name + "' (fts5 or xapian-plain)");
  return baseline;
}

void add_baseline_options(CLI::App& command, std::string& name, std::string& database) {
  command.add_option("--baseline", name, "Also measure a baseline: fts5 | xapian-plain");
  command.add_option("--baseline-db", database, "The baseline's database (file for fts5)");
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

#include "bench/report_table.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

namespace lede::bench {

namespace {

using json = nlohmann::json;

/// A number with thousands separators and `decimals` places.
std::string number(double value, int decimals = 0) {
  std::ostringstream digits;
  digits << std::fixed << std::setprecision(decimals) << std::fabs(value);
  std::string s = digits.str();
  const std::size_t point = s.find('.');
  std::size_t whole = point == std::string::npos ? s.size() : point;
  while (whole > 3) {
    whole -= 3;
    s.insert(whole, ",");
  }
  return (value < 0 ? "-" : "") + s;
}

std::string field(const json& object, const char* key, int decimals = 0) {
  if (!object.contains(key) || !object[key].is_number()) return "-";
  return number(object[key].get<double>(), decimals);
}

void print_rows(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c == 0) {
        out << std::left << std::setw(static_cast<int>(widths[c])) << row[c];
      } else {
        out << "  " << std::right << std::setw(static_cast<int>(widths[c])) << row[c];
      }
    }
    out << '\n';
  }
}

std::string load(const json& average) {
  return average.is_array() && !average.empty() ? number(average[0].get<double>(), 2) : "?";
}

}  // namespace

void print_query_table(std::ostream& out, const json& r) {
  out << r["queries"] << " queries x " << r["runs"] << " runs, " << r["threads"]
      << " thread(s), top " << r["limit"] << (r["snippets"].get<bool>() ? " with" : " without")
      << " snippets; load " << load(r["load_average"]["before"]) << " -> "
      << load(r["load_average"]["after"]) << '\n';
  std::vector<std::vector<std::string>> rows = {{"µs", "p50", "p90", "p95", "p99", "max", "mean",
                                                 "cpu p50", "cpu p99", "QPS", "hits", "zero-hit"}};
  for (const json& c : r["contenders"]) {
    const json& l = c["latency"];
    rows.push_back({c["name"].get<std::string>(), field(l, "q50_us"), field(l, "q90_us"),
                    field(l, "q95_us"), field(l, "q99_us"), field(l, "max_us"), field(l, "mean_us"),
                    field(c["cpu"], "q50_us"), field(c["cpu"], "q99_us"), field(c, "qps", 1),
                    field(c, "hits_returned"), field(c, "zero_hit_queries")});
  }
  for (const json& x : r["ratios"]) {
    rows.push_back({x["of"].get<std::string>() + " / " + x["to"].get<std::string>(),
                    field(x, "q50", 3), field(x, "q90", 3), field(x, "q95", 3), field(x, "q99", 3),
                    field(x, "max", 3), field(x, "mean", 3), field(x, "cpu_q50", 3),
                    field(x, "cpu_q99", 3), field(x, "qps", 3), "", ""});
  }
  print_rows(out, rows);
}

void print_index_table(std::ostream& out, const json& r) {
  out << r["files"] << " file(s), " << number(r["bytes"].get<double>() / 1e6, 1)
      << " MB of input; load " << load(r["load_average"]) << '\n';
  std::vector<std::vector<std::string>> rows = {{"", "articles", "seconds", "cpu s", "articles/s",
                                                 "MB/s", "peak RSS MiB", "db MB", "compacted MB"}};
  const auto mb = [](const json& c, const char* key) {
    return c.contains(key) ? number(c[key].get<double>() / 1e6, 1) : std::string("-");
  };
  for (const json& c : r["contenders"]) {
    rows.push_back({c["name"].get<std::string>(), field(c, "articles"), field(c, "seconds", 2),
                    field(c, "cpu_seconds", 2), field(c, "articles_per_second", 0),
                    field(c, "mb_per_second", 2), field(c, "peak_rss_mb", 1),
                    mb(c, "database_bytes"), mb(c, "compacted_bytes")});
  }
  for (const json& x : r["ratios"]) {
    rows.push_back({x["of"].get<std::string>() + " / " + x["to"].get<std::string>(), "", "", "",
                    field(x, "articles_per_second", 3), "", field(x, "peak_rss_mb", 3),
                    field(x, "database_bytes", 3), field(x, "compacted_bytes", 3)});
  }
  print_rows(out, rows);
}

}  // namespace lede::bench

#include "bench/query_latency.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <fstream>
#include <utility>
#include <vector>

#include "bench/latency_summary.hpp"
#include "bench/machine_load.hpp"
#include "common/database.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "query/search.hpp"

namespace lede::bench {

namespace {

using query::SortOrder;

struct Mode {
  const char* name;
  SortOrder sort;
};
constexpr std::array modes = {Mode{"blend", SortOrder::blend},
                              Mode{"relevance", SortOrder::relevance},
                              Mode{"date", SortOrder::date}};

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot open queries file");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    std::string query = text::fold_whitespace(line);
    if (!query.empty()) queries.push_back(std::move(query));
  }
  if (queries.empty()) throw Error(path + ": no queries in file");
  return queries;
}

struct Timed {
  double micros = 0;      ///< wall clock
  double cpu_micros = 0;  ///< this thread's CPU time: steadier on a busy machine
  std::size_t hits = 0;
};

Timed time_search(const Xapian::Database& db, const query::SearchRequest& request) {
  const double cpu_start = thread_cpu_microseconds();
  const auto start = std::chrono::steady_clock::now();
  const query::SearchResult result = query::search(db, request);
  const auto stop = std::chrono::steady_clock::now();
  return {std::chrono::duration<double, std::micro>(stop - start).count(),
          thread_cpu_microseconds() - cpu_start, result.hits.size()};
}

}  // namespace

nlohmann::json run_query_bench(const QueryBenchOptions& options) {
  const std::vector<std::string> queries = read_queries(options.queries_file);
  const Xapian::Database db = open_for_reading(options.database);

  query::SearchRequest request;
  request.now = options.now;
  request.limit = options.limit;

  std::array<std::vector<double>, modes.size()> micros;
  std::array<std::vector<double>, modes.size()> cpu_micros;
  const nlohmann::json load_before = load_average();
  std::array<std::size_t, modes.size()> queries_with_hits{};
  // Pass 0 warms the page cache and Xapian's block cache and is not recorded.
  for (unsigned pass = 0; pass <= options.runs; ++pass) {
    for (std::size_t q = 0; q < queries.size(); ++q) {
      request.text = queries[q];
      // Rotate which mode goes first so that none always profits from the others' cache.
      for (std::size_t k = 0; k < modes.size(); ++k) {
        const std::size_t m = (q + k) % modes.size();
        request.sort = modes[m].sort;
        Timed timed;
        try {
          timed = time_search(db, request);
        } catch (const Error& e) {
          throw Error(options.queries_file + ": line " + std::to_string(q + 1) + " \"" +
                      queries[q] + "\": " + e.what());
        }
        if (pass == 0) {
          if (timed.hits > 0) ++queries_with_hits[m];
        } else {
          micros[m].push_back(timed.micros);
          cpu_micros[m].push_back(timed.cpu_micros);
        }
      }
    }
  }

  nlohmann::json report = {
      {"benchmark", "query"},
      {"database", options.database},
      {"documents", db.get_doccount()},
      {"queries", queries.size()},
      {"runs", options.runs},
      {"limit", options.limit},
      {"now", dates::format_rfc3339(options.now)},
      {"load_average", {{"before", load_before}, {"after", load_average()}}},
  };
  std::array<LatencySummary, modes.size()> summaries;
  std::array<LatencySummary, modes.size()> cpu_summaries;
  for (std::size_t m = 0; m < modes.size(); ++m) {
    summaries[m] = summarize(std::move(micros[m]));
    nlohmann::json mode = to_json(summaries[m]);
    mode["queries_with_hits"] = queries_with_hits[m];
    cpu_summaries[m] = summarize(std::move(cpu_micros[m]));
    mode["cpu"] = to_json(cpu_summaries[m]);
    report["sort"][modes[m].name] = std::move(mode);
  }
  // The cost of the recency blend over plain BM25, from the same run: wall clock and CPU time.
  const auto ratio = [](double blend, double relevance) {
    return relevance > 0 ? std::round(blend / relevance * 1000) / 1000 : 0.0;
  };
  report["blend_over_relevance_q50"] = ratio(summaries[0].q50_us, summaries[1].q50_us);
  report["blend_over_relevance_cpu_q50"] = ratio(cpu_summaries[0].q50_us, cpu_summaries[1].q50_us);
  return report;
}

}  // namespace lede::bench

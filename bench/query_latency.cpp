#include "bench/query_latency.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>

#include "bench/contender_runner.hpp"
#include "bench/lede_engine.hpp"
#include "bench/machine_load.hpp"
#include "common/database.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "query/option_names.hpp"

namespace lede::bench {

namespace {

double ratio(double of, double to) {
  return to > 0 ? std::round(of / to * 1000) / 1000 : 0.0;
}

nlohmann::json ratios(const ContenderFigures& a, const ContenderFigures& b) {
  return {{"of", a.name},
          {"to", b.name},
          {"q50", ratio(a.wall.q50_us, b.wall.q50_us)},
          {"q90", ratio(a.wall.q90_us, b.wall.q90_us)},
          {"q95", ratio(a.wall.q95_us, b.wall.q95_us)},
          {"q99", ratio(a.wall.q99_us, b.wall.q99_us)},
          {"max", ratio(a.wall.max_us, b.wall.max_us)},
          {"mean", ratio(a.wall.mean_us, b.wall.mean_us)},
          {"cpu_q50", ratio(a.cpu.q50_us, b.cpu.q50_us)},
          {"cpu_q99", ratio(a.cpu.q99_us, b.cpu.q99_us)},
          {"qps", ratio(a.qps, b.qps)}};
}

}  // namespace

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

nlohmann::json run_query_bench(const QueryBenchOptions& options) {
  const std::vector<std::string> queries = read_queries(options.queries_file);
  const Xapian::doccount documents = open_for_reading(options.database).get_doccount();

  std::vector<Contender> contenders;
  nlohmann::json databases = nlohmann::json::object();
  for (const query::SortOrder sort : options.sorts) {
    LedeEngineOptions lede{options.database, sort, options.now, options.work};
    contenders.push_back(
        {"lede " + std::string(query::to_string(sort)), lede_engine_factory(lede)});
    databases[contenders.back().name] = options.database;
  }
  for (const std::string& other : options.compare_databases) {
    const std::string folder = std::filesystem::path(other).filename().string();
    for (const query::SortOrder sort : options.sorts) {
      LedeEngineOptions lede{other, sort, options.now, options.work};
      contenders.push_back({"lede " + std::string(query::to_string(sort)) + " on " + folder,
                            lede_engine_factory(lede)});
      databases[contenders.back().name] = other;
    }
  }
  for (const BaselineRun& run : options.baselines) {
    if (run.database.empty()) throw Error("--baseline needs --baseline-db PATH");
    contenders.push_back({std::string(to_string(run.baseline)),
                          baseline_engine_factory(run.baseline, run.database, options.work)});
    databases[contenders.back().name] = run.database;
  }

  const nlohmann::json load_before = load_average();
  const RunFigures run = run_contenders(contenders, queries, options.runs, options.threads);

  nlohmann::json report = {
      {"benchmark", "query"},
      {"queries_file", options.queries_file},
      {"queries", queries.size()},
      {"documents", documents},
      {"runs", options.runs},
      {"threads", options.threads},
      {"limit", options.work.limit},
      {"snippets", options.work.snippets},
      {"snippet_length", options.work.snippet_length},
      {"now", dates::format_rfc3339(options.now)},
      {"databases", databases},
      {"wall_seconds", std::round(run.wall_seconds * 1000) / 1000},
      {"load_average", {{"before", load_before}, {"after", load_average()}}},
      {"contenders", nlohmann::json::array()},
      {"ratios", nlohmann::json::array()},
  };
  for (const ContenderFigures& f : run.contenders) {
    report["contenders"].push_back({{"name", f.name},
                                    {"latency", to_json(f.wall)},
                                    {"cpu", to_json(f.cpu)},
                                    {"qps", std::round(f.qps * 10) / 10},
                                    {"hits_returned", f.hits_returned},
                                    {"zero_hit_queries", f.zero_hit_queries}});
  }
  for (std::size_t c = 1; c < run.contenders.size(); ++c) {
    report["ratios"].push_back(ratios(run.contenders.front(), run.contenders[c]));
  }
  return report;
}

}  // namespace lede::bench

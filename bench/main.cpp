// lede-bench: query latency and indexing throughput on a real archive, printed as JSON.
// A thin main: options → a plain struct → one library call → JSON on stdout, errors on stderr.
#include <chrono>
#include <iostream>

#include <CLI/CLI.hpp>

#include "bench/index_throughput.hpp"
#include "bench/query_latency.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"

namespace {

lede::UnixSeconds parse_now(const std::string& text) {
  if (text.empty()) {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  const auto parsed = lede::dates::parse_iso8601(text);
  if (!parsed) throw lede::Error("--now: not a date (want YYYY-MM-DD or RFC 3339): " + text);
  return *parsed;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"lede-bench: measure lede's query latency and indexing throughput (JSON)"};
  app.require_subcommand(1);

  lede::bench::QueryBenchOptions query;
  std::string now_text;
  CLI::App* query_cmd = app.add_subcommand(
      "query", "Time every query of FILE under --sort blend, relevance and date (in-process)");
  query_cmd->add_option("--db", query.database, "Database folder or stub file")->required();
  query_cmd->add_option("--queries", query.queries_file, "File with one query per line")
      ->required()
      ->check(CLI::ExistingFile);
  query_cmd->add_option("--now", now_text, "Measure ages from DATE (default: the current time)");
  query_cmd->add_option("--runs", query.runs, "Timed passes over all queries")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000u));
  query_cmd->add_option("--limit", query.limit, "Hits per search")
      ->capture_default_str()
      ->check(CLI::Range(1u, 10000u));

  lede::bench::IndexBenchOptions index;
  CLI::App* index_cmd = app.add_subcommand(
      "index", "Index SOURCEs into a fresh database and report articles/s and MB/s");
  index_cmd->add_option("SOURCE", index.sources, "Feed files, folders, JSON Lines dumps")
      ->required();
  index_cmd->add_option("--db", index.database,
                        "Fresh database folder to keep (default: a temporary one, removed)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11's own exit codes are 100–127; lede tools use 2 for bad usage.
    return app.exit(e) == 0 ? 0 : 2;
  }

  try {
    nlohmann::json report;
    if (query_cmd->parsed()) {
      query.now = parse_now(now_text);
      report = lede::bench::run_query_bench(query);
    } else {
      report = lede::bench::run_index_bench(index);
    }
    std::cout << report.dump(2) << '\n';
    return 0;
  } catch (const lede::Error& e) {
    std::cerr << "lede-bench: " << e.what() << '\n';
    return 2;
  }
}

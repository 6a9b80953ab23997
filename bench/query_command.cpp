// `lede-bench query`: options → QueryBenchOptions → run_query_bench → table or JSON.
#include <memory>

#include "bench/command_options.hpp"
#include "bench/commands.hpp"
#include "bench/query_latency.hpp"

namespace lede::bench {

namespace {

struct QueryCommandLine {
  QueryBenchOptions options;
  std::string now;
  std::vector<std::string> sorts;
  std::vector<std::string> baselines, baseline_databases;
  bool no_snippets = false;
  bool json = false;
};

}  // namespace

void add_query_command(CLI::App& app, int& exit_code) {
  auto cl = std::make_shared<QueryCommandLine>();
  CLI::App* cmd = app.add_subcommand(
      "query", "Time every query of FILE as lede-query runs it (in-process), beside a baseline");
  QueryBenchOptions& o = cl->options;
  cmd->add_option("--db", o.database, "lede database folder or stub file")->required();
  cmd->add_option("--queries", o.queries_file, "File with one query per line")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--now", cl->now, "Measure ages from DATE (default: the current time)");
  cmd->add_option("--runs", o.runs, "Timed passes over all queries, after one warm-up pass")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000u));
  cmd->add_option("--threads", o.threads, "Searching threads (throughput)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--sort", cl->sorts,
                  "blend | relevance | date (default blend); several: lede once per order")
      ->delimiter(',');
  cmd->add_option("--limit", o.work.limit, "Hits per search")
      ->capture_default_str()
      ->check(CLI::Range(1u, 10000u));
  cmd->add_flag("--no-snippets", cl->no_snippets,
                "Search and fetch hits only: no snippets, no output");
  add_baseline_options(*cmd, cl->baselines, cl->baseline_databases);
  cmd->add_option("--compare-db", o.compare_databases,
                  "Also measure lede on these archives (the same articles built otherwise)")
      ->delimiter(',');
  cmd->add_flag("--json", cl->json, "Print the report as JSON");
  cmd->callback([cl, &exit_code] {
    QueryBenchOptions options = cl->options;
    options.now = parse_now(cl->now);
    options.sorts = parse_sorts(cl->sorts);
    options.baselines = parse_baselines(cl->baselines, cl->baseline_databases, true);
    options.work.snippets = !cl->no_snippets;
    print_report(run_query_bench(options), cl->json);
    exit_code = exit_ok;
  });
}

}  // namespace lede::bench

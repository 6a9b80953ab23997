// `lede-bench index`: options → IndexBenchOptions → run_index_bench → table or JSON.
#include <memory>

#include "bench/command_options.hpp"
#include "bench/commands.hpp"
#include "bench/index_throughput.hpp"

namespace lede::bench {

namespace {

struct IndexCommandLine {
  IndexBenchOptions options;
  std::vector<std::string> baselines, baseline_databases;
  bool no_compact = false;
  bool json = false;
};

}  // namespace

void add_index_command(CLI::App& app, int& exit_code) {
  auto cl = std::make_shared<IndexCommandLine>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Index SOURCEs into a fresh database: articles/s, MB/s, peak RSS, size");
  IndexBenchOptions& o = cl->options;
  cmd->add_option("SOURCE", o.sources, "Feed files, folders, JSON Lines dumps")->required();
  cmd->add_option("--db", o.database,
                  "Fresh lede database folder to keep (default: a temporary one, removed)");
  add_baseline_options(*cmd, cl->baselines, cl->baseline_databases);
  cmd->add_option("--workers", o.workers,
                  "lede on N cores, as lede-index rebuild SOURCE... (parts merged by "
                  "compaction; files are shared out, not split); 1: as lede-index add")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--no-compact", cl->no_compact, "Do not measure the compacted sizes");
  cmd->add_flag("--json", cl->json, "Print the report as JSON");
  cmd->callback([cl, &exit_code] {
    IndexBenchOptions options = cl->options;
    options.baselines = parse_baselines(cl->baselines, cl->baseline_databases, false);
    options.compact = !cl->no_compact;
    const nlohmann::json report = run_index_bench(options);
    print_report(report, cl->json);
    exit_code = exit_ok;
    for (const auto& contender : report["contenders"]) {
      if (contender["skipped"] != 0 || contender["sources_failed"] != 0) exit_code = exit_partial;
    }
  });
}

}  // namespace lede::bench

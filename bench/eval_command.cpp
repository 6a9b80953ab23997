// `lede-bench eval`: options → EvalOptions → run_eval → a few lines, or JSON.
#include <iostream>
#include <memory>

#include "bench/commands.hpp"
#include "bench/eval_run.hpp"

namespace lede::bench {

void add_eval_command(CLI::App& app, int& exit_code) {
  struct EvalCommandLine {
    EvalOptions options;
    bool json = false;
  };
  auto cl = std::make_shared<EvalCommandLine>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Rank a test collection's queries; print nDCG@10, MAP, P@10, Recall@100");
  EvalOptions& o = cl->options;
  cmd->add_option("--docs", o.documents, "Documents, JSON Lines (id, title, body, published)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--queries", o.queries, "Queries: qid<TAB>text per line")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--qrels", o.qrels, "TREC relevance judgments")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--run", o.run_file, "Write the TREC run (top 1000 per query) to FILE");
  cmd->add_flag("--json", cl->json, "Print the report as JSON");
  cmd->callback([cl, &exit_code] {
    const nlohmann::json report = run_eval(cl->options);
    if (cl->json) {
      std::cout << report.dump(2) << '\n';
    } else {
      print_eval(report, std::cout);
    }
    exit_code = exit_ok;
  });
}

}  // namespace lede::bench

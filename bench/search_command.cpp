// `lede-bench search`: one query, one whole process, results on stdout — the small program
// a baseline needs for a whole-process comparison with lede-query (hyperfine -N).
#include <iostream>
#include <memory>

#include "bench/command_options.hpp"
#include "bench/commands.hpp"
#include "bench/lede_engine.hpp"
#include "common/error.hpp"

namespace lede::bench {

namespace {

struct SearchCommandLine {
  std::string engine = "lede";
  std::string database;
  std::vector<std::string> words;
  std::string now;
  unsigned limit = 10;
  bool no_snippets = false;
};

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
  auto cl = std::make_shared<SearchCommandLine>();
  CLI::App* cmd = app.add_subcommand(
      "search", "Run one query with lede or a baseline and print the hits (whole-process timing)");
  cmd->add_option("--engine", cl->engine, "lede | fts5 | xapian-plain")->capture_default_str();
  cmd->add_option("--db", cl->database, "The engine's database")->required();
  cmd->add_option("--now", cl->now, "lede: measure ages from DATE");
  cmd->add_option("--limit", cl->limit, "Hits")
      ->capture_default_str()
      ->check(CLI::Range(1u, 10000u));
  cmd->add_flag("--no-snippets", cl->no_snippets, "Titles only");
  cmd->add_option("QUERY", cl->words, "The query")->required();
  cmd->callback([cl, &exit_code] {
    std::string text;
    for (const std::string& word : cl->words) text += (text.empty() ? "" : " ") + word;
    QueryWork work;
    work.limit = cl->limit;
    work.snippets = !cl->no_snippets;
    work.out = &std::cout;
    EngineFactory factory;
    if (cl->engine == "lede") {
      factory =
          lede_engine_factory({cl->database, query::SortOrder::blend, parse_now(cl->now), work});
    } else {
      if (!baseline_from_string(cl->engine))
        throw Error("--engine: give lede, fts5 or xapian-plain");
      factory = baseline_engine_factory(parse_baseline(cl->engine), cl->database, work);
    }
    const std::size_t hits = factory()->search(text);
    std::cout.flush();
    exit_code = hits > 0 ? exit_ok : exit_partial;
  });
}

}  // namespace lede::bench

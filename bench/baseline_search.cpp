// baseline-search: one query with a baseline, hits printed — the small program that does what
// `lede-query` does (start, open, search, 10 hits with snippets, print) for a whole-process
// comparison with hyperfine -N. It links only SQLite and Xapian, as such a program would:
// lede-bench itself loads libcurl, libxml2 and their dependencies at start.
// Exit codes like lede-query: 0 hits, 1 none, 2 error (one "baseline-search: …" line).
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/baselines/fts5_query.hpp"
#include "bench/baselines/xapian_plain_query.hpp"
#include "common/error.hpp"

int main(int argc, char** argv) {
  using namespace lede::bench;
  CLI::App app{"baseline-search: run one query with SQLite FTS5 or plain Xapian, print the hits"};
  app.name("baseline-search");
  std::string engine, database;
  std::vector<std::string> words;
  QueryWork work;
  bool no_snippets = false;
  app.add_option("--engine", engine, "fts5 | xapian-plain")
      ->required()
      ->check(CLI::IsMember({"fts5", "xapian-plain"}));
  app.add_option("--db", database, "The engine's database (built by lede-bench index)")->required();
  app.add_option("--limit", work.limit, "Hits")->capture_default_str();
  app.add_flag("--no-snippets", no_snippets, "Titles only");
  app.add_option("QUERY", words, "The query")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
    work.snippets = !no_snippets;
    work.out = &std::cout;
    const EngineFactory factory = engine == "fts5" ? fts5::engine_factory(database, work)
                                                   : xapian_plain::engine_factory(database, work);
    const std::size_t hits = factory()->search(text);
    std::cout.flush();
    return hits > 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "baseline-search: " << e.what() << '\n';
    return 2;
  }
}

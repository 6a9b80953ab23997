// baseline-search-fts5, baseline-search-xapian-plain: one query with a baseline, hits printed —
// the small program that does what `lede-query` does (start, open, search, 10 hits with
// snippets, print) for a whole-process comparison with hyperfine -N. Each links its own engine
// only (baseline_search.hpp), as such a program would: lede-bench itself loads libcurl, libxml2
// and their dependencies at start, and one program for both would load SQLite and Xapian.
// Exit codes like lede-query: 0 hits, 1 none, 2 error (one "baseline-search-…: …" line).
#include "bench/baseline_search.hpp"

#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  using namespace lede::bench;
  const std::string name = "baseline-search-" + std::string(baseline_name);
  CLI::App app{name + ": run one query with " + std::string(baseline_name) + ", print the hits"};
  app.name(name);
  std::string database;
  std::vector<std::string> words;
  QueryWork work;
  bool no_snippets = false;
  app.add_option("--db", database, "The baseline's database (built by lede-bench index)")
      ->required();
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
    const std::size_t hits = baseline_engine(database, work)()->search(text);
    std::cout.flush();
    return hits > 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << '\n';
    return 2;
  }
}

// lede-bench: query latency and indexing throughput of lede beside its baselines.
// A thin main: each subcommand declares itself (bench/commands.hpp) and runs from its callback.
#include <iostream>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "bench/commands.hpp"
#include "common/error.hpp"

int main(int argc, char** argv) {
  using namespace lede::bench;
  CLI::App app{
      "lede-bench: lede's query latency and indexing throughput beside SQLite FTS5 and "
      "plain Xapian (bench/README.md)"};
  app.footer("Exit codes: 0 done, 1 done but some inputs were skipped (index), 2 error.");
  app.require_subcommand(1);
  int exit_code = exit_ok;
  add_query_command(app, exit_code);
  add_index_command(app, exit_code);
  add_eval_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11's own exit codes are 100–127; lede tools use 2 for bad usage.
    return app.exit(e) == 0 ? exit_ok : exit_error;
  } catch (const lede::Error& e) {
    std::cerr << "lede-bench: " << e.what() << '\n';
    return exit_error;
  } catch (const Xapian::Error& e) {
    std::cerr << "lede-bench: " << e.get_description() << '\n';
    return exit_error;
  }
  return exit_code;
}

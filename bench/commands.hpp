/**
 * @file
 * @brief lede-bench's subcommands, one file each: options → a plain struct → one library call.
 *
 * Each add_*_command declares its subcommand on `app` with a callback that runs it when it was
 * given and leaves its exit code in `exit_code`. Errors are thrown (lede::Error) for main to
 * print as one "lede-bench: …" line.
 */
#pragma once

#include <CLI/CLI.hpp>

namespace lede::bench {

void add_query_command(CLI::App& app, int& exit_code);
void add_index_command(CLI::App& app, int& exit_code);
void add_eval_command(CLI::App& app, int& exit_code);

/// Exit codes: 0 done; 1 done, but some inputs were skipped; 2 error.
inline constexpr int exit_ok = 0, exit_partial = 1, exit_error = 2;

}  // namespace lede::bench

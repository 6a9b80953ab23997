// Runs a real executable and captures what it printed and how it exited.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace lede::test {

struct ProcessResult {
  int exit_code = -1;  ///< the exit status, or 128 + signal number
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::map<std::string, std::string> env;  ///< added to (or replacing in) the inherited env
  std::vector<std::string> unset_env;      ///< removed from the inherited env
  std::string stdin_data;                  ///< written to the child's stdin, then closed
};

/// Runs argv[0] (a path) with argv, waits for it. Never uses a shell.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

/// Path of a built tool: LEDE_BINARY_DIR/<room>/<name>, e.g. tool_path("indexer", "lede-index").
std::string tool_path(const std::string& room, const std::string& name);

}  // namespace lede::test

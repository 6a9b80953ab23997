/**
 * @file
 * @brief Running one measurement in a child process, for its own peak RSS and CPU time.
 *
 * getrusage(RUSAGE_SELF) cannot tell two engines in one process apart: ru_maxrss only grows,
 * and memory one engine freed stays with the process. Each indexing run therefore happens in a
 * fork()ed child, which hands its JSON result back through a pipe; the parent reads the
 * child's own peak RSS and CPU time from wait4().
 * @see https://man7.org/linux/man-pages/man2/wait4.2.html
 */
#pragma once

#include <functional>

#include <nlohmann/json.hpp>

namespace lede::bench {

struct ChildResult {
  nlohmann::json result;    ///< what `work` returned
  double cpu_seconds = 0;   ///< user + system time of the child
  double peak_rss_mib = 0;  ///< the child's maximum resident set
};

/// Runs `work` in a child process. Throws lede::Error with the child's message when `work`
/// threw, or when the child died.
ChildResult run_in_child(const std::function<nlohmann::json()>& work);

}  // namespace lede::bench

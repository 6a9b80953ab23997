/**
 * @file
 * @brief Timing search engines side by side: warm-up, interleaved timed passes, threads.
 *
 * Every engine answers every query in the same pass, query by query, and the order of the
 * engines rotates from query to query and pass to pass, so that none always profits from
 * another's cache and a burst of load on the shared machine hits them all alike: their ratio
 * comes from one run. With T threads, thread t takes queries t, t+T, t+2T… with its own engines.
 */
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "bench/latency_summary.hpp"
#include "bench/search_engine.hpp"

namespace lede::bench {

struct Contender {
  std::string name;
  EngineFactory factory;
};

struct ContenderFigures {
  std::string name;
  LatencySummary wall;  ///< per search, wall clock
  LatencySummary cpu;   ///< per search, CPU time of the searching thread
  /// Searches per second this engine sustains with all threads busy on it alone:
  /// threads × searches / Σ wall latency (the contenders share the timed passes).
  double qps = 0;
  std::size_t hits_returned = 0;     ///< over one pass of all queries (the warm-up)
  std::size_t zero_hit_queries = 0;  ///< queries without a hit in that pass
};

struct RunFigures {
  std::vector<ContenderFigures> contenders;
  double wall_seconds = 0;  ///< the timed passes, all contenders together
};

/// One untimed warm-up pass, then `runs` timed passes over `queries` by `threads` threads.
/// Throws lede::Error (naming the query's line) when an engine refuses a query.
RunFigures run_contenders(const std::vector<Contender>& contenders,
                          const std::vector<std::string>& queries, unsigned runs, unsigned threads);

}  // namespace lede::bench

/**
 * @file
 * @brief What else the machine was doing: the load averages printed next to every figure.
 *
 * Wall-clock figures from a shared machine mean little without them; see docs/benchmarks.md.
 */
#pragma once

#include <ctime>

#include <nlohmann/json.hpp>

namespace lede::bench {

/// The 1-, 5- and 15-minute load averages from /proc/loadavg, or null where unavailable.
nlohmann::json load_average();

/// CPU time this thread has used, in microseconds (CLOCK_THREAD_CPUTIME_ID).
double thread_cpu_microseconds();

}  // namespace lede::bench

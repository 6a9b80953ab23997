/**
 * @file
 * @brief The reports of lede-bench as tables for people (--json prints them whole).
 */
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

namespace lede::bench {

/// One row per contender (latency percentiles in µs, QPS, hits, zero-hit queries), then one
/// row per ratio of the first contender to another.
void print_query_table(std::ostream& out, const nlohmann::json& report);

/// One row per contender (seconds, articles/s, MB/s, peak RSS, sizes), then the ratios.
void print_index_table(std::ostream& out, const nlohmann::json& report);

}  // namespace lede::bench

/**
 * @file
 * @brief The engine of one baseline-search program: each program links one baseline only
 * (baseline_search_fts5.cpp, baseline_search_xapian_plain.cpp), as a user's own would.
 */
#pragma once

#include <string>
#include <string_view>

#include "bench/search_engine.hpp"

namespace lede::bench {

/// The baseline's name, as lede-bench's --baseline spells it.
extern const std::string_view baseline_name;

/// The baseline's engine on the database at `path` (built by lede-bench index).
EngineFactory baseline_engine(const std::string& path, const QueryWork& work);

}  // namespace lede::bench

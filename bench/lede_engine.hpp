/**
 * @file
 * @brief lede as a bench contender: query::search() and the printers, exactly as lede-query.
 *
 * Per query: parse, rank (the chosen --sort), collapse, decode the hits, then highlight the
 * title and make a snippet per hit through lede-query's own printer (human output, no colour:
 * what `lede-query` writes into a pipe) into a stream that discards it. Without snippets only
 * query::search() runs: matching and decoding the hits' stored data, nothing printed.
 */
#pragma once

#include <string>

#include "bench/search_engine.hpp"
#include "common/article.hpp"
#include "query/search.hpp"

namespace lede::bench {

struct LedeEngineOptions {
  std::string database;  ///< folder or stub file
  query::SortOrder sort = query::SortOrder::blend;
  UnixSeconds now = 0;  ///< as lede-query --now
  QueryWork work;
};

/// Opens the database (throws lede::Error naming it) and returns a factory of engines, one
/// per thread, each with its own Xapian::Database handle.
EngineFactory lede_engine_factory(const LedeEngineOptions& options);

}  // namespace lede::bench

#include "bench/baseline_search.hpp"
#include "bench/baselines/fts5_query.hpp"

namespace lede::bench {

const std::string_view baseline_name = "fts5";

EngineFactory baseline_engine(const std::string& path, const QueryWork& work) {
  return fts5::engine_factory(path, work);
}

}  // namespace lede::bench

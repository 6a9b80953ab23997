#include "bench/baseline_search.hpp"
#include "bench/baselines/xapian_plain_query.hpp"

namespace lede::bench {

const std::string_view baseline_name = "xapian-plain";

EngineFactory baseline_engine(const std::string& path, const QueryWork& work) {
  return xapian_plain::engine_factory(path, work);
}

}  // namespace lede::bench

#include "bench/baselines/baseline.hpp"

#include <filesystem>

#include "bench/baselines/fts5_index.hpp"
#include "bench/baselines/fts5_query.hpp"
#include "bench/baselines/xapian_plain_index.hpp"
#include "bench/baselines/xapian_plain_query.hpp"
#include "bench/xapian_compact.hpp"

namespace lede::bench {

std::string_view to_string(Baseline baseline) {
  return baseline == Baseline::fts5 ? "fts5" : "xapian-plain";
}

std::optional<Baseline> baseline_from_string(std::string_view name) {
  if (name == "fts5") return Baseline::fts5;
  if (name == "xapian-plain") return Baseline::xapian_plain;
  return std::nullopt;
}

BuildResult build_baseline(Baseline baseline, const std::vector<std::string>& sources,
                           const std::string& path) {
  return baseline == Baseline::fts5 ? fts5::build(sources, path)
                                    : xapian_plain::build(sources, path);
}

void compact_baseline(Baseline baseline, const std::string& path, const std::string& into) {
  if (baseline == Baseline::xapian_plain) {
    compact_xapian(path, into);
    return;
  }
  std::filesystem::copy_file(path, into);
  fts5::compact(into);
}

EngineFactory baseline_engine_factory(Baseline baseline, const std::string& path,
                                      const QueryWork& work) {
  return baseline == Baseline::fts5 ? fts5::engine_factory(path, work)
                                    : xapian_plain::engine_factory(path, work);
}

}  // namespace lede::bench

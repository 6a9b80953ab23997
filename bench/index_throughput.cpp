#include "bench/index_throughput.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <system_error>

#include "bench/child_process.hpp"
#include "bench/machine_load.hpp"
#include "bench/temporary_folder.hpp"
#include "bench/xapian_compact.hpp"
#include "common/database.hpp"
#include "common/error.hpp"
#include "indexer/deduplicate.hpp"
#include "indexer/ingest.hpp"
#include "indexer/merge.hpp"
#include "indexer/parallel_index.hpp"
#include "indexer/sources.hpp"

namespace lede::bench {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// Bytes of the local files the sources expand to: what the indexers read.
std::uintmax_t source_bytes(const std::vector<std::string>& arguments, std::size_t& files) {
  std::uintmax_t bytes = 0;
  files = 0;
  for (const sources::Source& source : sources::expand(arguments).sources) {
    if (source.kind != sources::Kind::file) continue;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(source.location, ec);
    if (ec) continue;
    bytes += size;
    ++files;
  }
  return bytes;
}

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// lede's own path: lede::ingest() into a fresh database, closed (the final commit timed).
nlohmann::json build_lede(const std::vector<std::string>& sources, const std::string& path) {
  Xapian::WritableDatabase db = open_for_writing(path);
  if (db.get_doccount() != 0) {
    throw Error(path + ": not a fresh database (" + std::to_string(db.get_doccount()) +
                " documents); give a new folder to --db");
  }
  IngestOptions ingest_options;
  ingest_options.sources = sources;
  ingest_options.on_problem = [](const std::string& message) {
    std::cerr << "lede-bench: " << message << '\n';
  };
  const auto start = Clock::now();
  const IngestSummary summary = ingest(db, ingest_options);
  db.close();
  return {{"articles", summary.articles()},
          {"skipped", summary.skipped},
          {"sources_failed", summary.sources_failed},
          {"seconds", seconds_since(start)}};
}

/// rebuild's path: `workers` parts (indexer/parallel_index.hpp), the last copy of an article
/// kept, merged by compaction into `path`, which must not exist yet.
nlohmann::json build_lede_parallel(const std::vector<std::string>& sources, const std::string& path,
                                   std::size_t workers) {
  if (fs::exists(path)) throw Error(path + ": already exists; give a new folder to --db");
  TemporaryFolder staging;
  PartsOptions parts_options;
  parts_options.folder = staging.path();
  parts_options.workers = workers;
  parts_options.on_problem = [](const std::string& message) {
    std::cerr << "lede-bench: " << message << '\n';
  };
  const auto start = Clock::now();
  const Parts parts = index_sources(sources, parts_options);
  keep_last_copies(parts.databases);
  merge_databases(parts.databases, path, [](const std::string&) {});
  return {{"articles", Xapian::Database(path).get_doccount()},
          {"skipped", parts.skipped},
          {"sources_failed", parts.sources_failed},
          {"workers", parts.databases.size()},
          {"seconds", seconds_since(start)}};
}

nlohmann::json build_with(Baseline baseline, const std::vector<std::string>& sources,
                          const std::string& path) {
  const auto start = Clock::now();
  const BuildResult result = build_baseline(baseline, sources, path);
  return {{"articles", result.articles},
          {"skipped", result.skipped},
          {"sources_failed", result.sources_failed},
          {"seconds", seconds_since(start)}};
}

/// Builds in a child, then measures the database and its compacted copy.
nlohmann::json measure(const std::string& name, const std::function<nlohmann::json()>& build,
                       const fs::path& database,
                       const std::function<void(const fs::path&)>& compact,
                       const fs::path& compacted, std::uintmax_t input_bytes, bool do_compact) {
  const ChildResult child = run_in_child(build);
  const double seconds = child.result["seconds"].get<double>();
  const auto articles = child.result["articles"].get<double>();
  nlohmann::json figures = {
      {"name", name},
      {"articles", child.result["articles"]},
      {"skipped", child.result["skipped"]},
      {"sources_failed", child.result["sources_failed"]},
      {"seconds", rounded(seconds, 3)},
      {"cpu_seconds", rounded(child.cpu_seconds, 3)},
      {"articles_per_second", rounded(articles / seconds, 1)},
      {"articles_per_cpu_second", rounded(articles / child.cpu_seconds, 1)},
      // MB = 10^6 bytes of source files read.
      {"mb_per_second", rounded(static_cast<double>(input_bytes) / 1e6 / seconds, 3)},
      {"peak_rss_mb", rounded(child.peak_rss_mib, 1)},
      {"database_bytes", bytes_on_disk(database)},
  };
  if (child.result.contains("workers")) figures["workers"] = child.result["workers"];
  if (do_compact) {
    const auto start = Clock::now();
    compact(compacted);
    figures["compact_seconds"] = rounded(seconds_since(start), 3);
    figures["compacted_bytes"] = bytes_on_disk(compacted);
    std::error_code ignored;
    fs::remove_all(compacted, ignored);
  }
  return figures;
}

double ratio(const nlohmann::json& a, const nlohmann::json& b, const char* key) {
  if (!a.contains(key) || !b.contains(key) || b[key].get<double>() == 0) return 0;
  return rounded(a[key].get<double>() / b[key].get<double>(), 3);
}

}  // namespace

nlohmann::json run_index_bench(const IndexBenchOptions& options) {
  TemporaryFolder temporary;
  std::size_t files = 0;
  const std::uintmax_t bytes = source_bytes(options.sources, files);

  const fs::path lede_db =
      options.database.empty() ? temporary.path() / "lede" : fs::path(options.database);
  nlohmann::json contenders = nlohmann::json::array();
  const auto build = [&] {
    return options.workers > 1
               ? build_lede_parallel(options.sources, lede_db.string(), options.workers)
               : build_lede(options.sources, lede_db.string());
  };
  const std::string name =
      options.workers > 1 ? "lede, " + std::to_string(options.workers) + " workers" : "lede";
  contenders.push_back(measure(
      name, build, lede_db,
      [&](const fs::path& into) {
        compact_xapian(lede_db.string(), into.string(), compacted_block_size);
      },
      temporary.path() / "lede.compact", bytes, options.compact));

  for (const BaselineRun& run : options.baselines) {
    const Baseline baseline = run.baseline;
    const std::string name(to_string(baseline));
    const fs::path db = run.database.empty() ? temporary.path() / name : fs::path(run.database);
    contenders.push_back(measure(
        name, [&] { return build_with(baseline, options.sources, db.string()); }, db,
        [&](const fs::path& into) { compact_baseline(baseline, db.string(), into.string()); },
        temporary.path() / (name + ".compact"), bytes, options.compact));
  }

  nlohmann::json report = {
      {"benchmark", "index"},
      {"sources", options.sources},
      {"files", files},
      {"bytes", bytes},
      {"contenders", contenders},
      {"ratios", nlohmann::json::array()},
      {"load_average", load_average()},
  };
  for (std::size_t c = 1; c < contenders.size(); ++c) {
    const nlohmann::json& a = contenders[0];
    const nlohmann::json& b = contenders[c];
    report["ratios"].push_back({{"of", a["name"]},
                                {"to", b["name"]},
                                {"articles_per_second", ratio(a, b, "articles_per_second")},
                                {"articles_per_cpu_second", ratio(a, b, "articles_per_cpu_second")},
                                {"peak_rss_mb", ratio(a, b, "peak_rss_mb")},
                                {"database_bytes", ratio(a, b, "database_bytes")},
                                {"compacted_bytes", ratio(a, b, "compacted_bytes")}});
  }
  return report;
}

}  // namespace lede::bench

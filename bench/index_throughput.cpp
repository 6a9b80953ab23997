#include "bench/index_throughput.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <system_error>

#include <sys/resource.h>

#include "bench/machine_load.hpp"
#include "common/database.hpp"
#include "common/error.hpp"
#include "indexer/ingest.hpp"
#include "indexer/sources.hpp"

namespace lede::bench {

namespace fs = std::filesystem;

namespace {

/// A fresh folder under $TMPDIR, removed when the benchmark is done.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (fs::temp_directory_path() / "lede-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw Error(pattern + ": cannot create a temporary folder");
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Bytes of the local files the sources expand to: what the indexer reads. URLs and standard
/// input are not counted (their size is only known after the transfer).
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

std::uintmax_t folder_bytes(const fs::path& folder) {
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(folder, ec)) {
    if (entry.is_regular_file(ec)) bytes += entry.file_size(ec);
  }
  return bytes;
}

rusage own_usage() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage;
}

double seconds_of(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

/// User + system CPU seconds of this process so far.
double cpu_seconds(const rusage& usage) {
  return seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
}

/// Rounds to `decimals` places (dividing by a power of ten prints cleanly as JSON).
double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace

nlohmann::json run_index_bench(const IndexBenchOptions& options) {
  std::optional<TemporaryFolder> temporary;
  fs::path db_path = options.database;
  if (db_path.empty()) {
    temporary.emplace();
    db_path = temporary->path() / "index";
  }
  Xapian::WritableDatabase db = open_for_writing(db_path.string());
  if (db.get_doccount() != 0) {
    throw Error(db_path.string() + ": not a fresh database (" + std::to_string(db.get_doccount()) +
                " documents); give a new folder to --db");
  }

  std::size_t files = 0;
  const std::uintmax_t bytes = source_bytes(options.sources, files);

  IngestOptions ingest_options;
  ingest_options.sources = options.sources;
  ingest_options.on_problem = [](const std::string& message) {
    std::cerr << "lede-bench: " << message << '\n';
  };
  const double cpu_before = cpu_seconds(own_usage());
  const auto start = std::chrono::steady_clock::now();
  const IngestSummary summary = ingest(db, ingest_options);
  db.close();  // flushes and releases the lock: the timing includes the final commit
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const rusage after = own_usage();
  // CPU time next to wall time: on a busy machine the two differ, and CPU time is the steadier.
  const double cpu = cpu_seconds(after) - cpu_before;

  const double articles = static_cast<double>(summary.articles());
  return {
      {"benchmark", "index"},
      {"sources", options.sources},
      {"files", files},
      {"bytes", bytes},
      {"articles", summary.articles()},
      {"skipped", summary.skipped},
      {"sources_failed", summary.sources_failed},
      {"seconds", rounded(seconds, 3)},
      {"cpu_seconds", rounded(cpu, 3)},
      {"articles_per_second", rounded(articles / seconds, 1)},
      {"articles_per_cpu_second", rounded(articles / cpu, 1)},
      // MB = 10^6 bytes of source files read.
      {"mb_per_second", rounded(static_cast<double>(bytes) / 1e6 / seconds, 3)},
      {"database_bytes", folder_bytes(db_path)},
      {"peak_rss_mb", rounded(static_cast<double>(after.ru_maxrss) / 1024.0, 1)},  // KiB on Linux
      {"load_average", load_average()},
  };
}

}  // namespace lede::bench

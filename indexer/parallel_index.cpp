#include "indexer/parallel_index.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

#include <xapian.h>

#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/stored_article.hpp"
#include "common/stored_article_v1.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/ingest.hpp"
#include "indexer/sources.hpp"

namespace lede {

namespace fs = std::filesystem;

namespace {

// A part is temporary: a crash throws it away, so its commits need not reach the disk.
Xapian::WritableDatabase create_part(const fs::path& path, const PartsOptions& options) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC |
                                                 Xapian::DB_BACKEND_GLASS);
  db.set_metadata(std::string(schema::version_key), std::to_string(schema::version));
  for (const auto& [key, value] : options.failed_notes) db.set_metadata(key, value);
  db.commit();
  return db;
}

fs::path part_path(const PartsOptions& options, std::size_t index) {
  return options.folder / ("part-" + std::to_string(index + 1));
}

// Runs work(k) for k in [0, n) on n threads; ticks the caller's progress meanwhile. The first
// exception of a worker stops the others (through `failed`) and is rethrown here.
void run_workers(std::size_t n, const std::function<void(std::size_t)>& work,
                 std::atomic<bool>& failed, const std::function<void()>& tick) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> running{n};
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    threads.emplace_back([&, k] {
      try {
        work(k);
      } catch (...) {
        errors[k] = std::current_exception();
        failed = true;
      }
      --running;
    });
  }
  while (running > 0) {
    tick();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (std::thread& thread : threads) thread.join();
  tick();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

// Where each of `slices` contiguous docid ranges of about equal size starts.
std::vector<Xapian::docid> slice_starts(const Xapian::Database& db, std::size_t slices) {
  const Xapian::doccount count = db.get_doccount();
  std::vector<Xapian::docid> starts;
  std::size_t i = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it, ++i) {
    if (i * slices >= starts.size() * count) starts.push_back(*it);
  }
  return starts;
}

class ProblemSink {
 public:
  explicit ProblemSink(const PartsOptions& options) : options_(options) {}
  void operator()(const std::string& message) {
    if (!options_.on_problem) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    options_.on_problem(message);
  }

 private:
  const PartsOptions& options_;
  std::mutex mutex_;
};

}  // namespace

std::vector<std::size_t> split_evenly(const std::vector<std::uintmax_t>& weights,
                                      std::size_t parts) {
  const std::size_t n = std::min(parts == 0 ? 1 : parts, weights.size());
  std::vector<std::size_t> starts;
  if (n == 0) return starts;
  const std::uintmax_t total = std::accumulate(weights.begin(), weights.end(), std::uintmax_t{0});
  starts.push_back(0);
  std::uintmax_t sum = 0;
  for (std::size_t i = 0; i < weights.size() && starts.size() < n; ++i) {
    sum += weights[i];
    const std::size_t items_left = weights.size() - i - 1;
    const std::size_t runs_left = n - starts.size();
    if (items_left == 0) break;
    if (items_left == runs_left || sum * n >= starts.size() * total) starts.push_back(i + 1);
  }
  return starts;
}

Parts index_stored_articles(const fs::path& live, const PartsOptions& options) {
  const Xapian::Database source(live.string(), Xapian::DB_BACKEND_GLASS);
  const Xapian::doccount total = source.get_doccount();
  const std::vector<Xapian::docid> starts =
      slice_starts(source, std::max<std::size_t>(1, std::min<std::size_t>(options.workers, total)));
  const std::size_t workers = std::max<std::size_t>(1, starts.size());

  Parts parts;
  for (std::size_t k = 0; k < workers; ++k) parts.databases.push_back(part_path(options, k));
  std::vector<std::atomic<std::size_t>> read(workers), written(workers), unreadable(workers);
  std::atomic<bool> failed{false}, interrupted{false};
  ProblemSink problem(options);

  auto work = [&](std::size_t k) {
    Xapian::WritableDatabase part = create_part(parts.databases[k], options);
    if (starts.empty()) return;  // nothing stored: one empty part
    const Xapian::Database articles(live.string(), Xapian::DB_BACKEND_GLASS);  // one per thread
    const Xapian::docid end = k + 1 < starts.size() ? starts[k + 1] : 0;
    IndexWriter writer(part, options.commit_every);
    Xapian::PostingIterator it = articles.postlist_begin("");
    it.skip_to(starts[k]);
    for (; it != articles.postlist_end("") && (end == 0 || *it < end); ++it) {
      if (failed || (options.should_stop && options.should_stop())) {
        interrupted = !failed;
        return;
      }
      const Xapian::docid docid = *it;
      const std::string data = articles.get_document(docid, Xapian::DOC_ASSUME_VALID).get_data();
      Article article;
      try {
        article = decode_document_data_of_any_version(data);
        if (article.id.empty()) throw Error("stored article has no id");
      } catch (const Error& e) {
        ++unreadable[k];
        ++read[k];
        problem(live.string() + ": document " + std::to_string(docid) + ": " + e.what());
        continue;
      }
      writer.write(article);
      ++written[k];
      ++read[k];
    }
    writer.commit();
  };
  auto tick = [&] {
    if (!options.on_progress) return;
    PartsProgress progress;
    progress.total = total;
    progress.workers = workers;
    for (std::size_t k = 0; k < workers; ++k) {
      progress.done += read[k];
      progress.articles += written[k];
    }
    options.on_progress(progress);
  };
  try {
    run_workers(workers, work, failed, tick);
  } catch (const Xapian::Error& e) {
    throw Error("cannot build the new database: " + e.get_description());
  }
  for (std::size_t k = 0; k < workers; ++k) {
    parts.articles += written[k];
    parts.unreadable += unreadable[k];
  }
  parts.interrupted = interrupted;
  return parts;
}

Parts index_sources(const std::vector<std::string>& arguments, const PartsOptions& options) {
  Parts parts;
  ProblemSink problem(options);
  sources::Expansion expansion = sources::expand(arguments);
  for (const std::string& error : expansion.errors) {
    ++parts.sources_failed;
    problem(error);
  }
  std::vector<std::uintmax_t> weights;
  for (const sources::Source& source : expansion.sources) {
    std::error_code ec;
    const std::uintmax_t size =
        source.kind == sources::Kind::file ? fs::file_size(source.location, ec) : 0;
    // A URL or standard input weighs as much as a typical feed file.
    weights.push_back(source.kind == sources::Kind::file && !ec ? std::max<std::uintmax_t>(size, 1)
                                                                : 1 << 20);
  }
  std::vector<std::size_t> starts = split_evenly(weights, options.workers);
  if (starts.empty()) starts.push_back(0);  // no source at all: one empty part
  const std::size_t workers = starts.size();

  for (std::size_t k = 0; k < workers; ++k) parts.databases.push_back(part_path(options, k));
  std::vector<std::atomic<std::size_t>> done(workers), written(workers);
  std::vector<IngestSummary> summaries(workers);
  std::atomic<bool> failed{false};

  auto work = [&](std::size_t k) {
    Xapian::WritableDatabase part = create_part(parts.databases[k], options);
    const std::size_t first = starts[k];
    const std::size_t last = k + 1 < workers ? starts[k + 1] : expansion.sources.size();
    IngestOptions ingest_options;
    for (std::size_t i = first; i < last; ++i) {
      ingest_options.sources.push_back(expansion.sources[i].location);
    }
    ingest_options.default_language = options.default_language;
    ingest_options.commit_every = options.commit_every;
    ingest_options.fetch = options.fetch;
    ingest_options.first_seen_from = options.first_seen_from;
    ingest_options.on_problem = [&](const std::string& message) { problem(message); };
    ingest_options.on_progress = [&, k](const IngestProgress& p) {
      done[k] = p.sources_done;
      written[k] = p.articles;
    };
    ingest_options.should_stop = [&] {
      return failed || (options.should_stop && options.should_stop());
    };
    summaries[k] = ingest(part, ingest_options);
  };
  auto tick = [&] {
    if (!options.on_progress) return;
    PartsProgress progress;
    progress.total = expansion.sources.size();
    progress.workers = workers;
    for (std::size_t k = 0; k < workers; ++k) {
      progress.done += done[k];
      progress.articles += written[k];
    }
    progress.done = std::min(progress.done, progress.total);
    options.on_progress(progress);
  };
  try {
    run_workers(workers, work, failed, tick);
  } catch (const Xapian::Error& e) {
    throw Error("cannot build the new database: " + e.get_description());
  }
  for (const IngestSummary& summary : summaries) {
    parts.articles += summary.articles();
    parts.skipped += summary.skipped;
    parts.sources_ok += summary.sources_ok;
    parts.sources_failed += summary.sources_failed;
    parts.interrupted = parts.interrupted || summary.interrupted;
  }
  return parts;
}

}  // namespace lede

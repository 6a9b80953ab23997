#include "indexer/ingest.hpp"

#include <chrono>
#include <ctime>
#include <deque>
#include <set>

#include "common/error.hpp"
#include "indexer/feed/feed.hpp"
#include "indexer/feed_ingest.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/jsonl_reader.hpp"
#include "indexer/normalize.hpp"
#include "indexer/opml.hpp"
#include "indexer/sources.hpp"

namespace lede {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t progress_every_articles = 250;

// A failure of the database itself: ends the run, unlike a bad source.
struct DatabaseFailure : Error {
  using Error::Error;
};

// A failure of the database itself: DiskFull as it is, anything else as a DatabaseFailure.
[[noreturn]] void throw_database_failure(const Xapian::Error& e) {
  try {
    throw_write_failure(e);
  } catch (const DiskFull&) {
    throw;
  } catch (const Error& failure) {
    throw DatabaseFailure(failure.what());
  }
}

class Pipeline {
 public:
  Pipeline(Xapian::WritableDatabase& db, const IngestOptions& options)
      : options_(options), writer_(db, options.commit_every), now_(std::time(nullptr)) {
    if (!options.first_seen_from.empty()) {
      earlier_ = Xapian::Database(options.first_seen_from.string(), Xapian::DB_BACKEND_GLASS);
      writer_.keep_first_seen_times_from(earlier_);
    }
  }

  IngestSummary run() {
    sources::Expansion expansion = sources::expand(options_.sources);
    for (const std::string& error : expansion.errors) fail_source(error);
    queue_.assign(expansion.sources.begin(), expansion.sources.end());
    total_ = expansion.sources.size() + expansion.errors.size();
    done_ = expansion.errors.size();

    while (!queue_.empty() && !stopping()) {
      const sources::Source source = queue_.front();
      queue_.pop_front();
      ingest_source(source);
      ++done_;
      report_progress(true);
    }
    writer_.commit();
    return summary();
  }

 private:
  bool stopping() {
    if (!summary_.interrupted && options_.should_stop && options_.should_stop()) {
      summary_.interrupted = true;
    }
    return summary_.interrupted;
  }

  void problem(const std::string& message) {
    if (options_.on_problem) options_.on_problem(message);
  }

  void fail_source(const std::string& message) {
    ++summary_.sources_failed;
    problem(message);
  }

  void ingest_source(const sources::Source& source) {
    if (!visited_.insert(source.location).second) return;  // an OPML listing itself, or twice
    try {
      http::FetchOptions fetch = options_.fetch;
      if (!fetch.should_stop) fetch.should_stop = options_.should_stop;
      sources::Opened opened = sources::open(source, fetch);
      const sources::Format format = sources::sniff(opened.reader->peek(sources::sniff_bytes));
      if (format == sources::Format::json_lines) {
        ingest_json_lines(*opened.reader, opened.origin);  // streamed, a line at a time
      } else {
        // A document is parsed whole: it is read whole, up to --max-size.
        const sources::Loaded loaded{opened.reader->read_all(fetch.max_bytes), opened.origin};
        opened.reader.reset();
        if (format == sources::Format::opml) {
          ingest_opml(loaded);
        } else {
          ingest_feed(loaded);
        }
      }
    } catch (const DatabaseFailure&) {
      throw;
    } catch (const DiskFull&) {
      throw;
    } catch (const Error& e) {
      if (stopping()) return;  // an aborted transfer is the interrupt, not a failed source
      fail_source(e.what());
      writer_.note_failure(source.location, e.what());
      return;
    }
    ++summary_.sources_ok;
    writer_.note_success(source.location);
  }

  void ingest_opml(const sources::Loaded& loaded) {
    opml::Subscriptions subscriptions = opml::read(loaded.bytes, loaded.origin);
    for (const std::string& error : subscriptions.errors) fail_source(error);
    total_ += subscriptions.feeds.size() + subscriptions.errors.size();
    done_ += subscriptions.errors.size();
    // The listed feeds come next, in the list's order, before the remaining arguments.
    queue_.insert(queue_.begin(), subscriptions.feeds.begin(), subscriptions.feeds.end());
  }

  void ingest_json_lines(sources::SourceReader& reader, const feed::Origin& origin) {
    jsonl::ReadContext context{origin.location, options_.default_language, now_};
    const std::size_t max_line = options_.max_line_bytes;
    jsonl::read([&](std::string& line,
                    bool& too_long) { return reader.next_line(line, max_line, too_long); },
                max_line, context,
                [this](Article&& article) {
                  if (stopping()) return false;
                  write(article);
                  return true;
                },
                [this](const std::string& error) {
                  ++summary_.skipped;
                  problem(error);
                });
  }

  void ingest_feed(const sources::Loaded& loaded) {
    const feed::Feed parsed = feed::parse(loaded.bytes, loaded.origin);
    const std::string& key =
        loaded.origin.base_url.empty() ? loaded.origin.location : loaded.origin.base_url;
    const NormalizeContext context{key, options_.default_language, now_};
    FeedWriteHooks hooks;
    hooks.on_problem = [this](const std::string& message) {
      ++summary_.skipped;
      problem(message);
    };
    hooks.on_article = [this] { report_progress(false); };
    hooks.should_stop = [this] { return stopping(); };
    try {
      write_feed(writer_, parsed, loaded.origin.location, context, "", hooks);
    } catch (const Xapian::Error& e) {
      // The database itself failed (disk full, corruption): fatal, the caller names the path.
      throw_database_failure(e);
    }
  }

  void write(const Article& article) {
    try {
      writer_.write(article);
    } catch (const Xapian::Error& e) {
      // The database itself failed (disk full, corruption): fatal, the caller names the path.
      throw_database_failure(e);
    }
    report_progress(false);
  }

  void report_progress(bool source_finished) {
    if (!options_.on_progress) return;
    const std::size_t articles = writer_.counts().written();
    if (!source_finished && articles % progress_every_articles != 0) return;
    options_.on_progress({done_, total_, articles, elapsed()});
  }

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  IngestSummary summary() {
    const WriteCounts& counts = writer_.counts();
    summary_.added = counts.added;
    summary_.updated = counts.updated;
    summary_.unchanged = counts.unchanged;
    summary_.seconds = elapsed();
    return summary_;
  }

  const IngestOptions& options_;
  Xapian::Database earlier_;
  IndexWriter writer_;
  const UnixSeconds now_;
  const Clock::time_point start_ = Clock::now();
  std::deque<sources::Source> queue_;
  std::set<std::string> visited_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  IngestSummary summary_;
};

}  // namespace

IngestSummary ingest(Xapian::WritableDatabase& db, const IngestOptions& options) {
  Pipeline pipeline(db, options);
  try {
    return pipeline.run();
  } catch (const Xapian::Error& e) {
    throw_database_failure(e);
  }
}

}  // namespace lede

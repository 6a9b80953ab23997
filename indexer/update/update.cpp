#include "indexer/update/update.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "indexer/feed/feed.hpp"
#include "indexer/feed_ingest.hpp"
#include "indexer/html_text.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/sources.hpp"
#include "indexer/subscriptions/subscription.hpp"
#include "indexer/update/autodiscovery.hpp"
#include "indexer/write_failure.hpp"

namespace lede::update {

namespace {

using Clock = std::chrono::steady_clock;
using subscriptions::Subscription;

// Bit set in a request's tag when the URL was found by autodiscovery (no second discovery).
constexpr std::size_t discovered_bit = std::size_t{1} << (sizeof(std::size_t) * 8 - 1);

// "URL: what" → "what": the subscription already names its URL.
std::string without_location(const std::string& error, const std::string& url) {
  const std::string prefix = url + ": ";
  return error.rfind(prefix, 0) == 0 ? error.substr(prefix.size()) : error;
}

class Updater {
 public:
  Updater(Xapian::WritableDatabase& db, const UpdateOptions& options)
      : db_(db),
        options_(options),
        writer_(db, options.commit_every),
        now_(std::time(nullptr)),
        random_(std::random_device{}()) {}

  UpdateSummary run() {
    std::vector<std::string> problems;
    subs_ = subscriptions::load_all(db_, &problems);
    for (const std::string& p : problems) problem(p);
    summary_.feeds = subs_.size();

    http::ParallelOptions fetch = options_.fetch;
    if (!fetch.fetch.should_stop) fetch.fetch.should_stop = options_.should_stop;
    http::ParallelFetcher fetcher(fetch);
    for (std::size_t i = 0; i < subs_.size(); ++i) {
      const Subscription& s = subs_[i];
      if (s.not_before > now_) continue;  // the server said when: even --force waits
      if (!options_.force && s.next_due > now_) continue;
      fetcher.add({s.url, {s.etag, s.last_modified}, i});
      ++summary_.due;
    }
    progress();
    fetcher.run([&](const http::Request& request, http::Result&& result) {
      if (stopping()) return;  // an aborted transfer is the interrupt, not the feed's fault
      handle(fetcher, request, std::move(result));
      ++done_;
      progress();
    });
    stopping();
    // Nothing changed (every feed answered 304 to an early re-check): no commit, no new
    // database revision.
    if (dirty_ || writer_.counts().added + writer_.counts().updated > 0) writer_.commit();
    const WriteCounts& counts = writer_.counts();
    summary_.added = counts.added;
    summary_.updated = counts.updated;
    summary_.unchanged = counts.unchanged;
    summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    return summary_;
  }

 private:
  void handle(http::ParallelFetcher& fetcher, const http::Request& request, http::Result&& r) {
    Subscription& s = subs_[request.tag & ~discovered_bit];
    const bool discovered = (request.tag & discovered_bit) != 0;
    if (!r.ok()) return failed(s, r.response, without_location(r.error, request.url));
    if (r.response.status == 304) return not_modified(s, r.response);
    const http::Response& response = r.response;

    if (looks_like_html(response.body, response.content_type)) {
      if (discovered) return failed(s, response, "the feed the page links to is an HTML page");
      const auto feeds = discover_feeds(response.body, response.final_url);
      if (feeds.empty()) {
        return failed(s, response,
                      "an HTML page that links to no feed (no <link rel=\"alternate\">)");
      }
      note(s.url + ": an HTML page; using the feed it links to: " + feeds.front());
      s.discovered_from = s.url;
      s.url = feeds.front();
      s.etag.clear();
      s.last_modified.clear();
      ++extra_fetches_;
      fetcher.add({s.url, {}, request.tag | discovered_bit});
      return;
    }
    if (sources::sniff(response.body) == sources::Format::opml) {
      return failed(s, response,
                    "an OPML list, not a feed (save it and run lede-index subscribe FILE)");
    }
    feed::Feed parsed;
    const feed::Origin origin{s.url, response.final_url, response.charset};
    try {
      parsed = feed::parse(response.body, origin);
    } catch (const Error& e) {
      return failed(s, response, without_location(e.what(), s.url));
    }
    if (response.moved_permanently && response.final_url != s.url) {
      note(s.url + ": moved permanently to " + response.final_url + "; subscription updated");
      s.url = response.final_url;
    }
    write(s, parsed, response.final_url);
    ++summary_.changed;
    s.title = html::to_line(parsed.title);
    s.etag = response.validators.etag;
    s.last_modified = response.validators.last_modified;
    s.interval = std::max(parsed.update_interval_seconds, max_age(response.cache_control));
    succeeded(s, response.status);
  }

  void write(const Subscription& s, const feed::Feed& parsed, const std::string& final_url) {
    const NormalizeContext context{
        final_url, s.language.empty() ? options_.default_language : s.language, now_};
    FeedWriteHooks hooks;
    hooks.on_problem = [this](const std::string& message) {
      ++summary_.skipped;
      problem(message);
    };
    hooks.should_stop = [this] { return stopping(); };
    try {
      write_feed(writer_, parsed, s.url, context, s.id, hooks);
    } catch (const Xapian::Error& e) {
      throw_write_failure(e);
    }
  }

  void not_modified(Subscription& s, const http::Response& response) {
    ++summary_.not_modified;
    // A 304 to an early re-check (--force before the feed was due) of a healthy feed changes
    // nothing worth a database write: its record and schedule stand as they are.
    const long hint = std::max(s.interval, max_age(response.cache_control));
    const bool healthy = s.consecutive_errors == 0 && s.last_error.empty() && s.last_fetched > 0;
    if (healthy && s.next_due > now_ && hint == s.interval) return;
    s.interval = hint;
    succeeded(s, response.status);
  }

  void succeeded(Subscription& s, long status) {
    s.last_fetched = now_;
    s.last_status = status;
    s.last_error.clear();
    s.consecutive_errors = 0;
    s.not_before = 0;
    s.next_due = next_due_after_success(now_, s.interval, options_.schedule);
    save(s);
  }

  void failed(Subscription& s, const http::Response& response, const std::string& what) {
    ++summary_.failed;
    problem(s.url + ": " + what);
    s.last_fetched = now_;
    s.last_status = response.status;
    s.last_error = what;
    ++s.consecutive_errors;
    const bool asked_to_wait = response.status == 429 || response.status == 503;
    const auto retry = asked_to_wait ? retry_after_time(response.retry_after, now_) : std::nullopt;
    if (retry) {
      s.not_before = std::min<UnixSeconds>(*retry, now_ + options_.schedule.retry_after_max);
      s.next_due = s.not_before;
    } else {
      s.next_due =
          next_due_after_failure(now_, s.consecutive_errors, unit_(random_), options_.schedule);
    }
    save(s);
  }

  void save(const Subscription& s) {
    try {
      subscriptions::save(db_, s);
    } catch (const Xapian::Error& e) {
      throw_write_failure(e);
    }
    dirty_ = true;
  }

  bool stopping() {
    if (!summary_.interrupted && options_.should_stop && options_.should_stop()) {
      summary_.interrupted = true;
    }
    return summary_.interrupted;
  }

  void problem(const std::string& message) {
    if (options_.on_problem) options_.on_problem(message);
  }
  void note(const std::string& message) {
    if (options_.on_note) options_.on_note(message);
  }
  void progress() {
    if (!options_.on_progress) return;
    options_.on_progress({done_, summary_.due + extra_fetches_, writer_.counts().written(),
                          std::chrono::duration<double>(Clock::now() - start_).count()});
  }

  Xapian::WritableDatabase& db_;
  const UpdateOptions& options_;
  IndexWriter writer_;
  const UnixSeconds now_;
  const Clock::time_point start_ = Clock::now();
  std::mt19937_64 random_;
  std::uniform_real_distribution<double> unit_{0.0, 1.0};
  std::vector<Subscription> subs_;
  UpdateSummary summary_;
  std::size_t done_ = 0;
  std::size_t extra_fetches_ = 0;  // feeds found by autodiscovery, fetched after their page
  bool dirty_ = false;
};

std::string seconds_text(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", seconds);
  return buffer;
}

}  // namespace

UpdateSummary run_update(Xapian::WritableDatabase& db, const UpdateOptions& options) {
  try {
    return Updater(db, options).run();
  } catch (const Xapian::Error& e) {
    throw_write_failure(e);
  }
}

std::string summary_line(const UpdateSummary& s) {
  std::string line =
      std::to_string(s.due) + " fetched of " + std::to_string(s.feeds) +
      " feeds: " + std::to_string(s.changed) + " changed, " + std::to_string(s.not_modified) +
      " not modified, " + std::to_string(s.failed) + " failed; " + std::to_string(s.added) +
      " articles added, " + std::to_string(s.updated) + " updated, " + std::to_string(s.unchanged) +
      " unchanged, " + std::to_string(s.skipped) + " skipped in " + seconds_text(s.seconds);
  if (s.interrupted) line += " (interrupted)";
  return line;
}

std::string summary_json(const UpdateSummary& s) {
  const nlohmann::json j = {
      {"feeds", s.feeds},     {"due", s.due},
      {"changed", s.changed}, {"not_modified", s.not_modified},
      {"failed", s.failed},   {"added", s.added},
      {"updated", s.updated}, {"unchanged", s.unchanged},
      {"skipped", s.skipped}, {"interrupted", s.interrupted},
      {"seconds", s.seconds},
  };
  return j.dump();
}

}  // namespace lede::update

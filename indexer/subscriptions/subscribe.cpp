#include "indexer/subscriptions/subscribe.hpp"

#include <filesystem>

#include "common/error.hpp"
#include "indexer/fetch.hpp"
#include "indexer/opml.hpp"
#include "indexer/sources.hpp"
#include "indexer/subscriptions/subscription.hpp"
#include "indexer/url.hpp"
#include "indexer/write_failure.hpp"

namespace lede::subscriptions {

namespace {

class Subscriber {
 public:
  Subscriber(Xapian::WritableDatabase& db, const SubscribeOptions& options)
      : db_(db), options_(options), all_(load_all(db)) {}

  SubscribeSummary run() {
    for (const std::string& argument : options_.arguments) {
      if (url::is_http(argument)) {
        add(argument);
      } else if (sources::has_scheme(argument) && !std::filesystem::exists(argument)) {
        refuse(argument + ": only http:// and https:// feeds can be subscribed");
      } else {
        add_opml(argument);
      }
    }
    db_.commit();
    return summary_;
  }

 private:
  void add(const std::string& url) {
    if (const Subscription* known = find(all_, url)) {
      Subscription updated = *known;
      if (!options_.name.empty()) updated.name = options_.name;
      if (!options_.language.empty()) updated.language = options_.language;
      save(db_, updated);
      ++summary_.already;
      note(url + ": already subscribed");
      return;
    }
    Subscription s;
    s.id = id_for(url);
    s.url = url;
    s.name = options_.name;
    s.language = options_.language;
    s.subscribed = options_.now;
    save(db_, s);
    all_.push_back(s);
    ++summary_.added;
    note("subscribed " + url);
  }

  void add_opml(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      refuse(path + ": neither an http(s) URL nor an OPML file");
      return;
    }
    try {
      http::FetchOptions limits;
      limits.max_bytes = options_.max_opml_bytes;
      const sources::Loaded loaded = sources::load({sources::Kind::file, path}, limits);
      if (sources::sniff(loaded.bytes) != sources::Format::opml) {
        refuse(path + ": not an OPML list (to index a feed file once, use lede-index add)");
        return;
      }
      const opml::Subscriptions listed = opml::read(loaded.bytes, loaded.origin);
      for (const std::string& error : listed.errors) refuse(error);
      for (const sources::Source& feed : listed.feeds) {
        if (feed.kind == sources::Kind::url) {
          add(feed.location);
        } else {
          refuse(path + ": " + feed.location + ": only http(s) feeds can be subscribed");
        }
      }
    } catch (const Error& e) {
      refuse(e.what());
    }
  }

  void refuse(const std::string& message) {
    ++summary_.failed;
    if (options_.on_problem) options_.on_problem(message);
  }

  void note(const std::string& message) {
    if (options_.on_note) options_.on_note(message);
  }

  Xapian::WritableDatabase& db_;
  const SubscribeOptions& options_;
  std::vector<Subscription> all_;
  SubscribeSummary summary_;
};

}  // namespace

SubscribeSummary subscribe(Xapian::WritableDatabase& db, const SubscribeOptions& options) {
  try {
    return Subscriber(db, options).run();
  } catch (const Xapian::Error& e) {
    throw_write_failure(e);
  }
}

std::vector<std::string> unsubscribe(Xapian::WritableDatabase& db,
                                     const std::vector<std::string>& urls_or_ids) {
  std::vector<std::string> unknown;
  try {
    const std::vector<Subscription> all = load_all(db);
    for (const std::string& argument : urls_or_ids) {
      const Subscription* s = find(all, argument);
      if (s) {
        remove(db, *s);
      } else {
        unknown.push_back(argument);
      }
    }
    db.commit();
  } catch (const Xapian::Error& e) {
    throw_write_failure(e);
  }
  return unknown;
}

}  // namespace lede::subscriptions

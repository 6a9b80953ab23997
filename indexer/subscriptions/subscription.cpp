#include "indexer/subscriptions/subscription.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"

namespace lede::subscriptions {

std::string id_for(std::string_view url) {
  return text::hex_hash(url);
}

std::string key_of(const Subscription& subscription) {
  return std::string(key_prefix) + subscription.id;
}

std::string to_json(const Subscription& s) {
  const nlohmann::json j = {
      {"id", s.id},
      {"url", s.url},
      {"name", s.name},
      {"language", s.language},
      {"title", s.title},
      {"discovered_from", s.discovered_from},
      {"subscribed", s.subscribed},
      {"etag", s.etag},
      {"last_modified", s.last_modified},
      {"last_fetched", s.last_fetched},
      {"last_status", s.last_status},
      {"last_error", s.last_error},
      {"consecutive_errors", s.consecutive_errors},
      {"next_due", s.next_due},
      {"not_before", s.not_before},
      {"interval", s.interval},
  };
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Subscription from_json(std::string_view json) {
  const auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("url") || !j.contains("id")) {
    throw Error("not a subscription record");
  }
  try {
    Subscription s;
    s.id = j.value("id", "");
    s.url = j.value("url", "");
    s.name = j.value("name", "");
    s.language = j.value("language", "");
    s.title = j.value("title", "");
    s.discovered_from = j.value("discovered_from", "");
    s.subscribed = j.value("subscribed", UnixSeconds{0});
    s.etag = j.value("etag", "");
    s.last_modified = j.value("last_modified", "");
    s.last_fetched = j.value("last_fetched", UnixSeconds{0});
    s.last_status = j.value("last_status", 0L);
    s.last_error = j.value("last_error", "");
    s.consecutive_errors = j.value("consecutive_errors", 0L);
    s.next_due = j.value("next_due", UnixSeconds{0});
    s.not_before = j.value("not_before", UnixSeconds{0});
    s.interval = j.value("interval", 0L);
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("not a subscription record: ") + e.what());
  }
}

std::vector<Subscription> load_all(const Xapian::Database& db, std::vector<std::string>* problems) {
  std::vector<Subscription> out;
  const std::string prefix(key_prefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const std::string key = *it;
    try {
      out.push_back(from_json(db.get_metadata(key)));
    } catch (const Error& e) {
      if (problems) problems->push_back(key + ": " + e.what());
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Subscription& a, const Subscription& b) { return a.url < b.url; });
  return out;
}

void save(Xapian::WritableDatabase& db, const Subscription& subscription) {
  db.set_metadata(key_of(subscription), to_json(subscription));
}

void remove(Xapian::WritableDatabase& db, const Subscription& subscription) {
  db.set_metadata(key_of(subscription), "");  // an empty value deletes the key
}

const Subscription* find(const std::vector<Subscription>& all, std::string_view url_or_id) {
  for (const Subscription& s : all) {
    if (s.url == url_or_id || s.id == url_or_id || s.id == id_for(url_or_id)) return &s;
  }
  return nullptr;
}

Xapian::doccount article_count(const Xapian::Database& db, const Subscription& subscription) {
  return db.get_termfreq(schema::boolean_term(schema::feed(), subscription.id));
}

}  // namespace lede::subscriptions

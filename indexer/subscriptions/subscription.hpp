/**
 * @file
 * @brief A subscribed feed and its fetch state, as kept in the archive's user metadata.
 *
 * One metadata key per feed, `lede.feed:` + the feed's id, holding one JSON object (see
 * docs/schema.md, "Database metadata"). The id is a hash of the URL first subscribed and
 * never changes, so a feed keeps its key, and its articles keep their `XF` term, when a
 * permanent redirect or autodiscovery gives it a new URL.
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1WritableDatabase.html (set_metadata)
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"

namespace lede::subscriptions {

/// Metadata key prefix of the subscription records.
inline constexpr std::string_view key_prefix = "lede.feed:";

struct Subscription {
  std::string id;        ///< 16 hex digits (FNV-1a of the URL first subscribed); never changes
  std::string url;       ///< where the feed is fetched now
  std::string name;      ///< the user's name for it (`subscribe --name`), "" if none
  std::string language;  ///< `subscribe --language`, "" to use the global --language
  std::string title;     ///< the feed's own title, from the last fetch that parsed it
  std::string discovered_from;  ///< the HTML page the feed was found on, "" if none
  UnixSeconds subscribed = 0;

  // Fetch state, written by `update`.
  std::string etag;              ///< validators of the last 200, sent back (conditional GET)
  std::string last_modified;     ///<
  UnixSeconds last_fetched = 0;  ///< time of the last attempt, 0 if never
  long last_status = 0;          ///< HTTP status of the last attempt, 0 if no answer
  std::string last_error;        ///< "" when the last attempt succeeded
  long consecutive_errors = 0;
  UnixSeconds next_due = 0;    ///< the schedule: not fetched before this (0: now)
  UnixSeconds not_before = 0;  ///< the server's Retry-After: not even --force asks earlier
  long interval = 0;           ///< seconds the feed or server asked for (ttl, max-age), 0 if none

  /// The name to show: the user's, else the feed's title, else "".
  const std::string& display_name() const { return name.empty() ? title : name; }
};

/// The id of a feed first subscribed at `url`.
std::string id_for(std::string_view url);

/// The metadata key of a subscription.
std::string key_of(const Subscription& subscription);

std::string to_json(const Subscription& subscription);
/// Throws lede::Error when `json` is not a subscription record.
Subscription from_json(std::string_view json);

/// Every subscription recorded in `db`, sorted by URL. A record that cannot be read is skipped
/// and described in `problems` ("lede.feed:ID: what").
std::vector<Subscription> load_all(const Xapian::Database& db,
                                   std::vector<std::string>* problems = nullptr);

/// Writes (or replaces) the record; it is committed with the database's next commit.
void save(Xapian::WritableDatabase& db, const Subscription& subscription);

/// Deletes the record (the feed's articles stay: it is an archive).
void remove(Xapian::WritableDatabase& db, const Subscription& subscription);

/// The subscription whose URL, first URL (id) or id is `url_or_id`; nullptr if none.
const Subscription* find(const std::vector<Subscription>& all, std::string_view url_or_id);

/// Articles indexed from this feed (by `update`): the frequency of its `XF` term, no scan.
Xapian::doccount article_count(const Xapian::Database& db, const Subscription& subscription);

}  // namespace lede::subscriptions

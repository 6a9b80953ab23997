/**
 * @file
 * @brief `lede-index subscribe` and `unsubscribe`: adding and removing subscription records.
 *
 * Nothing is fetched here: the next `lede-index update` fetches a new feed (and, when the URL
 * is an HTML page, finds the feed it links to).
 */
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"

namespace lede::subscriptions {

struct SubscribeOptions {
  /// http(s) feed URLs, and OPML files (local paths) whose listed feeds are subscribed.
  std::vector<std::string> arguments;
  std::string name;      ///< for every feed subscribed by this call, "" for none
  std::string language;  ///< likewise
  std::size_t max_opml_bytes = 64 * 1024 * 1024;  ///< a larger OPML file is refused unread
  UnixSeconds now = 0;
  std::function<void(const std::string&)> on_problem;  ///< "ARGUMENT: what"
  std::function<void(const std::string&)> on_note;     ///< "subscribed URL", "already …"
};

struct SubscribeSummary {
  std::size_t added = 0;
  std::size_t already = 0;  ///< already subscribed (name and language updated when given)
  std::size_t failed = 0;   ///< arguments or OPML entries refused
};

/// Records the feeds and commits. Throws lede::Error only when the database fails.
SubscribeSummary subscribe(Xapian::WritableDatabase& db, const SubscribeOptions& options);

/// Removes the subscriptions named by URL or id and commits; their articles stay. Returns the
/// arguments that named no subscription.
std::vector<std::string> unsubscribe(Xapian::WritableDatabase& db,
                                     const std::vector<std::string>& urls_or_ids);

}  // namespace lede::subscriptions

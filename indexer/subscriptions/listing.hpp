/**
 * @file
 * @brief `lede-index feeds` and `export-opml`: the subscriptions, for people and for scripts.
 */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"
#include "indexer/subscriptions/subscription.hpp"

namespace lede::subscriptions {

struct FeedRow {
  Subscription subscription;
  Xapian::doccount articles = 0;
};

/// Every subscription with its article count.
std::vector<FeedRow> list_feeds(const Xapian::Database& db);

/// One block per feed: the URL, then name, articles, last fetch and status, next due, errors.
/// Text from the feed (titles, error messages) is sanitised for the terminal.
std::string format_feeds(const std::vector<FeedRow>& rows, UnixSeconds now);

/// JSON Lines, one object per feed: id, url, name, title, language, articles, last_fetched,
/// next_due (RFC 3339 or null), last_status (number, 0 if no answer), last_error (string or
/// null), consecutive_errors, etag, last_modified, discovered_from (string or null).
std::string feeds_json(const std::vector<FeedRow>& rows);

/// An OPML 2.0 subscription list of every feed (text = the display name, xmlUrl = the URL,
/// language when set). `lede-index subscribe` reads it back.
/// @see http://opml.org/spec2.opml ("subscriptionLists")
std::string export_opml(const std::vector<Subscription>& subscriptions);

}  // namespace lede::subscriptions

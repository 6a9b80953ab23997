/**
 * @file
 * @brief One parsed feed into the archive: normalise every item and write it. The step that
 *        `lede-index add` (indexer/ingest.cpp) and `lede-index update` share.
 */
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "indexer/feed/feed.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/normalize.hpp"

namespace lede {

struct FeedWriteHooks {
  /// "LOCATION:LINE: what" for an item that cannot become an article; the feed goes on.
  std::function<void(const std::string&)> on_problem;
  /// Called after every article written.
  std::function<void()> on_article;
  /// Polled between items; true stops.
  std::function<bool()> should_stop;
};

/// Normalises each item of `parsed` (read from `location`) with `context`, tags it with
/// `feed_id` (the subscription, "" for none) and writes it. Returns the number of items
/// skipped. Xapian errors (the database itself failing) propagate.
std::size_t write_feed(IndexWriter& writer, const feed::Feed& parsed, const std::string& location,
                       const NormalizeContext& context, const std::string& feed_id,
                       const FeedWriteHooks& hooks);

}  // namespace lede

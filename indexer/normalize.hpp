/**
 * @file
 * @brief Feed item → Article: HTML to text, the date fallback chain, identity, language.
 */
#pragma once

#include <string>

#include "common/article.hpp"
#include "indexer/feed/feed.hpp"

namespace lede {

struct NormalizeContext {
  std::string feed_key;                 ///< feed URL or file path (identity of last resort)
  std::string default_language = "en";  ///< --language, used when neither item nor feed says
  UnixSeconds now = 0;                  ///< "first seen" time, and the bar for future dates
};

/// Builds the article for one item of `feed`. Throws lede::Error when the item cannot become an
/// article (no title, no link, no content at all); the message has no location, the caller
/// puts "FILE:LINE: " in front.
Article normalize(const feed::Item& item, const feed::Feed& feed, const NormalizeContext& ctx);

}  // namespace lede

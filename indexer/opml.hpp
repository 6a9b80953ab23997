/**
 * @file
 * @brief OPML subscription lists: the feeds an OPML file lists (pugixml).
 *
 * Every outline with an xmlUrl, at any depth. A relative xmlUrl is resolved against the OPML's
 * own URL, or taken as a path beside a local OPML file. Only http(s) URLs and local paths are
 * followed: file:, ftp:, javascript: and the like are refused, each with its own message.
 * @see http://opml.org/spec2.opml ("subscriptionLists")
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/feed/feed.hpp"
#include "indexer/sources.hpp"

namespace lede::opml {

struct Subscriptions {
  std::vector<sources::Source> feeds;
  std::vector<std::string> errors;  ///< "LOCATION:LINE: what", one per refused outline
};

/// The feeds listed by the OPML document `bytes` read from `origin`. Throws lede::Error
/// "LOCATION[:LINE]: what" when the bytes are not well-formed OPML.
Subscriptions read(std::string_view bytes, const feed::Origin& origin);

}  // namespace lede::opml

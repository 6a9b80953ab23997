/**
 * @file
 * @brief The per-format parsers behind feed::parse (one source file each).
 */
#pragma once

#include <string_view>

#include "indexer/feed/feed.hpp"
#include "indexer/feed/xml_support.hpp"

namespace lede::feed {

/// RSS 0.90/0.91/0.92/2.0 (root <rss> or <channel>) and RSS 1.0 (root <rdf:RDF>).
Feed parse_rss(const xml::ParseInput& input);

/// Atom 1.0 and 0.3 (root <feed>).
Feed parse_atom(const xml::ParseInput& input);

/// JSON Feed 1.0/1.1, from UTF-8 text. Throws lede::Error naming origin and line when the JSON
/// is malformed or is not a JSON Feed.
Feed parse_json_feed(std::string_view utf8, const Origin& origin);

}  // namespace lede::feed

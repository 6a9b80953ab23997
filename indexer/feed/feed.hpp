/**
 * @file
 * @brief A parsed feed: the plain-data hand-off from the feed parsers to normalisation.
 *
 * Text keeps the type the feed declared (HTML or plain) so that normalisation decodes it
 * exactly once; links are already absolute (resolved against xml:base / the feed link);
 * dates are kept as written, each with where it came from.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace lede::feed {

/// A text construct as the feed declared it.
struct Text {
  std::string value;
  bool is_html = false;  ///< true: HTML to parse (RSS description, Atom type="html"/"xhtml")
};

/// A date as written in the feed, with the element it came from.
struct RawDate {
  std::string text;
  DateSource source = DateSource::published;
};

struct Item {
  Text title;
  std::string link;  ///< absolute, or "" when none
  std::string guid;
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::string language;  ///< the item's own (xml:lang, dc:language); "" to inherit
  Text summary;          ///< description / atom:summary / summary
  Text content;          ///< the richest full content: content:encoded, atom:content, content_html
  std::vector<RawDate> dates;  ///< every date the item has, any order
  std::size_t line = 0;        ///< 1-based line of the item in its file, 0 if unknown
};

struct Feed {
  std::string format;  ///< "rss2.0", "rss0.91", "rss1.0", "atom1.0", "atom0.3", "json1.1", …
  std::string title;
  std::string link;            ///< absolute
  std::string language;        ///< feed-level language, "" if none
  std::vector<RawDate> dates;  ///< the feed's own dates (lastBuildDate, pubDate, updated)
  /// Seconds the feed asks readers to wait between fetches: RSS 2.0 <ttl> (minutes) or the
  /// syndication module's sy:updatePeriod / sy:updateFrequency; 0 when it says nothing.
  /// @see https://www.rssboard.org/rss-specification#ltttlgtSubelementOfLtchannelgt
  /// @see https://web.resource.org/rss/1.0/modules/syndication/
  long update_interval_seconds = 0;
  std::vector<Item> items;
};

/// Where the bytes came from: for error messages, base URLs and the HTTP charset.
struct Origin {
  std::string location;      ///< file path or URL, as the user gave it
  std::string base_url;      ///< URL to resolve relative links against ("" for local files)
  std::string http_charset;  ///< charset parameter of Content-Type, "" if none
};

/// Detects the format and parses any supported feed (RSS 0.9x/2.0, RSS 1.0, Atom 0.3/1.0,
/// JSON Feed 1.0/1.1) from raw bytes in any supported encoding. Throws lede::Error naming
/// origin.location (and the line where known) when the bytes are not a feed.
Feed parse(std::string_view bytes, const Origin& origin);

}  // namespace lede::feed

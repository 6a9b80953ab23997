/**
 * @file
 * @brief The article: the plain-data hand-off between the feed side and the index.
 *
 * fetch → parse feed → normalise → **Article** → Xapian document. Every text field is plain
 * UTF-8 text (HTML already turned into text, entities decoded); times are UTC.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

/// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

/// Where an article's published time came from, in the order of preference.
enum class DateSource {
  published,   ///< the item's own publication date (pubDate, atom:published, date_published)
  updated,     ///< the item's update time (atom:updated, date_modified)
  dc_date,     ///< the item's dc:date
  feed,        ///< the feed's own date (lastBuildDate, channel pubDate, feed updated)
  first_seen,  ///< none of the above: the time lede first saw the item
};

std::string_view to_string(DateSource source);
/// Inverse of to_string; unknown names give DateSource::first_seen.
DateSource date_source_from_string(std::string_view name);

struct Article {
  std::string id;     ///< identity: canonical link, else guid, else hash (see indexer/identity)
  std::string title;  ///< plain text for display
  std::string link;   ///< absolute http(s) URL, or empty
  std::string guid;
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::string source;    ///< feed title (display name of where it came from)
  std::string feed;      ///< id of the subscription it was fetched for, "" if none (`update`)
  std::string host;      ///< host name of the link (or of the feed when there is no link)
  std::string language;  ///< ISO 639-1 code such as "en"
  std::string summary;   ///< plain text
  std::string body;      ///< plain text; paragraphs separated by "\n\n"
  UnixSeconds published = 0;
  DateSource date_source = DateSource::first_seen;
  bool future_date = false;  ///< published lies in the future of the time it was indexed
};

}  // namespace lede

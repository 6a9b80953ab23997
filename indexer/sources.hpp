/**
 * @file
 * @brief What a SOURCE argument names, where its bytes come from, and what format they are.
 *
 * A SOURCE is an http(s) URL, `-` (standard input), a folder (every feed file in it,
 * recursively, in sorted order) or a file. The format is decided by the bytes, never by the name:
 * OPML, JSON Lines (the dump schema of ../shared/corpus/README.md), JSON Feed or an XML feed.
 */
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/feed/feed.hpp"
#include "indexer/fetch.hpp"

namespace lede::sources {

enum class Kind { url, standard_input, file };

struct Source {
  Kind kind = Kind::file;
  std::string location;  ///< the URL, the path, or "-"
  friend bool operator==(const Source&, const Source&) = default;
};

/// Sources, and one "LOCATION: what" message per argument that names nothing usable.
struct Expansion {
  std::vector<Source> sources;
  std::vector<std::string> errors;
};

/// Expands command-line SOURCE arguments in order; a folder becomes its feed files, sorted.
Expansion expand(const std::vector<std::string>& arguments);

/// Whether a file found in a folder is taken as a feed: a feed extension (.xml .rss .atom .rdf
/// .json .jsonl .opml, any case), or else contents that start like XML or JSON. Hidden files
/// (".name") are never taken.
bool is_feed_file(const std::filesystem::path& path);

/// The bytes of a source, with where they came from (base URL and HTTP charset for URLs).
struct Loaded {
  std::string bytes;
  feed::Origin origin;
};

/// Reads a file or standard input, or fetches a URL. Throws lede::Error "LOCATION: what".
Loaded load(const Source& source, const http::FetchOptions& fetch_options);

enum class Format { xml_feed, json_feed, json_lines, opml };

/// Decides the format from the bytes: an XML document whose root element is <opml>; JSON whose
/// first non-blank line is a whole object with a "title", "body" or "published" key and no JSON
/// Feed "version" (JSON Lines); other JSON (JSON Feed); anything else is handed to the feed
/// parser as XML.
Format sniff(std::string_view bytes);

/// True when `text` starts with a URL scheme ("http:", "ftp:", "javascript:", …).
bool has_scheme(std::string_view text);

}  // namespace lede::sources

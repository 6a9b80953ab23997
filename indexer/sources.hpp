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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/feed/feed.hpp"
#include "indexer/fetch.hpp"
#include "indexer/source_reader.hpp"

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
/// Database folders (a Xapian database, or one holding lede-writer.lock) are never walked.
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

/// A source ready to be read: a file or standard input streams, a URL is fetched whole (up to
/// fetch_options.max_bytes).
struct Opened {
  std::unique_ptr<SourceReader> reader;
  feed::Origin origin;
};

/// Opens a file or standard input, or fetches a URL. Throws lede::Error "LOCATION: what".
Opened open(const Source& source, const http::FetchOptions& fetch_options);

/// The whole of a source: open() and read_all(fetch_options.max_bytes).
Loaded load(const Source& source, const http::FetchOptions& fetch_options);

/// How much of a source sniff() is given: a JSON Lines record longer than this is recognised
/// by the keys in its first part.
inline constexpr std::size_t sniff_bytes = 1 << 20;

enum class Format { xml_feed, json_feed, json_lines, opml };

/// Decides the format from the bytes (or the first sniff_bytes of them): an XML document whose
/// root element is <opml>; JSON whose first non-blank line is an object with a "title", "body" or
/// "published" key and no JSON Feed "version" or "items" (JSON Lines); other JSON (JSON Feed);
/// anything else is handed to the feed parser as XML. A first line cut off by the end of
/// `bytes` is judged by the keys before the cut.
Format sniff(std::string_view bytes);

/// True when `text` starts with a URL scheme ("http:", "ftp:", "javascript:", …).
bool has_scheme(std::string_view text);

}  // namespace lede::sources

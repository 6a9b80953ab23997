/**
 * @file
 * @brief JSON Lines article dumps → Articles (nlohmann-json).
 *
 * One JSON object per line with the keys of ../shared/corpus/README.md: id, title, body,
 * summary, published (RFC 3339), link, source, categories (and places, not indexed). The
 * record's "id" is the article's guid; its identity is article_identity's, as for feed items,
 * so a story read from a dump and from a feed with the same link is the same article.
 */
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/article.hpp"

namespace lede::jsonl {

struct ReadContext {
  std::string location;                 ///< file path or "<stdin>", for messages and identity
  std::string default_language = "en";  ///< records carry no language of their own
  UnixSeconds now = 0;                  ///< first-seen time and the bar for future dates
};

/// Called per article; returning false stops the reading (an interrupt).
using ArticleSink = std::function<bool(Article&&)>;
/// Called per bad line with "LOCATION:LINE: what".
using ErrorSink = std::function<void(const std::string&)>;

/// Where lines come from: fills `line` (without its "\n") and returns true, or returns false at
/// the end; a line over the cap comes as `too_long` (and empty).
using LineSource = std::function<bool(std::string& line, bool& too_long)>;

/// Reads every non-blank line from `next_line`. A bad line, or one longer than `max_line_bytes`,
/// is reported and skipped; the rest goes on.
void read(const LineSource& next_line, std::size_t max_line_bytes, const ReadContext& context,
          const ArticleSink& on_article, const ErrorSink& on_error);

/// Reads every non-blank line of `bytes` (no line cap).
void read(std::string_view bytes, const ReadContext& context, const ArticleSink& on_article,
          const ErrorSink& on_error);

}  // namespace lede::jsonl

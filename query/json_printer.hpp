/**
 * @file
 * @brief The output for scripts: JSON Lines, one "hit" object per result, then a "summary".
 *
 * The contract (fields, types, byte offsets) is docs/json.md. Every string is sanitised
 * (text::sanitize_for_terminal: control characters and escape sequences removed) before JSON
 * escaping, because a script may well print what it reads to a terminal.
 */
#pragma once

#include <cstdint>
#include <ostream>

#include "query/highlight_terms.hpp"
#include "query/search.hpp"
#include "query/snippet.hpp"

namespace lede::query {

/// One {"type":"hit",…} line.
void print_json_hit(std::ostream& out, const Hit& hit, const HighlightTerms& terms,
                    const SnippetOptions& snippet_options);

/// The closing {"type":"summary",…} line; `elapsed_us` is the time spent searching and
/// making snippets.
void print_json_summary(std::ostream& out, const SearchRequest& request, const SearchResult& result,
                        std::int64_t elapsed_us);

}  // namespace lede::query

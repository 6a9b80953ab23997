/**
 * @file
 * @brief Snippets: windows of an article's text around the matches, with highlight spans.
 *
 * Why not Xapian::MSet::snippet()? It returns a single window as HTML-escaped text with the
 * highlights marked inline ("<b>…</b>"), and measures its length in bytes: no offsets for a
 * JSON reader, no separate fragments, and HTML escaping that a terminal and a JSON consumer
 * would have to undo (our text was unescaped once, at index time, and must stay as it is).
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1MSet.html (MSet::snippet)
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query/highlight_terms.hpp"
#include "query/word_matches.hpp"

namespace lede::query {

/// What joins two fragments of one snippet.
inline constexpr std::string_view fragment_separator = " … ";

struct Snippet {
  std::string text;         ///< plain, sanitised, single-line UTF-8
  std::vector<Span> spans;  ///< highlighted byte ranges of `text`, in order, disjoint
  bool cut_start = false;   ///< `text` starts after the start of the original
  bool cut_end = false;     ///< `text` ends before the end of the original
};

struct SnippetOptions {
  std::size_t length = 200;  ///< characters per window (a word longer than that is kept whole)
  unsigned fragments = 1;    ///< at most this many windows, joined by fragment_separator
};

/// Windows of `text` around its densest matches: up to `options.fragments` windows that do
/// not overlap, in text order; without any match, the start of the text. `text` is plain
/// UTF-8 (unescaped once by the indexer, never again here); it is sanitised
/// (text::sanitize_for_terminal) and its whitespace folded before anything is measured, so
/// the spans index the text the caller receives. Windows end on character boundaries, and on
/// word boundaries when one is near.
Snippet make_snippet(std::string_view text, const FieldHighlights& terms,
                     const Xapian::Stem& stemmer, const SnippetOptions& options = {});

/// All of `text` (a title), sanitised, with every match highlighted.
Snippet highlight_whole(std::string_view text, const FieldHighlights& terms,
                        const Xapian::Stem& stemmer);

}  // namespace lede::query

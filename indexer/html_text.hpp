/**
 * @file
 * @brief HTML → plain text, with libxml2's HTML parser (HTMLparser.h).
 *
 * Feeds carry HTML in descriptions and content; lede stores and indexes plain text. Entities
 * are decoded exactly once, <script>/<style>/<head> content dropped, block elements become
 * paragraph breaks, whitespace is folded.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lede::html {

/// Body text: paragraphs (p, div, br-runs, li, h1–h6, blockquote, tr, …) separated by "\n\n",
/// whitespace inside a paragraph folded to single spaces. Malformed HTML never fails.
///
/// - Input is UTF-8 whatever a <meta charset> says; invalid bytes become U+FFFD.
/// - Text without "<" or "&" is returned as it is, whitespace folded ("AT&T", "5 < 6" survive
///   either way: libxml2 keeps what cannot be a tag or an entity).
/// - Any run of <br> ends the paragraph, so the output holds no newline but "\n\n".
/// - Hidden: head, title, script, style, noscript, template, iframe, object, svg, form
///   controls; images give no text (alt text is not article text).
/// - Table cells are separated by a space, rows are paragraphs.
std::string to_text(std::string_view html);

/// One line: like to_text, but every break becomes one space (titles, names).
std::string to_line(std::string_view html);

/// Each thread reuses one libxml2 parser context, whose dictionary keeps every element and
/// attribute name it has met (htmlCtxtReset does not empty it): feeds that invent names would
/// grow it for as long as lede-index runs. Past this many bytes the context is replaced.
inline constexpr std::size_t max_parser_dictionary_bytes = 1 << 20;

/// Bytes the calling thread's parser dictionary holds now (0 before the first parse).
std::size_t parser_dictionary_bytes();

}  // namespace lede::html

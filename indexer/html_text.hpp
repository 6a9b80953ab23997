/**
 * @file
 * @brief HTML → plain text, with libxml2's HTML parser (HTMLparser.h).
 *
 * Feeds carry HTML in descriptions and content; lede stores and indexes plain text. Entities
 * are decoded exactly once, <script>/<style>/<head> content dropped, block elements become
 * paragraph breaks, whitespace is folded.
 */
#pragma once

#include <string>
#include <string_view>

namespace lede::html {

/// Body text: paragraphs (p, div, br-runs, li, h1–h6, blockquote, tr, …) separated by "\n\n",
/// whitespace inside a paragraph folded to single spaces. Malformed HTML never fails.
std::string to_text(std::string_view html);

/// One line: like to_text, but every break becomes one space (titles, names).
std::string to_line(std::string_view html);

}  // namespace lede::html

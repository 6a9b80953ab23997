/**
 * @file
 * @brief English stop words: function words that would otherwise drown a query.
 *
 * Based on the Snowball English stop list (snowballstem.org/algorithms/english/stop.txt),
 * shortened: words that are also news entities when capitalised ("US", "WHO") are kept
 * searchable, and so are negations, which change a story's meaning ("not guilty").
 */
#pragma once

#include <span>
#include <string_view>

#include <xapian.h>

namespace lede::query {

/// The stop words, lower case.
std::span<const std::string_view> english_stop_words();

/// A stopper holding english_stop_words(), reference-counted (Stopper::release()): give it to
/// a QueryParser, which then owns it. The parser drops stop words unless they are in a
/// phrase, `+`required, or all the query has.
const Xapian::Stopper* new_english_stopper();

}  // namespace lede::query

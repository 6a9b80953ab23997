/**
 * @file
 * @brief What to highlight: the words and phrases of the Xapian query that was run.
 *
 * Walks the query tree (Query::get_type / get_num_subqueries / get_subquery) and keeps the
 * positive, weighted terms: the right-hand side of FILTER and AND_NOT, boolean filter terms
 * and value ranges never highlight anything. Terms are compared by stem, with the stemmer the
 * query was parsed with, so "Zbank" and "bank" both highlight "banks" and "Banking". Phrases
 * (OP_PHRASE) highlight only where their words are adjacent. Prefixes come from
 * common/schema.hpp: title-prefixed terms apply to titles, unprefixed ones to titles and text.
 */
#pragma once

#include <bitset>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace lede::query {

/// What to highlight in one kind of text (a title, or an article's text).
struct FieldHighlights {
  std::set<std::string> stems;  ///< a word matches when the stem of its lower case is here
  std::vector<std::string> wildcard_prefixes;     ///< a word matches when it starts with one
  std::vector<std::vector<std::string>> phrases;  ///< stems of words that must be adjacent
  /// Set when the stemmer never changes a word's first byte (see highlight_terms.cpp): the
  /// first bytes of the stems, phrase words and wildcard prefixes above. A word that starts
  /// with any other byte cannot match, and need not be stemmed.
  std::optional<std::bitset<256>> first_bytes;

  bool empty() const { return stems.empty() && wildcard_prefixes.empty() && phrases.empty(); }
  /// False only for a word that cannot match: its stem need not be made.
  bool may_match(std::string_view lowered_word) const {
    return !first_bytes || lowered_word.empty() ||
           first_bytes->test(static_cast<unsigned char>(lowered_word.front()));
  }
};

struct HighlightTerms {
  Xapian::Stem stemmer;  ///< the query's stemmer: words are compared by stem(lower(word))
  FieldHighlights title;
  FieldHighlights text;  ///< summary and body
};

/// The terms of `query` worth highlighting, compared with `stemmer` (the one the query was
/// parsed with).
HighlightTerms highlight_terms(const Xapian::Query& query, const Xapian::Stem& stemmer);

/// The key a word of article text is compared by: stem(lower(word)), or the lower-cased
/// word itself when the stemmer leaves nothing.
std::string word_key(const Xapian::Stem& stemmer, std::string_view lowered_word);

}  // namespace lede::query

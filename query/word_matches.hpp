/**
 * @file
 * @brief Where the highlight terms occur in a text: its words, split the way Xapian's
 * TermGenerator splits them, and the byte spans of the words and phrases that match.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query/highlight_terms.hpp"

namespace lede::query {

/// A half-open range [begin, end) of byte offsets into a UTF-8 string.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

struct Word {
  Span span;            ///< where the word is in the text
  std::string lowered;  ///< lower-cased, apostrophes normalised: what TermGenerator indexes
};

/// A match of a query word or phrase; `key` names what matched (for counting distinct terms).
struct Match {
  Span span;
  std::string key;
};

/// Splits UTF-8 text into words with the rules of Xapian's TermGenerator (1.4): runs of
/// Unicode::is_wordchar characters, joined across an apostrophe or "&" between letters
/// ("don't", "AT&T") and across "," "." between digits ("1,750.5"), with up to three trailing
/// "+" or "#" ("C++"), and initials ("U.S.") as one word.
std::vector<Word> split_words(std::string_view text);

/// The matches of `terms` among `words`, in text order, overlapping ones merged.
std::vector<Match> find_matches(const std::vector<Word>& words, const FieldHighlights& terms,
                                const Xapian::Stem& stemmer);

}  // namespace lede::query

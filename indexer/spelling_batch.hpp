/**
 * @file
 * @brief Spelling data ("did you mean") for a batch of documents, added to the database once
 * per distinct word at commit instead of once per word occurrence.
 *
 * Xapian's TermGenerator with FLAG_SPELLING calls WritableDatabase::add_spelling(word) for
 * every word of unprefixed text (xapian-core termgenerator_internal.cc); each call searches a
 * std::map of the batch's words, which was about a tenth of lede-index's time. The same counts
 * come from the built document: every occurrence of an unprefixed word is one of its positions.
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1WritableDatabase.html (add_spelling)
 */
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace lede {

class SpellingBatch {
 public:
  /// Counts the unprefixed words of `doc` (built with positions), once per occurrence.
  void add_words_of(const Xapian::Document& doc);

  /// Adds the counted words to `db`'s spelling data (before its commit) and forgets them.
  void flush_into(Xapian::WritableDatabase& db);

  std::size_t distinct_words() const { return frequencies_.size(); }

 private:
  std::unordered_map<std::string, Xapian::termcount> frequencies_;
};

}  // namespace lede

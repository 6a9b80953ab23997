#include "indexer/spelling_batch.hpp"

namespace lede {

namespace {

// Prefixes are capitals and stemmed terms start with "Z" (Xapian's conventions, see
// common/schema.hpp); words of unprefixed text are lower-cased by the TermGenerator.
bool is_unprefixed_word(const std::string& term) {
  return !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z');
}

}  // namespace

void SpellingBatch::add_words_of(const Xapian::Document& doc) {
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    const std::string word = *term;
    const Xapian::termcount occurrences = term.positionlist_count();
    if (occurrences == 0 || !is_unprefixed_word(word)) continue;
    frequencies_[word] += occurrences;
  }
}

void SpellingBatch::flush_into(Xapian::WritableDatabase& db) {
  for (const auto& [word, frequency] : frequencies_) db.add_spelling(word, frequency);
  frequencies_.clear();
}

}  // namespace lede

/**
 * @file
 * @brief A stemmer that remembers: news text repeats its words, and Snowball stemming each
 * occurrence again was a visible part of indexing, and of snippets (every word of every hit
 * is stemmed to find the query's words in it).
 *
 * Wraps a Xapian::Stem in a Xapian::StemImplementation (the documented way to give the
 * TermGenerator a user stemmer) with a hash map from word to stem. The map is bounded: when it
 * holds `max_words` words it is emptied and fills again, so memory stays flat on any corpus.
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1StemImplementation.html
 */
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace lede {

class StemCache : public Xapian::StemImplementation {
 public:
  static constexpr std::size_t default_max_words = 100'000;

  explicit StemCache(Xapian::Stem stemmer, std::size_t max_words = default_max_words);

  std::string operator()(const std::string& word) override;
  std::string get_description() const override;

 private:
  Xapian::Stem stemmer_;
  std::size_t max_words_;
  std::unordered_map<std::string, std::string> stems_;
};

/// `stemmer` with a StemCache in front (Xapian::Stem owns it and counts references).
Xapian::Stem with_stem_cache(Xapian::Stem stemmer,
                             std::size_t max_words = StemCache::default_max_words);

}  // namespace lede

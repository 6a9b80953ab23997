// StemCache: the same stems as the stemmer it wraps, also after it empties itself.
#include "common/stem_cache.hpp"

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(StemCacheTest, GivesTheWrappedStemmersStemsAcrossRefills) {
  const Xapian::Stem plain("en");
  const Xapian::Stem cached = with_stem_cache(Xapian::Stem("en"), 3);  // refills often
  const std::vector<std::string> words = {"prices",     "banking", "ran",  "prices", "skies", "",
                                          "generously", "banking", "news", "prices", "dying"};
  for (int round = 0; round < 3; ++round) {
    for (const std::string& word : words) EXPECT_EQ(cached(word), plain(word)) << word;
  }
  EXPECT_EQ(cached.get_description(), plain.get_description());
}

TEST(StemCacheTest, TermGeneratorIndexesTheSameTermsWithIt) {
  const std::string text = "Oil prices rose; the ministers' meetings were generously funded.";
  const auto terms_with = [&](const Xapian::Stem& stemmer) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    return terms;
  };
  EXPECT_EQ(terms_with(with_stem_cache(Xapian::Stem("en"))), terms_with(Xapian::Stem("en")));
}

}  // namespace
}  // namespace lede

#include "common/stem_cache.hpp"

#include <string_view>
#include <utility>

namespace lede {

StemCache::StemCache(Xapian::Stem stemmer, std::size_t max_words)
    : stemmer_(std::move(stemmer)), max_words_(max_words == 0 ? 1 : max_words) {}

std::string StemCache::operator()(const std::string& word) {
  if (const auto found = stems_.find(word); found != stems_.end()) return found->second;
  if (stems_.size() >= max_words_) stems_.clear();
  return stems_.emplace(word, stemmer_(word)).first->second;
}

std::string StemCache::get_description() const {
  // Xapian::Stem describes itself as "Xapian::Stem(" + its implementation's description + ")":
  // give the wrapped one's, so that the wrapper describes itself as the stemmer it wraps.
  std::string description = stemmer_.get_description();
  const std::string_view outer = "Xapian::Stem(";
  if (description.starts_with(outer) && description.ends_with(')')) {
    description = description.substr(outer.size(), description.size() - outer.size() - 1);
  }
  return description;
}

Xapian::Stem with_stem_cache(Xapian::Stem stemmer, std::size_t max_words) {
  return Xapian::Stem(new StemCache(std::move(stemmer), max_words));
}

}  // namespace lede

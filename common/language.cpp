#include "common/language.hpp"

namespace lede {

Xapian::Stem stemmer_for(const std::string& language) {
  try {
    return Xapian::Stem(language.empty() ? "en" : language);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem("none");
  }
}

}  // namespace lede

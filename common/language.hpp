/**
 * @file
 * @brief Languages: the Snowball stemmer of an article's or a query's language.
 */
#pragma once

#include <string>

#include <xapian.h>

namespace lede {

/// The stemmer for an ISO 639-1 code ("en", "fr", …) or a Snowball language name; "" means
/// English. A language Xapian has no stemmer for gets Stem("none"): its words are indexed and
/// searched unstemmed rather than refused. The indexer and the query side must agree on this.
Xapian::Stem stemmer_for(const std::string& language);

}  // namespace lede

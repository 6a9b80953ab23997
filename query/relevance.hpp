/**
 * @file
 * @brief The relevance half of the blend: Xapian's BM25Weight with lede's parameters.
 *
 * k1 = 2.0 (Xapian's default is 1): a word's frequency in an article keeps counting longer
 * before it saturates. b = 0.5 (Xapian's default) normalises for length half-way. Both were
 * measured on the Cranfield and CACM collections with `lede-bench eval` (docs/ranking.md,
 * "Measured ranking quality"): one configuration for every archive. BM25Weight is in Xapian's
 * default registry, so xapian-tcpsrv runs it too.
 * @see https://xapian.org/docs/apidoc/html/classXapian_1_1BM25Weight.html
 */
#pragma once

#include <xapian.h>

namespace lede::query {

inline constexpr double bm25_k1 = 2.0;
inline constexpr double bm25_b = 0.5;

/// BM25 with lede's k1 and b; k2 = 0, k3 = 1 and min_normlen = 0.5 are Xapian's defaults.
inline Xapian::BM25Weight relevance_weighting() {
  return Xapian::BM25Weight(bm25_k1, 0, 1, bm25_b, 0.5);
}

}  // namespace lede::query

/**
 * @file
 * @brief Running a search: query text → parsed query → ranked, collapsed hits (+ facets).
 *
 * The plain-data hand-off between the engine (parsing, ranking) and the output side
 * (snippets, printers). See docs/ranking.md for the blend of BM25 and recency.
 */
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"

namespace lede::query {

enum class SortOrder { blend, relevance, date };
enum class Facet { source, day, month, year };

struct Filters {
  std::optional<UnixSeconds> since;     ///< published >= since
  std::optional<UnixSeconds> until;     ///< published <= until
  std::vector<std::string> sources;     ///< any of these source names (their words, any case)
  std::vector<std::string> categories;  ///< any of these categories
  std::vector<std::string> languages;   ///< any of these ISO 639-1 codes
};

struct SearchRequest {
  std::string text;  ///< the user's query, in lede's query language
  Filters filters;
  SortOrder sort = SortOrder::blend;
  double half_life_days = 0;   ///< 0: the default (docs/ranking.md)
  double recency_weight = -1;  ///< < 0: the default (docs/ranking.md)
  UnixSeconds now = 0;         ///< ages and `since:` are measured from here; 0: the current time
  unsigned limit = 10;
  unsigned offset = 0;
  bool collapse = true;  ///< show one hit per collapse key, with a similar count
  /// Count every match instead of estimating (slower: no early termination). Implied by
  /// limit 0 and by a facet. Xapian's estimate can be off by a factor of a few.
  bool exact_count = false;
  std::optional<Facet> facet;
  std::string stem_language = "en";  ///< stemmer for the query's words
};

struct Hit {
  unsigned rank = 0;  ///< 1-based, counting the offset
  Xapian::docid docid = 0;
  Article article;
  double relevance = 0;  ///< BM25 part of the score
  double recency = 0;    ///< recency bonus in [0, 1] (before the weight)
  double score = 0;      ///< what the hits are ordered by (blend: relevance + weight·recency)
  unsigned similar = 0;  ///< how many more matches share the collapse key (lower bound)
};

struct FacetCount {
  /// Source name, or "1987-03-01" / "1987-03" / "1987". Sources come most frequent first;
  /// days, months and years newest first.
  std::string value;
  Xapian::doccount count = 0;
};

struct SearchResult {
  std::vector<Hit> hits;
  /// The user's query with its filters (for snippets); the recency bonus is not in it.
  Xapian::Query query;
  std::string parsed_description;  ///< query.get_description()
  Xapian::doccount estimated_matches = 0;
  /// Corrected query text (lower-cased), when the query found fewer than 3 matches and the
  /// correction finds more.
  std::optional<std::string> did_you_mean;
  std::vector<FacetCount> facets;
  std::vector<std::string> notes;  ///< for stderr: e.g. "query did not parse; searched words"
  /// How many times a concurrent writer made the search reopen the database and start again.
  unsigned reopened = 0;
};

/// How many times search() runs a search that a concurrent writer invalidated.
inline constexpr int max_search_attempts = 5;

/// Runs one search. Throws lede::Error on an invalid request (bad date, unknown facet).
///
/// While lede-index writes, the revision a reader opened can be overwritten under it
/// (Xapian::DatabaseModifiedError); the search then reopens `db` at the latest revision and
/// runs again, up to max_search_attempts times. `db` is a Xapian handle: copies share one
/// database, so the caller's copy is reopened too.
/// @see https://xapian.org/docs/apidoc/html/classXapian_1_1DatabaseModifiedError.html
SearchResult search(Xapian::Database db, const SearchRequest& request);

}  // namespace lede::query

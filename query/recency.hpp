/**
 * @file
 * @brief The recency half of the blend: score = BM25 + W · 2^(−age_days / half_life).
 *
 * The bonus is a stock Xapian::ValueMapPostingSource on the day slot ("YYYYMMDD"), its map
 * built per query from the days the archive holds (the day terms, which every shard and
 * remote server lists). Combined as OP_AND_MAYBE(user query, bonus) it only adds weight to
 * documents the user's query matches, its maximum weight is known (so the matcher's top-k
 * pruning keeps working), and xapian-tcpsrv can run it because ValueMapPostingSource is in
 * Xapian's default registry: sharded, remote and single databases give the same order.
 * Filtered to the days within the horizon (day, month and year terms, also stock), it reads
 * only their values.
 * @see docs/ranking.md
 */
#pragma once

#include <string_view>

#include <xapian.h>

#include "common/article.hpp"

namespace lede::query {

/// A story loses half its recency bonus every this many days (docs/ranking.md).
inline constexpr double default_half_life_days = 14;
/// The bonus of a story from today, in BM25 units (docs/ranking.md).
inline constexpr double default_recency_weight = 2.0;

/// Past this many half-lives (2^-20 < one millionth of W) a story's bonus counts as zero.
inline constexpr double horizon_half_lives = 20;

struct RecencyModel {
  double half_life_days = default_half_life_days;
  double weight = default_recency_weight;  ///< W; 0 turns recency off
  UnixSeconds now = 0;

  /// 2^(−age/half_life) in [0, 1] for a day key "YYYYMMDD", age measured from now to the
  /// day's midpoint (12:00 UTC) and clamped at 0; 0 past the horizon and for a malformed key.
  double recency_of_day(std::string_view day_key) const;
  /// The same for a day given by its midpoint.
  double recency_at(UnixSeconds midpoint) const;

  /// Throws lede::Error unless the half-life is positive and the weight non-negative (finite).
  void validate() const;
};

/// Where recency_query finds the days to map. Both give the same scores; the cheaper depends
/// on how many articles a day the archive holds (recency.cpp), and tests choose each.
enum class DayListing { cheaper, calendar, day_terms };

/// The bonus as a query: a ValueMapPostingSource mapping each day of `db`'s span within the
/// horizon to W · recency_of_day, filtered to those days when they are a small enough part of
/// the archive; an empty query when no day earns a bonus. Add it with OP_AND_MAYBE. Throws
/// lede::Error on a bad model.
Xapian::Query recency_query(const Xapian::Database& db, const RecencyModel& model,
                            DayListing listing = DayListing::cheaper);

}  // namespace lede::query

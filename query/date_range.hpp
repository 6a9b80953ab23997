/**
 * @file
 * @brief The date expressions of the query language: `date:` ranges and `since:` ages.
 *
 * Grammar (all times UTC; a period is a year, a month or a day):
 *   range  := period | period ".." | ".." period | period ".." period
 *   period := YYYY | YYYY-MM | YYYY-MM-DD
 *   age    := N ("h" | "d" | "w" | "m" | "y") | "today" | "yesterday"
 * A range includes both end periods whole: `..2024-06` ends at 2024-06-30T23:59:59Z.
 * Months and years in an age are calendar ones (`since:1m` on 31 March is 28/29 February+).
 * @see docs/query-language.md
 */
#pragma once

#include <optional>
#include <string_view>

#include <xapian.h>

#include "common/article.hpp"

namespace lede::query {

/// A closed interval of publication times; an absent end is open.
struct TimeRange {
  std::optional<UnixSeconds> from;   ///< first second included
  std::optional<UnixSeconds> until;  ///< last second included
  bool operator==(const TimeRange&) const = default;
};

/// Parses a `date:` expression; nullopt if it is not one (or names an impossible date).
std::optional<TimeRange> parse_date_range(std::string_view text);

/// Parses a `since:` age relative to `now` into the first second included; nullopt if it
/// is not one. Absolute periods are accepted too (`since:2024-03` = from 1 March 2024).
std::optional<UnixSeconds> parse_since(std::string_view text, UnixSeconds now);

/// The last second of a period (`until 2024-06` = 2024-06-30T23:59:59Z), or `now` minus an
/// age (`until 7d`); nullopt if `text` is neither. For the `--until` option.
std::optional<UnixSeconds> parse_until(std::string_view text, UnixSeconds now);

/// OP_VALUE_RANGE / OP_VALUE_GE / OP_VALUE_LE on the published slot; MatchAll if unbounded.
/// Value ranges are evaluated where the documents are, so they work on remote shards too.
Xapian::Query published_range_query(const TimeRange& range);

}  // namespace lede::query

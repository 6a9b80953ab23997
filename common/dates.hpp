/**
 * @file
 * @brief Dates: parsing the forms feeds and users write, formatting the forms lede prints.
 *
 * Calendar arithmetic uses std::chrono's civil calendar (C++20); no time-zone database is
 * needed because every zone a feed can name (RFC 822 "EST", "+0530") is a fixed offset.
 * @see RFC 822 §5 and RFC 2822 §3.3 (date-time), RFC 3339 §5.6 (internet date/time format)
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/article.hpp"

namespace lede::dates {

/// RFC 822/2822/1123 in the variants found in feeds: optional weekday, one- or two-digit day,
/// two- or four-digit years (RFC 2822 §4.3: 00–49 → 20xx, 50–99 → 19xx), optional seconds,
/// named zones (UT, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT, military letters), numeric
/// offsets, month names in any case and full month names. Returns nullopt if it is not one.
///
/// Also accepted: RFC 850's "Sunday, 06-Nov-94", commas and whitespace in odd places, a
/// "(PDT)" comment after the zone, "GMT+0200", fractional seconds (dropped), no zone (UTC),
/// no time (midnight), and the fixed zones CET/CEST, EET/EEST, WET/WEST, BST, AST/ADT,
/// AKST/AKDT, HST. The weekday is not checked against the date (feeds get it wrong). Military
/// letters other than Z are read as "-0000" as RFC 2822 §4.3 advises, since RFC 822 gave their
/// signs backwards. Unknown zone names and impossible dates (30 Feb, 25:00) give nullopt.
std::optional<UnixSeconds> parse_rfc822(std::string_view text);

/// RFC 3339 / ISO 8601: "2024-05-01T10:20:30Z", fractions, "+02:00"/"+0200" offsets, a space
/// instead of "T", a date alone ("2024-05-01", midnight UTC), no zone (taken as UTC).
/// W3C-DTF's reduced forms "2024-05" and "2024" give the first instant of that month or year;
/// seconds may be missing ("2002-10-13T09:00+01:00"); a named zone may follow after a space.
/// Impossible dates and times give nullopt.
std::optional<UnixSeconds> parse_iso8601(std::string_view text);

/// Tries ISO 8601, then RFC 822: what a feed date field can hold.
std::optional<UnixSeconds> parse_feed_date(std::string_view text);

/// "1987-02-26T15:01:01Z".
std::string format_rfc3339(UnixSeconds t);
/// "1987-02-26".
std::string format_date(UnixSeconds t);
/// "19870226": the day key used in day terms and the day value slot.
std::string day_key(UnixSeconds t);
/// "3 days ago", "2 hours ago", "just now", "in 2 days" (for future dates).
std::string relative_age(UnixSeconds t, UnixSeconds now);

/// Seconds since the epoch for a civil UTC date (month 1–12); no validation beyond chrono's.
UnixSeconds from_civil(int year, unsigned month, unsigned day, int hour = 0, int minute = 0,
                       int second = 0);

}  // namespace lede::dates

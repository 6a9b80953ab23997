#include "query/date_range.hpp"

#include <charconv>
#include <chrono>

#include "common/schema.hpp"

namespace lede::query {

namespace {

namespace chr = std::chrono;

constexpr UnixSeconds seconds_per_day = 86400;

UnixSeconds to_seconds(chr::sys_days day) {
  return day.time_since_epoch().count() * seconds_per_day;
}

/// Reads exactly `digits` decimal digits from the front of `text`.
std::optional<int> take_number(std::string_view& text, std::size_t digits) {
  if (text.size() < digits) return std::nullopt;
  int value = 0;
  const char* end = text.data() + digits;
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  text.remove_prefix(digits);
  return value;
}

/// A period: its first day and the day after its last.
struct Period {
  chr::sys_days first;
  chr::sys_days after_last;
};

std::optional<Period> parse_period(std::string_view text) {
  const auto year = take_number(text, 4);
  if (!year) return std::nullopt;
  const chr::year y{*year};
  if (text.empty()) return Period{y / chr::January / 1, (y + chr::years{1}) / chr::January / 1};
  if (text.front() != '-') return std::nullopt;
  text.remove_prefix(1);
  const auto month = take_number(text, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  const chr::year_month ym = y / chr::month(static_cast<unsigned>(*month));
  if (text.empty()) return Period{ym / 1, (ym + chr::months{1}) / 1};
  if (text.front() != '-') return std::nullopt;
  text.remove_prefix(1);
  const auto day = take_number(text, 2);
  if (!day || !text.empty()) return std::nullopt;
  const chr::year_month_day ymd = ym / chr::day(static_cast<unsigned>(*day));
  if (!ymd.ok()) return std::nullopt;
  const chr::sys_days first{ymd};
  return Period{first, first + chr::days{1}};
}

/// `now` moved back by whole calendar months, the day clamped to the target month's length.
UnixSeconds months_before(UnixSeconds now, int months) {
  const chr::sys_seconds tp{chr::seconds{now}};
  const chr::sys_days day = chr::floor<chr::days>(tp);
  const chr::year_month_day ymd{day};
  const chr::year_month target = ymd.year() / ymd.month() - chr::months{months};
  const chr::day last = (target / chr::last).day();
  const chr::sys_days moved{target / (ymd.day() > last ? last : ymd.day())};
  return to_seconds(moved) + (tp - day).count();
}

/// An age ("7d", "yesterday") as the first second it covers.
std::optional<UnixSeconds> parse_age(std::string_view text, UnixSeconds now) {
  const chr::sys_days today = chr::floor<chr::days>(chr::sys_seconds{chr::seconds{now}});
  if (text == "today") return to_seconds(today);
  if (text == "yesterday") return to_seconds(today - chr::days{1});
  if (text.size() < 2) return std::nullopt;
  int amount = 0;
  const char* unit = text.data() + text.size() - 1;
  const auto [ptr, ec] = std::from_chars(text.data(), unit, amount);
  if (ec != std::errc{} || ptr != unit || amount < 0 || amount > 100000) return std::nullopt;
  switch (*unit) {
    case 'h':
      return now - amount * 3600LL;
    case 'd':
      return now - amount * seconds_per_day;
    case 'w':
      return now - amount * 7 * seconds_per_day;
    case 'm':
      return months_before(now, amount);
    case 'y':
      return months_before(now, amount * 12);
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<TimeRange> parse_date_range(std::string_view text) {
  const std::size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    const auto period = parse_period(text);
    if (!period) return std::nullopt;
    return TimeRange{to_seconds(period->first), to_seconds(period->after_last) - 1};
  }
  const std::string_view low = text.substr(0, dots);
  const std::string_view high = text.substr(dots + 2);
  if (low.empty() && high.empty()) return std::nullopt;
  TimeRange range;
  if (!low.empty()) {
    const auto period = parse_period(low);
    if (!period) return std::nullopt;
    range.from = to_seconds(period->first);
  }
  if (!high.empty()) {
    const auto period = parse_period(high);
    if (!period) return std::nullopt;
    range.until = to_seconds(period->after_last) - 1;
  }
  if (range.from && range.until && *range.from > *range.until) return std::nullopt;
  return range;
}

std::optional<UnixSeconds> parse_since(std::string_view text, UnixSeconds now) {
  if (const auto period = parse_period(text)) return to_seconds(period->first);
  return parse_age(text, now);
}

std::optional<UnixSeconds> parse_until(std::string_view text, UnixSeconds now) {
  if (const auto period = parse_period(text)) return to_seconds(period->after_last) - 1;
  return parse_age(text, now);
}

Xapian::Query published_range_query(const TimeRange& range) {
  const auto serialise = [](UnixSeconds t) {
    return Xapian::sortable_serialise(static_cast<double>(t));
  };
  if (range.from && range.until) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::published, serialise(*range.from),
                         serialise(*range.until));
  }
  if (range.from) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::published, serialise(*range.from));
  }
  if (range.until) {
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::published, serialise(*range.until));
  }
  return Xapian::Query::MatchAll;
}

}  // namespace lede::query

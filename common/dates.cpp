// Formatting and civil-calendar arithmetic; the parsers are in date_parse.cpp.
#include "common/dates.hpp"

#include <chrono>
#include <cstdio>

namespace lede::dates {

namespace chr = std::chrono;

UnixSeconds from_civil(int year, unsigned month, unsigned day, int hour, int minute, int second) {
  const chr::sys_days days{chr::year{year} / chr::month{month} / chr::day{day}};
  return days.time_since_epoch().count() * 86400LL + hour * 3600LL + minute * 60LL + second;
}

namespace {

struct Civil {
  int year;
  unsigned month, day;
  long long seconds_of_day;
};

Civil to_civil(UnixSeconds t) {
  const chr::sys_seconds tp{chr::seconds{t}};
  const chr::sys_days days = chr::floor<chr::days>(tp);
  const chr::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day()), (tp - days).count()};
}

}  // namespace

std::string format_rfc3339(UnixSeconds t) {
  const Civil c = to_civil(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", c.year, c.month, c.day,
                c.seconds_of_day / 3600, c.seconds_of_day / 60 % 60, c.seconds_of_day % 60);
  return buf;
}

std::string format_date(UnixSeconds t) {
  const Civil c = to_civil(t);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

std::string day_key(UnixSeconds t) {
  const Civil c = to_civil(t);
  if (c.year < 0 || c.year > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", c.year, c.month, c.day);
    return buf;
  }
  // Digit by digit: snprintf was most of the cost of the keys made for every query's recency
  // bonus (query/recency.cpp), a few hundred a query.
  std::string key(8, '0');
  const auto put = [&key](std::size_t end, unsigned value, int digits) {
    for (; digits > 0; --digits, value /= 10) key[--end] = static_cast<char>('0' + value % 10);
  };
  put(4, static_cast<unsigned>(c.year), 4);
  put(6, c.month, 2);
  put(8, c.day, 2);
  return key;
}

std::string relative_age(UnixSeconds t, UnixSeconds now) {
  const bool future = t > now;
  const long long delta = future ? t - now : now - t;
  struct Unit {
    long long seconds;
    const char* name;
  };
  static constexpr Unit units[] = {{365LL * 86400, "year"}, {30LL * 86400, "month"},
                                   {7LL * 86400, "week"},   {86400, "day"},
                                   {3600, "hour"},          {60, "minute"}};
  for (const Unit& unit : units) {
    if (delta < unit.seconds) continue;
    const long long n = delta / unit.seconds;
    std::string amount = std::to_string(n) + " " + unit.name + (n == 1 ? "" : "s");
    return future ? "in " + amount : amount + " ago";
  }
  return "just now";
}

}  // namespace lede::dates

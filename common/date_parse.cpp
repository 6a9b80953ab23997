// Parsing the date forms feeds write: RFC 822/2822 and RFC 3339/ISO 8601 (W3C-DTF).
// Formatting and civil-calendar arithmetic are in dates.cpp.
#include <array>
#include <cctype>
#include <chrono>

#include "common/dates.hpp"

namespace lede::dates {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// A forward-only reader over the text being parsed.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c || done()) return false;
    ++pos_;
    return true;
  }
  void skip_spaces() {
    while (!done() && is_space(peek())) ++pos_;
  }
  /// Spaces and commas: RFC 822 dates in feeds put commas in odd places ("Sun ,6 Nov").
  void skip_separators() {
    while (!done() && (is_space(peek()) || peek() == ',')) ++pos_;
  }
  /// Reads between `min` and `max` digits; returns the count read (0 if fewer than `min`).
  int digits(int min, int max, int& value) {
    std::size_t p = pos_;
    int v = 0, n = 0;
    while (p < text_.size() && n < max && is_digit(text_[p])) v = v * 10 + (text_[p++] - '0'), ++n;
    if (n < min || (p < text_.size() && is_digit(text_[p]))) return 0;
    pos_ = p;
    value = v;
    return n;
  }
  std::string_view word() {
    const std::size_t start = pos_;
    while (!done() && is_alpha(peek())) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  /// Skips a parenthesised RFC 822 comment such as "(PDT)"; false if unterminated.
  bool skip_comment() {
    if (!accept('(')) return true;
    while (!done() && peek() != ')') ++pos_;
    return accept(')');
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_weekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> full = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (w.size() < 3) return false;
  for (std::string_view day : full) {
    // "Sun", "Tues", "Thurs", "Sunday": any prefix of three letters or more.
    if (w.size() <= day.size() && iequals(w, day.substr(0, w.size()))) return true;
  }
  return false;
}

/// 1–12 for "Jan", "january", "Sept", …; 0 otherwise.
unsigned month_number(std::string_view w) {
  static constexpr std::array<std::string_view, 12> full = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  for (unsigned m = 0; m < full.size(); ++m) {
    if (w.size() <= full[m].size() && iequals(w, full[m].substr(0, w.size()))) return m + 1;
  }
  return 0;
}

/// Offset east of UTC in minutes for a zone name, or nullopt when it is not one.
///
/// RFC 822's military letters have their signs reversed relative to real use; RFC 2822 §4.3
/// says to read every one of them except "Z" as "-0000" (UTC, offset unknown), which lede does.
/// Other alphabetic names (CET, BST, …) that are not in RFC 822 are accepted for the few fixed
/// zones common in feeds; any other name is refused rather than guessed.
std::optional<int> named_zone_minutes(std::string_view name) {
  struct Zone {
    std::string_view name;
    int hours;
  };
  static constexpr std::array<Zone, 24> zones = {{
      {"ut", 0},   {"utc", 0},  {"gmt", 0},   {"z", 0},     {"est", -5},  {"edt", -4},
      {"cst", -6}, {"cdt", -5}, {"mst", -7},  {"mdt", -6},  {"pst", -8},  {"pdt", -7},
      {"ast", -4}, {"adt", -3}, {"akst", -9}, {"akdt", -8}, {"hst", -10}, {"wet", 0},
      {"west", 1}, {"bst", 1},  {"cet", 1},   {"cest", 2},  {"eet", 2},   {"eest", 3},
  }};
  for (const Zone& zone : zones) {
    if (iequals(name, zone.name)) return zone.hours * 60;
  }
  if (name.size() == 1 && is_alpha(name[0]) && lower(name[0]) != 'j') return 0;  // military
  return std::nullopt;
}

/// "+0530", "-07:00", "+05", "-7": a numeric offset in minutes; reads the sign too.
std::optional<int> numeric_offset_minutes(Cursor& in) {
  const char sign = in.peek();
  if (sign != '+' && sign != '-') return std::nullopt;
  in.accept(sign);
  int hours = 0, minutes = 0;
  const int n = in.digits(1, 4, hours);
  if (n == 0) return std::nullopt;
  if (n == 4 || n == 3) {  // "0530" or "530"
    minutes = hours % 100;
    hours /= 100;
  } else if (in.accept(':') && in.digits(2, 2, minutes) == 0) {
    return std::nullopt;
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  const int total = hours * 60 + minutes;
  return sign == '-' ? -total : total;
}

/// Seconds since the epoch for a validated civil date and time at `offset_minutes` east of UTC.
std::optional<UnixSeconds> make_time(int year, int month, int day, int hour, int minute, int second,
                                     int offset_minutes) {
  namespace chr = std::chrono;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const chr::year_month_day ymd{chr::year{year} / chr::month{static_cast<unsigned>(month)} /
                                chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  // 60 is a leap second (RFC 3339 §5.7); it lands on the next minute's first second.
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  const UnixSeconds t = from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day),
                                   hour, minute, second) -
                        offset_minutes * 60LL;
  // An offset can carry 9999-12-31 into year 10000 or 0000-01-01 into year -1, which no
  // RFC 3339 date-fullyear (4DIGIT) can state: lede could not print or read back its own date.
  static const UnixSeconds first = from_civil(0, 1, 1);
  static const UnixSeconds last = from_civil(9999, 12, 31, 23, 59, 59);
  if (t < first || t > last) return std::nullopt;
  return t;
}

/// RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three-digit years add 1900.
int expand_year(int year, int digit_count) {
  if (digit_count == 2) return year < 50 ? 2000 + year : 1900 + year;
  if (digit_count == 3) return 1900 + year;
  return year;
}

/// "08:49", "8:49:37", "08:49:37.25": fractions of a second are dropped.
bool read_clock(Cursor& in, int& hour, int& minute, int& second) {
  if (in.digits(1, 2, hour) == 0 || !in.accept(':') || in.digits(2, 2, minute) == 0) {
    return false;
  }
  second = 0;
  if (in.accept(':')) {
    if (in.digits(2, 2, second) == 0) return false;
    if (in.accept('.') || in.accept(',')) {
      int ignored;
      if (in.digits(1, 9, ignored) == 0) return false;
    }
  }
  return true;
}

}  // namespace

std::optional<UnixSeconds> parse_rfc822(std::string_view text) {
  Cursor in(trim(text));
  in.skip_separators();
  if (is_alpha(in.peek())) {
    if (!is_weekday(in.word())) return std::nullopt;
    in.skip_separators();
  }
  int day = 0, year = 0;
  if (in.digits(1, 2, day) == 0) return std::nullopt;
  // RFC 850 ("06-Nov-94") separates with hyphens; RFC 822 with spaces.
  if (!in.accept('-')) in.skip_separators();
  const unsigned month = month_number(in.word());
  if (month == 0) return std::nullopt;
  in.accept('.');  // "Sept. 6"
  if (!in.accept('-')) in.skip_separators();
  const int year_digits = in.digits(2, 4, year);
  if (year_digits == 0) return std::nullopt;
  year = expand_year(year, year_digits);

  int hour = 0, minute = 0, second = 0, offset = 0;
  in.skip_separators();
  if (is_digit(in.peek()) && !read_clock(in, hour, minute, second)) return std::nullopt;
  in.skip_spaces();
  if (is_alpha(in.peek())) {
    const std::optional<int> named = named_zone_minutes(in.word());
    if (!named) return std::nullopt;
    offset = *named;
    // "GMT+0200", "UTC-5": a name followed by an offset from it.
    if (const std::optional<int> extra = numeric_offset_minutes(in)) offset += *extra;
  } else if (in.peek() == '+' || in.peek() == '-') {
    const std::optional<int> numeric = numeric_offset_minutes(in);
    if (!numeric) return std::nullopt;
    offset = *numeric;
  }
  in.skip_spaces();
  if (!in.skip_comment()) return std::nullopt;
  in.skip_spaces();
  if (!in.done()) return std::nullopt;
  return make_time(year, static_cast<int>(month), day, hour, minute, second, offset);
}

std::optional<UnixSeconds> parse_iso8601(std::string_view text) {
  Cursor in(trim(text));
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, offset = 0;
  if (in.digits(4, 4, year) == 0) return std::nullopt;
  // W3C-DTF allows "1997" and "1997-07" alone: the first instant of that year or month.
  if (in.accept('-')) {
    if (in.digits(2, 2, month) == 0) return std::nullopt;
    if (in.accept('-') && in.digits(2, 2, day) == 0) return std::nullopt;
  }
  const char separator = in.peek();
  if (separator == 'T' || separator == 't' || separator == ' ') {
    in.accept(separator);
    in.skip_spaces();
    if (!read_clock(in, hour, minute, second)) return std::nullopt;
    in.skip_spaces();
    if (in.accept('Z') || in.accept('z')) {
      offset = 0;
    } else if (in.peek() == '+' || in.peek() == '-') {
      const std::optional<int> numeric = numeric_offset_minutes(in);
      if (!numeric) return std::nullopt;
      offset = *numeric;
    } else if (is_alpha(in.peek())) {
      // "2004-01-01 19:48:21 GMT" appears in the wild; single letters are not ISO zones.
      const std::string_view name = in.word();
      const std::optional<int> named = named_zone_minutes(name);
      if (!named || name.size() < 2) return std::nullopt;
      offset = *named;
    }
  }
  if (!in.done()) return std::nullopt;
  return make_time(year, month, day, hour, minute, second, offset);
}

std::optional<UnixSeconds> parse_feed_date(std::string_view text) {
  if (std::optional<UnixSeconds> iso = parse_iso8601(text)) return iso;
  return parse_rfc822(text);
}

}  // namespace lede::dates

#include "indexer/update/schedule.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "common/dates.hpp"

namespace lede::update {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<UnixSeconds> retry_after_time(std::string_view value, UnixSeconds now) {
  value = trim(value);
  if (all_digits(value)) {
    if (value.size() > 9) return now + 999999999;  // absurd, but a wait all the same
    return now + std::stol(std::string(value));
  }
  const auto date = dates::parse_rfc822(value);  // HTTP-date is RFC 5322's IMF-fixdate
  if (!date) return std::nullopt;
  return std::max(*date, now);
}

long max_age(std::string_view cache_control) {
  long best = 0;
  std::string_view rest = cache_control;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view directive = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto eq = directive.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name(trim(directive.substr(0, eq)));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view number = trim(directive.substr(eq + 1));
    if (number.size() >= 2 && number.front() == '"' && number.back() == '"') {
      number = number.substr(1, number.size() - 2);
    }
    if ((name == "max-age" || name == "s-maxage") && all_digits(number) && number.size() < 10) {
      best = std::max(best, std::stol(std::string(number)));
    }
  }
  return best;
}

UnixSeconds next_due_after_success(UnixSeconds now, long hint_seconds, const SchedulePolicy& p) {
  const long hint = std::min(std::max(hint_seconds, 0L), p.max_hint);
  return now + std::max(p.interval, hint);
}

UnixSeconds next_due_after_failure(UnixSeconds now, long consecutive_errors, double unit_random,
                                   const SchedulePolicy& p) {
  const long n = std::clamp(consecutive_errors, 1L, 40L);
  const double wait = std::min(static_cast<double>(p.backoff_base) * std::pow(2.0, n - 1),
                               static_cast<double>(p.backoff_max));
  const double jitter = 0.75 + 0.5 * std::clamp(unit_random, 0.0, 1.0);
  return now + static_cast<UnixSeconds>(std::llround(wait * jitter));
}

}  // namespace lede::update

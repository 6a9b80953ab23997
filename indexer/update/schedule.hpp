/**
 * @file
 * @brief When a feed is due again: after a success, after a failure, and what the server or
 *        the feed asked for (Retry-After, Cache-Control max-age, RSS ttl, sy:updatePeriod).
 *
 * Pure functions of their arguments (the jitter is passed in), so they are table-tested.
 * @see RFC 9110 §10.2.3 (Retry-After), RFC 9111 §5.2.2.1 (max-age)
 */
#pragma once

#include <optional>
#include <string_view>

#include "common/article.hpp"

namespace lede::update {

struct SchedulePolicy {
  long interval = 3600;              ///< seconds between fetches of a healthy feed
  long max_hint = 86400;             ///< a feed's or server's own interval is capped here
  long backoff_base = 300;           ///< the first retry after a failure
  long backoff_max = 86400;          ///< retries never wait longer
  long retry_after_max = 7 * 86400;  ///< a Retry-After further away is capped here
};

/// The time a Retry-After value (delay-seconds or an HTTP-date) points at; nullopt if it is
/// neither. A date in the past is `now`.
std::optional<UnixSeconds> retry_after_time(std::string_view value, UnixSeconds now);

/// max-age (or s-maxage) of a Cache-Control value in seconds; 0 if absent or unreadable.
long max_age(std::string_view cache_control);

/// Next due after a successful fetch (200 or 304): `now` + the policy's interval, or + the
/// longer interval the feed or server asked for (capped at max_hint).
UnixSeconds next_due_after_success(UnixSeconds now, long hint_seconds, const SchedulePolicy& p);

/// Next due after the `consecutive_errors`-th failure in a row (1, 2, …): exponential backoff
/// base·2^(n−1), capped, times a jitter factor in [0.75, 1.25] chosen by `unit_random` ∈ [0, 1)
/// so that many feeds failing together do not return together.
UnixSeconds next_due_after_failure(UnixSeconds now, long consecutive_errors, double unit_random,
                                   const SchedulePolicy& p);

}  // namespace lede::update

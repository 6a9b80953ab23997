// When a feed is due again: Retry-After, Cache-Control max-age, success and failure schedules.
#include "indexer/update/schedule.hpp"

#include <gtest/gtest.h>

#include "common/dates.hpp"

namespace lede::update {
namespace {

constexpr UnixSeconds now = 1'700'000'000;

TEST(RetryAfter, SecondsOrAnHttpDate) {
  struct Case {
    const char* value;
    std::optional<UnixSeconds> expected;
  };
  const UnixSeconds date = dates::from_civil(2023, 11, 14, 22, 13, 20);  // == now + 0
  const Case cases[] = {
      {"120", now + 120},
      {" 0 ", now},
      {"Tue, 14 Nov 2023 22:13:20 GMT", date},
      {"Tue, 14 Nov 2023 22:23:20 GMT", date + 600},
      {"Sun, 06 Nov 1994 08:49:37 GMT", now},  // in the past: now
      {"Sunday, 06-Nov-94 08:49:37 GMT", now},
      {"soon", std::nullopt},
      {"", std::nullopt},
      {"-5", std::nullopt},
  };
  ASSERT_EQ(date, now);
  for (const Case& c : cases) EXPECT_EQ(retry_after_time(c.value, now), c.expected) << c.value;
}

TEST(MaxAge, FromCacheControl) {
  EXPECT_EQ(max_age("max-age=3600"), 3600);
  EXPECT_EQ(max_age("public, max-age=600, must-revalidate"), 600);
  EXPECT_EQ(max_age("Max-Age=\"60\""), 60);
  EXPECT_EQ(max_age("s-maxage=900, max-age=60"), 900);
  EXPECT_EQ(max_age("no-cache"), 0);
  EXPECT_EQ(max_age("max-age=abc"), 0);
  EXPECT_EQ(max_age(""), 0);
}

TEST(Schedule, SuccessWaitsTheIntervalOrWhatTheFeedAsksCapped) {
  SchedulePolicy p;
  p.interval = 3600;
  p.max_hint = 86400;
  EXPECT_EQ(next_due_after_success(now, 0, p), now + 3600);
  EXPECT_EQ(next_due_after_success(now, 60, p), now + 3600);  // never more often than interval
  EXPECT_EQ(next_due_after_success(now, 7200, p), now + 7200);
  EXPECT_EQ(next_due_after_success(now, 999999, p), now + 86400);
}

TEST(Schedule, FailuresBackOffExponentiallyWithJitterUpToTheCap) {
  SchedulePolicy p;
  p.backoff_base = 300;
  p.backoff_max = 86400;
  EXPECT_EQ(next_due_after_failure(now, 1, 0.5, p), now + 300);
  EXPECT_EQ(next_due_after_failure(now, 2, 0.5, p), now + 600);
  EXPECT_EQ(next_due_after_failure(now, 3, 0.5, p), now + 1200);
  EXPECT_EQ(next_due_after_failure(now, 1, 0.0, p), now + 225);  // −25 %
  EXPECT_EQ(next_due_after_failure(now, 1, 1.0, p), now + 375);  // +25 %
  EXPECT_EQ(next_due_after_failure(now, 30, 0.5, p), now + 86400);
  EXPECT_EQ(next_due_after_failure(now, 1000, 0.5, p), now + 86400);
}

}  // namespace
}  // namespace lede::update

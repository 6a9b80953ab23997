// Table tests of the date expressions of the query language (query/date_range.hpp).
#include "query/date_range.hpp"

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "common/dates.hpp"

namespace lede::query {
namespace {

using dates::from_civil;
constexpr UnixSeconds day = 86400;

struct RangeCase {
  std::string input;
  std::optional<TimeRange> expected;
};

TEST(DateRangeTest, ParsesRangesOfWholePeriods) {
  const RangeCase cases[] = {
      {"2024-01-01..2024-06-30", TimeRange{from_civil(2024, 1, 1), from_civil(2024, 7, 1) - 1}},
      {"..2024-06", TimeRange{std::nullopt, from_civil(2024, 7, 1) - 1}},
      {"2024..", TimeRange{from_civil(2024, 1, 1), std::nullopt}},
      {"2024", TimeRange{from_civil(2024, 1, 1), from_civil(2025, 1, 1) - 1}},
      {"2024-02", TimeRange{from_civil(2024, 2, 1), from_civil(2024, 3, 1) - 1}},
      {"2024-02-29", TimeRange{from_civil(2024, 2, 29), from_civil(2024, 3, 1) - 1}},
      {"1987-12..1988-01", TimeRange{from_civil(1987, 12, 1), from_civil(1988, 2, 1) - 1}},
      {"..1987-10-20", TimeRange{std::nullopt, from_civil(1987, 10, 21) - 1}},
      // Not ranges: nothing, malformed or impossible dates, reversed ends.
      {"", std::nullopt},
      {"..", std::nullopt},
      {"2024-13", std::nullopt},
      {"2023-02-29", std::nullopt},
      {"2024-1-5", std::nullopt},
      {"24-01-01", std::nullopt},
      {"2024/01/01", std::nullopt},
      {"2024-06-30..2024-01-01", std::nullopt},
      {"2024-01-01...2024-02-01", std::nullopt},
      {"yesterday", std::nullopt},
      {"2024-01-01T10:00", std::nullopt},
  };
  for (const RangeCase& c : cases) {
    EXPECT_EQ(parse_date_range(c.input), c.expected) << "input: \"" << c.input << "\"";
  }
}

struct AgeCase {
  std::string input;
  std::optional<UnixSeconds> since;
};

TEST(DateRangeTest, ParsesAgesRelativeToNow) {
  const UnixSeconds now = from_civil(2024, 3, 31, 15, 30);
  const AgeCase cases[] = {
      {"7d", now - 7 * day},
      {"0d", now},
      {"2w", now - 14 * day},
      {"36h", now - 36 * 3600},
      // Calendar months and years; 31 March minus one month clamps to 29 February.
      {"1m", from_civil(2024, 2, 29, 15, 30)},
      {"3m", from_civil(2023, 12, 31, 15, 30)},
      {"1y", from_civil(2023, 3, 31, 15, 30)},
      {"today", from_civil(2024, 3, 31)},
      {"yesterday", from_civil(2024, 3, 30)},
      // An absolute period starts at its first second.
      {"2024-03", from_civil(2024, 3, 1)},
      {"1987", from_civil(1987, 1, 1)},
      {"", std::nullopt},
      {"d", std::nullopt},
      {"7", std::nullopt},
      {"7x", std::nullopt},
      {"-7d", std::nullopt},
      {"7 d", std::nullopt},
      {"tomorrow", std::nullopt},
  };
  for (const AgeCase& c : cases) {
    EXPECT_EQ(parse_since(c.input, now), c.since) << "input: \"" << c.input << "\"";
  }
}

TEST(DateRangeTest, UntilEndsAtThePeriodsLastSecond) {
  const UnixSeconds now = from_civil(2024, 3, 31, 15, 30);
  EXPECT_EQ(parse_until("2024-06", now), from_civil(2024, 7, 1) - 1);
  EXPECT_EQ(parse_until("2024-06-15", now), from_civil(2024, 6, 16) - 1);
  EXPECT_EQ(parse_until("7d", now), now - 7 * day);
  EXPECT_EQ(parse_until("soon", now), std::nullopt);
}

TEST(DateRangeTest, RangeQueriesUseThePublishedSlot) {
  const auto encoded = [](UnixSeconds t) {
    return Xapian::sortable_serialise(static_cast<double>(t));
  };
  const UnixSeconds a = from_civil(2024, 1, 1), b = from_civil(2024, 7, 1) - 1;
  EXPECT_EQ(
      published_range_query({a, b}).get_description(),
      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, encoded(a), encoded(b)).get_description());
  EXPECT_EQ(published_range_query({a, std::nullopt}).get_description(),
            Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, encoded(a)).get_description());
  EXPECT_EQ(published_range_query({std::nullopt, b}).get_description(),
            Xapian::Query(Xapian::Query::OP_VALUE_LE, 0, encoded(b)).get_description());
  EXPECT_EQ(published_range_query({}).get_description(), "Query(<alldocuments>)");
}

}  // namespace
}  // namespace lede::query

// Table tests of the date parsers and formatters (common/dates.hpp).
#include "common/dates.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/test_paths.hpp"

namespace lede::dates {
namespace {

struct DateCase {
  std::string input;
  std::optional<std::string> expected;  ///< RFC 3339 UTC, or nullopt when it must be refused
};

std::string show(const std::optional<UnixSeconds>& t) {
  return t ? format_rfc3339(*t) : std::string("nullopt");
}

void check(const std::vector<DateCase>& cases,
           std::optional<UnixSeconds> (*parse)(std::string_view)) {
  for (const DateCase& c : cases) {
    EXPECT_EQ(show(parse(c.input)), c.expected.value_or("nullopt"))
        << "input: \"" << c.input << "\"";
  }
}

TEST(DatesRfc822, ParsesEveryVariantFeedsWrite) {
  check(
      {
          // RFC 822/1123 as written, and the Reuters archive's form.
          {"Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"Thu, 26 Feb 1987 15:02:20 GMT", "1987-02-26T15:02:20Z"},
          // One-digit day, missing weekday, missing seconds, two-digit years.
          {"Sun, 6 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"6 Nov 94 08:49 EST", "1994-11-06T13:49:00Z"},
          {"Sun, 06 Nov 1994 08:49 GMT", "1994-11-06T08:49:00Z"},
          {"Mon, 01 Jan 01 00:00:00 GMT", "2001-01-01T00:00:00Z"},
          {"Fri, 31 Dec 49 12:00:00 GMT", "2049-12-31T12:00:00Z"},
          {"Fri, 01 Jan 50 12:00:00 GMT", "1950-01-01T12:00:00Z"},
          {"Wed, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z"},
          {"1 Jan 100 00:00:00 GMT", "2000-01-01T00:00:00Z"},  // RFC 2822 §4.3: 3 digits + 1900
                                                               // Numeric offsets.
          {"Tue, 10 Jun 2003 09:41:01 -0700", "2003-06-10T16:41:01Z"},
          {"Tue, 10 Jun 2003 09:41:01 +0000", "2003-06-10T09:41:01Z"},
          {"Tue, 10 Jun 2003 09:41:01 -0000", "2003-06-10T09:41:01Z"},
          {"Tue, 10 Jun 2003 09:41:01 +0530", "2003-06-10T04:11:01Z"},
          {"Tue, 10 Jun 2003 09:41:01 +05:30", "2003-06-10T04:11:01Z"},
          {"Tue, 10 Jun 2003 01:00:00 +0200", "2003-06-09T23:00:00Z"},
          {"Tue, 10 Jun 2003 09:41:01 -0700 (PDT)", "2003-06-10T16:41:01Z"},
          // Named zones: universal, US, and a military letter.
          {"Sun, 06 Nov 1994 08:49:37 UT", "1994-11-06T08:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 UTC", "1994-11-06T08:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 Z", "1994-11-06T08:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 gmt", "1994-11-06T08:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 EST", "1994-11-06T13:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 EDT", "1994-11-06T12:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 CST", "1994-11-06T14:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 CDT", "1994-11-06T13:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 MST", "1994-11-06T15:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 MDT", "1994-11-06T14:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 PST", "1994-11-06T16:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 PDT", "1994-11-06T15:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 CET", "1994-11-06T07:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 GMT+0200", "1994-11-06T06:49:37Z"},
          // RFC 2822 §4.3: military letters other than Z have unreliable signs → "-0000".
          {"Sun, 06 Nov 1994 08:49:37 A", "1994-11-06T08:49:37Z"},
          {"Sun, 06 Nov 1994 08:49:37 Y", "1994-11-06T08:49:37Z"},
          // No zone at all: UTC.
          {"Sun, 06 Nov 1994 08:49:37", "1994-11-06T08:49:37Z"},
          // No time at all: midnight.
          {"Sun, 06 Nov 1994", "1994-11-06T00:00:00Z"},
          // Month and weekday names: any case, full names, common abbreviations.
          {"sun, 06 nov 1994 08:49:37 gmt", "1994-11-06T08:49:37Z"},
          {"SUN, 06 NOV 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"Sunday, 06 November 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"Thursday, 26 February 1987 15:02:20 GMT", "1987-02-26T15:02:20Z"},
          {"Tues, 10 June 2003 09:41:01 GMT", "2003-06-10T09:41:01Z"},
          {"Thurs, 4 Sept. 2003 09:41:01 GMT", "2003-09-04T09:41:01Z"},
          // RFC 850 (RFC 7231 §7.1.1.1 obsolete form).
          {"Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          // Extra whitespace and commas in odd places.
          {"  Sun,  06   Nov  1994   08:49:37   GMT  ", "1994-11-06T08:49:37Z"},
          {"Sun,06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"Sun , 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"Sun 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"Sun, 06 Nov, 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"Sun, 06 Nov 1994, 08:49:37 GMT", "1994-11-06T08:49:37Z"},
          {"\tSun, 06 Nov 1994\n08:49:37 GMT\r\n", "1994-11-06T08:49:37Z"},
          // Fractional seconds, a leap second, a one-digit hour.
          {"Sun, 06 Nov 1994 08:49:37.250 GMT", "1994-11-06T08:49:37Z"},
          {"Wed, 31 Dec 2008 23:59:60 GMT", "2009-01-01T00:00:00Z"},
          {"Sun, 06 Nov 1994 8:49:37 GMT", "1994-11-06T08:49:37Z"},
          // The weekday is not checked: feeds get it wrong (feedparser's tests do too).
          {"Sat, 01 Jan 2010 19:48:21 GMT", "2010-01-01T19:48:21Z"},
          // Leap years.
          {"29 Feb 2000 00:00:00 GMT", "2000-02-29T00:00:00Z"},
          {"29 Feb 2024 12:00:00 GMT", "2024-02-29T12:00:00Z"},
      },
      parse_rfc822);
}

TEST(DatesRfc822, RefusesWhatIsNotADate) {
  check(
      {
          {"", std::nullopt},
          {"   ", std::nullopt},
          {"garbage", std::nullopt},
          {"Sun, 30 Feb 2003 10:00:00 GMT", std::nullopt},  // no such day
          {"29 Feb 1900 00:00:00 GMT", std::nullopt},       // 1900 was no leap year
          {"31 Apr 2003 10:00:00 GMT", std::nullopt},
          {"00 Apr 2003 10:00:00 GMT", std::nullopt},
          {"Sun, 06 Nov 1994 25:00:00 GMT", std::nullopt},  // no such hour
          {"Sun, 06 Nov 1994 24:00:00 GMT", std::nullopt},
          {"Sun, 06 Nov 1994 08:60:00 GMT", std::nullopt},
          {"Sun, 06 Nov 1994 08:49:61 GMT", std::nullopt},
          {"Sun, 06 Foo 1994 08:49:37 GMT", std::nullopt},  // no such month
          {"Sun, 06 Nov 1994 08:49:37 XYZ", std::nullopt},  // unknown zone: not guessed
          {"Sun, 06 Nov 1994 08:49:37 +2500", std::nullopt},
          {"Sun, 06 Nov 1994 08:49:37 GMT trailing", std::nullopt},
          {"Sun, 06 Nov 1994 08:49:37 GMT (unterminated", std::nullopt},
          {"Sun, 123 Nov 1994 08:49:37 GMT", std::nullopt},
          {"Sun, 06 Nov 19945 08:49:37 GMT", std::nullopt},
          {"Sun, 06 Nov 1994 08:49:", std::nullopt},
          {"Foo, 06 Nov 1994 08:49:37 GMT", std::nullopt},
          {"1994-11-06T08:49:37Z", std::nullopt},  // ISO 8601 is parse_iso8601's
      },
      parse_rfc822);
}

TEST(DatesIso8601, ParsesRfc3339AndW3cDtf) {
  check(
      {
          {"1987-02-26T15:01:01Z", "1987-02-26T15:01:01Z"},
          {"2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"},
          {"2003-12-31t10:14:55z", "2003-12-31T10:14:55Z"},
          {"2003-12-31T10:14:55.123+01:00", "2003-12-31T09:14:55Z"},
          {"2003-12-31T10:14:55,5Z", "2003-12-31T10:14:55Z"},
          {"2003-12-31T10:14:55.123456789Z", "2003-12-31T10:14:55Z"},
          {"2004-04-06T23:05:43-05:00", "2004-04-07T04:05:43Z"},
          {"2004-04-06T23:05:43-0500", "2004-04-07T04:05:43Z"},
          {"2004-04-06T23:05:43-05", "2004-04-07T04:05:43Z"},
          {"2004-04-06T23:05:43+00:00", "2004-04-06T23:05:43Z"},
          {"2002-10-13T09:00+01:00", "2002-10-13T08:00:00Z"},  // no seconds (feedparser)
          {"2024-05-01 10:20:30Z", "2024-05-01T10:20:30Z"},    // space instead of T
          {"2024-05-01 10:20:30 GMT", "2024-05-01T10:20:30Z"},
          {"2024-05-01T10:20:30", "2024-05-01T10:20:30Z"},  // no zone: UTC
          {"2024-05-01", "2024-05-01T00:00:00Z"},
          {"2024-05", "2024-05-01T00:00:00Z"},  // W3C-DTF reduced precision
          {"2024", "2024-01-01T00:00:00Z"},
          {"  2024-05-01T10:20:30Z \n", "2024-05-01T10:20:30Z"},
          {"2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"},
          {"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
      },
      parse_iso8601);
}

TEST(DatesIso8601, RefusesImpossibleAndMalformedDates) {
  check(
      {
          {"", std::nullopt},
          {"2023-02-29", std::nullopt},
          {"2024-02-30T10:00:00Z", std::nullopt},
          {"2024-13-01", std::nullopt},
          {"2024-00-10", std::nullopt},
          {"2024-05-01T25:00:00Z", std::nullopt},
          {"2024-05-01T10:61:00Z", std::nullopt},
          {"2024-05-01T10:20:30+24:00", std::nullopt},
          {"2024-05-01T10:20:30Q", std::nullopt},
          {"2024-05-01T", std::nullopt},
          {"2024-5-1", std::nullopt},
          {"24-05-01", std::nullopt},
          {"20240501", std::nullopt},
          {"2024-05-01T10", std::nullopt},
          {"2024-05-01Tabc", std::nullopt},
          {"Thu, 26 Feb 1987 15:02:20 GMT", std::nullopt},
      },
      parse_iso8601);
}

TEST(DatesFeed, TriesBothForms) {
  check(
      {
          {"Thu, 26 Feb 1987 15:02:20 GMT", "1987-02-26T15:02:20Z"},
          {"1987-02-26T15:01:01Z", "1987-02-26T15:01:01Z"},
          {"Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"},
          {"2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"},
          {"6 Nov 94 08:49 EST", "1994-11-06T13:49:00Z"},
          {"yesterday", std::nullopt},
          {"", std::nullopt},
      },
      parse_feed_date);
}

TEST(DatesCivil, KnownEpochValues) {
  EXPECT_EQ(from_civil(1970, 1, 1), 0);
  EXPECT_EQ(from_civil(1994, 11, 6, 8, 49, 37), 784111777);
  EXPECT_EQ(from_civil(1987, 2, 26, 15, 2, 20), 541350140);
  EXPECT_EQ(from_civil(2000, 2, 29), 951782400);
  EXPECT_EQ(from_civil(1969, 12, 31, 23, 59, 59), -1);
  EXPECT_EQ(parse_rfc822("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
}

TEST(DatesFormat, FormatsUtc) {
  EXPECT_EQ(format_rfc3339(541350140), "1987-02-26T15:02:20Z");
  EXPECT_EQ(format_rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_date(541350140), "1987-02-26");
  EXPECT_EQ(format_date(-1), "1969-12-31");
  EXPECT_EQ(day_key(541350140), "19870226");
  EXPECT_EQ(day_key(951782400), "20000229");
}

TEST(DatesFormat, DayKeyIsTheDateWithoutDashesInEveryYear) {
  // day_key writes its digits itself; format_date is snprintf's "%04d-%02u-%02u".
  int checked = 0;
  for (UnixSeconds t = from_civil(0, 1, 1); t <= from_civil(9999, 12, 31, 23);
       t += 86400 * 29 + 3607) {
    std::string expected = format_date(t);
    std::erase(expected, '-');
    ASSERT_EQ(day_key(t), expected) << t;
    ++checked;
  }
  EXPECT_GT(checked, 120'000);
  EXPECT_EQ(day_key(from_civil(0, 1, 1)), "00000101");
  EXPECT_EQ(day_key(from_civil(9999, 12, 31, 23, 59, 59)), "99991231");
  EXPECT_EQ(day_key(from_civil(10000, 1, 1)), "100000101");  // outside, still the date
}

TEST(DatesFormat, RoundTripsThroughTheParser) {
  for (UnixSeconds t : {0LL, 541350140LL, 784111777LL, 951782400LL, 1714558830LL, -86400LL}) {
    EXPECT_EQ(parse_iso8601(format_rfc3339(t)), t) << t;
  }
}

// Found by fuzz/dates_fuzzer.cpp: an offset pushed the instant out of years 0000–9999, and
// format_rfc3339 wrote "10000-01-01T…" or "-001-12-31T…", which the parser then refused.
TEST(DatesFormat, EveryParsedDateHasAFourDigitYear) {
  check(
      {
          {"9999-12-31T23:59:59-23:59", std::nullopt},
          {"9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"},
          {"9999-12-31T23:59:59+01:00", "9999-12-31T22:59:59Z"},
          {"0000-01-01T00:00:00+01:00", std::nullopt},
          {"0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"},
          {"0000-01-01T00:00:00-01:00", "0000-01-01T01:00:00Z"},
          {"Fri, 31 Dec 9999 23:59:59 -2359", std::nullopt},
          {"31 Dec 9999 23:00 EST", std::nullopt},
      },
      parse_feed_date);
  for (const char* text : {"9999-12-31T23:59:59+01:00", "0000-01-01T00:00:00-01:00"}) {
    const std::optional<UnixSeconds> t = parse_feed_date(text);
    ASSERT_TRUE(t) << text;
    EXPECT_EQ(parse_iso8601(format_rfc3339(*t)), t) << text;
  }
}

TEST(DatesRelativeAge, NamesTheLargestWholeUnit) {
  const UnixSeconds now = from_civil(1987, 10, 21, 12);
  struct Case {
    UnixSeconds t;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {now, "just now"},
      {now - 59, "just now"},
      {now - 60, "1 minute ago"},
      {now - 125, "2 minutes ago"},
      {now - 3600, "1 hour ago"},
      {now - 5 * 3600, "5 hours ago"},
      {now - 86400, "1 day ago"},
      {now - 3 * 86400, "3 days ago"},
      {now - 7 * 86400, "1 week ago"},
      {now - 20 * 86400, "2 weeks ago"},
      {now - 30 * 86400, "1 month ago"},
      {now - 200 * 86400, "6 months ago"},
      {now - 365 * 86400, "1 year ago"},
      {now - 3 * 365 * 86400, "3 years ago"},
      {now + 2 * 86400, "in 2 days"},
      {now + 3600, "in 1 hour"},
      {now + 30, "just now"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(relative_age(c.t, now), c.expected) << "age " << now - c.t << " s";
  }
}

/// The text of every <tag>…</tag> in the XML files under `folder` (no XML parser needed: the
/// dates hold no markup).
std::vector<std::string> element_texts(const std::filesystem::path& folder, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.path().extension() != ".xml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string xml = buffer.str();
    for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at)) {
      at += open.size();
      found.push_back(xml.substr(at, xml.find(close, at) - at));
    }
  }
  return found;
}

TEST(DatesCorpus, EveryReutersDateParses) {
  LEDE_REQUIRE_SHARED(feeds, "corpus/reuters21578/feeds");
  LEDE_REQUIRE_SHARED(atom, "corpus/reuters21578/atom");
  std::size_t checked = 0;
  for (const auto& [folder, tag] : {std::pair{feeds, "pubDate"}, std::pair{atom, "updated"}}) {
    for (const std::string& date : element_texts(folder, tag)) {
      const std::optional<UnixSeconds> t = parse_feed_date(date);
      ASSERT_TRUE(t.has_value()) << folder << ": <" << tag << "> \"" << date << "\"";
      // The Reuters-21578 stories are from 1987.
      EXPECT_EQ(format_rfc3339(*t).substr(0, 4), "1987") << date;
      ++checked;
    }
  }
  EXPECT_GT(checked, 20000u);
}

}  // namespace
}  // namespace lede::dates

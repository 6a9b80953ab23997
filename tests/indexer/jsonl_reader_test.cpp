// JSON Lines dumps → Articles: fields, per-line errors with file:line, identity shared with feeds.
#include "indexer/jsonl_reader.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/dates.hpp"
#include "common/text.hpp"
#include "indexer/feed/feed.hpp"
#include "indexer/normalize.hpp"

namespace lede {
namespace {

const UnixSeconds kNow = dates::from_civil(2024, 6, 1, 12);

struct ReadResult {
  std::vector<Article> articles;
  std::vector<std::string> errors;
};

ReadResult read_all(const std::string& bytes, std::size_t stop_after = 0) {
  ReadResult r;
  jsonl::read(
      bytes, jsonl::ReadContext{"dump.jsonl", "en", kNow},
      [&](Article&& a) {
        r.articles.push_back(std::move(a));
        return stop_after == 0 || r.articles.size() < stop_after;
      },
      [&](const std::string& e) { r.errors.push_back(e); });
  return r;
}

const std::string kRecord =
    R"({"id": "reuters21578-2", "title": "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT", )"
    R"("body": "CLEVELAND, Feb 26 - Standard Oil said.\n\nBP North America.", )"
    R"("summary": "CLEVELAND, Feb 26 - Standard Oil said.", "published": "1987-02-26T15:02:20Z", )"
    R"("link": "https://archive.example/reuters21578/2", "source": "Reuters", )"
    R"("categories": ["earn", "acq"], "places": ["usa"]})";

TEST(JsonLinesReader, MapsEveryFieldOfTheDumpSchema) {
  const ReadResult r = read_all(kRecord + "\n");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles.front();
  EXPECT_EQ(a.title, "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT");
  EXPECT_EQ(a.body, "CLEVELAND, Feb 26 - Standard Oil said.\n\nBP North America.");
  EXPECT_EQ(a.summary, "CLEVELAND, Feb 26 - Standard Oil said.");
  EXPECT_EQ(a.guid, "reuters21578-2");
  EXPECT_EQ(a.link, "https://archive.example/reuters21578/2");
  EXPECT_EQ(a.host, "archive.example");
  EXPECT_EQ(a.source, "Reuters");
  EXPECT_EQ(a.categories, (std::vector<std::string>{"earn", "acq"}));
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.published, dates::from_civil(1987, 2, 26, 15, 2, 20));
  EXPECT_EQ(a.date_source, DateSource::published);
  EXPECT_FALSE(a.future_date);
  EXPECT_FALSE(a.id.empty());
}

TEST(JsonLinesReader, SameLinkAsAFeedItemGivesTheSameIdentity) {
  // The Reuters RSS item for this story: same link, guid = the JSONL id.
  feed::Feed rss;
  rss.title = "Reuters-21578 newswire archive: 1987-02-26";
  rss.link = "https://archive.example/reuters21578/";
  feed::Item item;
  item.title = {"STANDARD OIL &lt;SRD&gt; TO FORM FINANCIAL UNIT", true};
  item.link = "https://archive.example/reuters21578/2";
  item.guid = "reuters21578-2";
  item.dates = {{"Thu, 26 Feb 1987 15:02:20 GMT", DateSource::published}};
  const Article from_feed = normalize(item, rss, NormalizeContext{"feeds/day.xml", "en", kNow});

  const ReadResult r = read_all(kRecord);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles.front().id, from_feed.id);
  EXPECT_EQ(r.articles.front().title, from_feed.title);
  EXPECT_EQ(r.articles.front().published, from_feed.published);
}

TEST(JsonLinesReader, BadLinesAreNamedByFileAndLineAndTheRestGoesOn) {
  const std::string dump = kRecord + "\n" +                         // 1 good
                           "{not json\n" +                          // 2
                           "\n" +                                   // 3 blank: skipped
                           R"(["an", "array"])" + "\n" +            // 4
                           R"({"title": "", "body": ""})" + "\n" +  // 5 nothing to index
                           R"({"title": "T", "published": "yesterday"})" + "\n" +  // 6
                           R"({"title": 42})" + "\n" +                             // 7
                           R"({"title": "Last", "link": "ftp://x/y"})" + "\n" +    // 8
                           R"({"title": "Good too", "body": "b", "id": "x-2"})";   // 9, no newline
  const ReadResult r = read_all(dump);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].title, "Good too");
  ASSERT_EQ(r.errors.size(), 6u);
  EXPECT_EQ(r.errors[0].rfind("dump.jsonl:2: invalid JSON", 0), 0u) << r.errors[0];
  EXPECT_EQ(r.errors[1], "dump.jsonl:4: not a JSON object");
  EXPECT_EQ(r.errors[2], "dump.jsonl:5: record has neither title nor body");
  EXPECT_EQ(r.errors[3], "dump.jsonl:6: \"published\" is not an RFC 3339 time: yesterday");
  EXPECT_EQ(r.errors[4], "dump.jsonl:7: \"title\" is not a string");
  EXPECT_EQ(r.errors[5], "dump.jsonl:8: \"link\" is not an http(s) URL: ftp://x/y");
}

// Found by fuzz/jsonl_fuzzer.cpp: the message kept nlohmann's "last read: '…'" quote of the
// bad bytes, which could end in the middle of a UTF-8 character, and lost the reason.
TEST(JsonLinesReader, InvalidJsonMessagesGiveTheColumnAndReasonNotTheBytes) {
  const ReadResult r = read_all(
      "{\"id\": \"r-25\"\xAC \"title\": \"T\"}\n"
      "{\"title\": tru\n"
      "{\"title\"\n");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0],
            "dump.jsonl:1: invalid JSON at column 14: syntax error while parsing object - "
            "invalid literal; expected '}'");
  EXPECT_EQ(r.errors[1],
            "dump.jsonl:2: invalid JSON at column 14: syntax error while parsing value - "
            "invalid literal");
  EXPECT_EQ(r.errors[2],
            "dump.jsonl:3: invalid JSON at column 9: syntax error while parsing object separator - "
            "unexpected end of input; expected ':'");
  for (const std::string& e : r.errors) {
    EXPECT_EQ(text::repair_utf8(e), e) << e;
    EXPECT_EQ(e.find("last read"), std::string::npos) << e;
  }
}

// Found by fuzz/jsonl_fuzzer.cpp: a story that says "'; expected " before the bad byte (Reuters
// 27: "Shr 39 cts'; expected vs 50 cts") made the quote of the bytes look like it ended there,
// and the rest of the bytes, cut inside a character, stayed in the message.
TEST(JsonLinesReader, TheQuoteIsDroppedWhateverTheBytesSay) {
  const ReadResult r = read_all(
      "{\"body\": \"Shr 39 cts'; expected vs 50 cts \xE2\x82\xAC\\q\"}\n"
      "{\"id\": \"r\" \"x'; expected 'y\\q\"}\n");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0],
            "dump.jsonl:1: invalid JSON at column 47: syntax error while parsing value - invalid "
            "string: forbidden character after backslash");
  EXPECT_EQ(r.errors[1],
            "dump.jsonl:2: invalid JSON at column 29: syntax error while parsing object - "
            "invalid string: forbidden character after backslash; expected '}'");
}

// Found by fuzz/jsonl_fuzzer.cpp: nlohmann-json throws out_of_range (not parse_error) for a
// number too large for a double, and lede-index stopped there with "internal error", exit 2.
TEST(JsonLinesReader, ANumberTooLargeForADoubleIsABadLineAndTheRestGoesOn) {
  const ReadResult r = read_all(
      "{\"link\": \"https://x.example/1\", \"title\": \"one\"}\n"
      "{\"link\": \"https://x.example/2\", \"title\": \"two\", \"n\": 1e999}\n"
      "{\"link\": \"https://x.example/3\", \"title\": \"three\"}\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "dump.jsonl:2: invalid JSON: number overflow parsing '1e999'");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "one");
  EXPECT_EQ(r.articles[1].title, "three");
}

// A message quotes no more of the line than a reason needs: nlohmann's out_of_range quotes the
// whole number ("number overflow parsing '111…'"), and its parse errors the whole token that
// failed, so a 1 MiB run of digits or an unterminated 1 MiB string was echoed to stderr whole.
TEST(JsonLinesReader, MessagesQuoteAtMostAShortCutOfTheBadBytes) {
  std::string accented;
  for (int i = 0; i < 500'000; ++i) accented += "\xC3\xA9";  // é, two bytes each
  const ReadResult r =
      read_all("{\"title\": \"digits\", \"n\": 1" + std::string(1 << 20, '1') + "e999}\n" +
               "{\"title\": \"" + accented + "\n" + "{\"title\": \"after\"}\n");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].rfind("dump.jsonl:1: invalid JSON: number overflow parsing '111", 0), 0u)
      << r.errors[0].substr(0, 300);
  EXPECT_EQ(r.errors[1].rfind("dump.jsonl:2: invalid JSON at column ", 0), 0u)
      << r.errors[1].substr(0, 300);
  EXPECT_NE(r.errors[1].find("missing closing quote"), std::string::npos)
      << r.errors[1].substr(0, 300);
  for (const std::string& e : r.errors) {
    EXPECT_LE(e.size(), 300u) << e.substr(0, 300);
    EXPECT_EQ(text::repair_utf8(e), e) << e.substr(0, 300);
  }
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "after");
}

TEST(JsonLinesReader, UndatedRecordsAreFirstSeenNowAndFutureDatesFlagged) {
  const ReadResult r = read_all(
      R"({"title": "Undated", "link": "https://a.example/1"})"
      "\n"
      R"({"title": "Ahead", "link": "https://a.example/2", "published": "2030-01-01T00:00:00Z"})");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].published, kNow);
  EXPECT_EQ(r.articles[0].date_source, DateSource::first_seen);
  EXPECT_TRUE(r.articles[1].future_date);
}

TEST(JsonLinesReader, InvalidUtf8BecomesReplacementCharacters) {
  const ReadResult r = read_all("{\"title\": \"caf\xC3\", \"body\": \"ok\"}");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles.front().title, "caf\xEF\xBF\xBD");
}

TEST(JsonLinesReader, StopsWhenTheSinkSaysSo) {
  const ReadResult r = read_all(kRecord + "\n" + kRecord + "\n" + kRecord, /*stop_after=*/2);
  EXPECT_EQ(r.articles.size(), 2u);
}

}  // namespace
}  // namespace lede

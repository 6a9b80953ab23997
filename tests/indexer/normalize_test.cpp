// Feed item → Article: text conversion, the date fallback chain, language, source and host.
#include "indexer/normalize.hpp"

#include <gtest/gtest.h>

#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "indexer/feed/feed.hpp"

namespace lede {
namespace {

const UnixSeconds kNow = dates::from_civil(2024, 6, 1, 12);

feed::Feed sample_feed() {
  feed::Feed f;
  f.title = "World &amp; Co";
  f.link = "https://news.example.net/";
  f.language = "fr-FR";
  return f;
}

Article run(const feed::Item& item, const feed::Feed& f = sample_feed()) {
  return normalize(item, f, NormalizeContext{"feed.xml", "en", kNow});
}

TEST(Normalize, TitlesBecomePlainText) {
  feed::Item item;
  item.title = {"Rates &lt;i&gt;held&lt;/i&gt; at 4% &amp; more", true};
  item.link = "https://news.example.net/a";
  const Article a = run(item);
  EXPECT_EQ(a.title, "Rates <i>held</i> at 4% & more");  // double-escaped: decoded once
  item.title = {"<b>Bold</b>  move", true};
  EXPECT_EQ(run(item).title, "Bold move");
  item.title = {"Plain <not a tag>  & text", false};
  EXPECT_EQ(run(item).title, "Plain <not a tag> & text");
}

TEST(Normalize, BodyIsTheRichestTextAndSummaryItsLead) {
  feed::Item item;
  item.title = {"t", false};
  item.summary = {"Short <b>teaser</b>.", true};
  item.content = {"<p>The central bank held rates.</p><p>Markets rose.</p><script>x()</script>",
                  true};
  Article a = run(item);
  EXPECT_EQ(a.body, "The central bank held rates.\n\nMarkets rose.");
  EXPECT_EQ(a.summary, "Short teaser.");

  item.summary = {};
  a = run(item);
  EXPECT_EQ(a.summary, "The central bank held rates.");

  item.content = {std::string(100, 'w') + " " + std::string(250, 'x'), false};
  a = run(item);
  EXPECT_EQ(a.summary, std::string(100, 'w') + "…");  // cut at a word boundary

  item.content = {"Plain first.\n\n  Second   para. ", false};
  EXPECT_EQ(run(item).body, "Plain first.\n\nSecond para.");

  item.summary = {"<p>A much longer description than the content.</p>", true};
  item.content = {"Short.", false};
  EXPECT_EQ(run(item).body, "A much longer description than the content.");
}

TEST(Normalize, DateFallbackChain) {
  feed::Item item;
  item.title = {"t", false};
  feed::Feed f = sample_feed();
  f.dates = {{"Sat, 01 Jun 2024 06:00:00 GMT", DateSource::feed}};
  struct Case {
    std::vector<feed::RawDate> dates;
    UnixSeconds expected;
    DateSource source;
  };
  const Case cases[] = {
      {{{"2024-05-01T10:00:00Z", DateSource::published}, {"2024-05-02", DateSource::updated}},
       dates::from_civil(2024, 5, 1, 10),
       DateSource::published},
      {{{"garbage", DateSource::published}, {"2024-05-02", DateSource::updated}},
       dates::from_civil(2024, 5, 2),
       DateSource::updated},
      {{{"2024-05-03T00:00:00Z", DateSource::dc_date}, {"2024-05-02", DateSource::updated}},
       dates::from_civil(2024, 5, 2),
       DateSource::updated},
      {{{"2024-05-03T00:00:00Z", DateSource::dc_date}},
       dates::from_civil(2024, 5, 3),
       DateSource::dc_date},
      {{}, dates::from_civil(2024, 6, 1, 6), DateSource::feed},
  };
  for (const Case& c : cases) {
    item.dates = c.dates;
    const Article a = run(item, f);
    EXPECT_EQ(a.published, c.expected);
    EXPECT_EQ(a.date_source, c.source);
    EXPECT_FALSE(a.future_date);
  }
  item.dates = {};
  const Article seen = run(item);  // neither item nor feed has a date
  EXPECT_EQ(seen.published, kNow);
  EXPECT_EQ(seen.date_source, DateSource::first_seen);
}

TEST(Normalize, FutureDatesAreFlagged) {
  feed::Item item;
  item.title = {"t", false};
  item.dates = {{"2024-06-02T11:00:00Z", DateSource::published}};  // within a day: fine
  EXPECT_FALSE(run(item).future_date);
  item.dates = {{"2024-06-03T12:00:01Z", DateSource::published}};
  EXPECT_TRUE(run(item).future_date);
}

TEST(Normalize, LanguageSourceHostAndLists) {
  feed::Item item;
  item.title = {"t", false};
  item.link = "https://WWW.Example.org:8443/story";
  item.authors = {" Ana  Ruiz ", "Ana Ruiz", ""};
  item.categories = {"Economy", "Economy", "Banks"};
  Article a = run(item);
  EXPECT_EQ(a.language, "fr");  // from the feed's "fr-FR"
  EXPECT_EQ(a.source, "World & Co");
  EXPECT_EQ(a.host, "www.example.org");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Ana Ruiz"});
  EXPECT_EQ(a.categories, (std::vector<std::string>{"Economy", "Banks"}));
  EXPECT_FALSE(a.id.empty());

  item.language = "EN_gb";
  EXPECT_EQ(run(item).language, "en");
  item.language = "";
  item.link = "";
  feed::Feed no_language = sample_feed();
  no_language.language = "";
  a = normalize(item, no_language, NormalizeContext{"f", "de", kNow});
  EXPECT_EQ(a.language, "de");            // --language
  EXPECT_EQ(a.host, "news.example.net");  // no link: the feed's host
}

TEST(Normalize, IdentityFollowsTheLink) {
  feed::Item item;
  item.title = {"t", false};
  item.link = "https://news.example.net/a?utm_source=rss";
  feed::Item same = item;
  same.link = "https://NEWS.example.net/a#top";
  EXPECT_EQ(run(item).id, run(same).id);
}

TEST(Normalize, RejectsEmptyItemsWithTheirLine) {
  feed::Item item;
  item.line = 42;
  item.authors = {"Only an author"};
  try {
    run(item);
    FAIL() << "an empty item was accepted";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "item has no title, link or content");
  }
}

// Found by fuzz/feed_fuzzer.cpp: an item's <link> went into the article as written, so a
// feed could give a story a javascript: or file: address (or "http://example.co[/", which no
// URL parser reads) although an Article's link is http(s) or empty.
TEST(Normalize, KeepsOnlyHttpLinks) {
  feed::Item item;
  item.title = {"t", false};
  for (const char* link : {"javascript:alert(1)", "file:///etc/passwd", "gopher://x.example/",
                           "data:text/html,<b>x</b>", "http://example.co[/", "http://"}) {
    item.link = link;
    const Article a = run(item);
    EXPECT_EQ(a.link, "") << link;
    EXPECT_EQ(a.host, "news.example.net") << link;  // the feed's, as for an item without link
  }
  item.link = "HTTPS://news.example.net/a";
  EXPECT_EQ(run(item).link, "HTTPS://news.example.net/a");
  item.title = {"", false};
  item.link = "javascript:alert(1)";
  EXPECT_THROW(run(item), Error);  // nothing left to index
}

TEST(Normalize, CapsHugeBodies) {
  feed::Item item;
  item.title = {"t", false};
  item.content = {std::string(3 << 20, 'a'), false};
  EXPECT_LE(run(item).body.size(), 1u << 20);
}

// XML lets a character reference name a surrogate (&#xD800;) and the parser decodes it into
// bytes that are not UTF-8; every text field of the article must still be UTF-8 (found by
// fuzz_feed in a <guid>).
TEST(Normalize, SurrogateReferencesInPlainFieldsBecomeReplacementCharacters) {
  const std::string xml =
      "<rss version=\"2.0\"><channel><title>c</title><language>e&#xD800;n</language><item>"
      "<title>A &#xD800; title</title><description>Body &#xDFFF; text</description>"
      "<guid>http://guid.example.&#xD800;com/</guid><author>An &#xD800;author</author>"
      "<category>Cat&#xDBFF;</category></item></channel></rss>";
  const feed::Feed parsed = feed::parse(xml, feed::Origin{"f.xml", "", ""});
  ASSERT_EQ(parsed.items.size(), 1u);
  ASSERT_NE(parsed.items[0].guid, text::repair_utf8(parsed.items[0].guid))
      << "the parser no longer yields invalid UTF-8 here; this test needs another input";
  const Article a = normalize(parsed.items[0], parsed, NormalizeContext{"f.xml", "en", kNow});
  for (const std::string* field : {&a.title, &a.summary, &a.body, &a.guid, &a.language}) {
    EXPECT_EQ(*field, text::repair_utf8(*field)) << *field;
  }
  ASSERT_EQ(a.authors.size(), 1u);
  ASSERT_EQ(a.categories.size(), 1u);
  EXPECT_EQ(a.authors[0], text::repair_utf8(a.authors[0]));
  EXPECT_EQ(a.categories[0], text::repair_utf8(a.categories[0]));
  EXPECT_NE(a.guid.find("\xEF\xBF\xBD"), std::string::npos) << a.guid;  // U+FFFD
}

}  // namespace
}  // namespace lede

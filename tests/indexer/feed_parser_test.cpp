// The feed parsers on small fixtures of every format (tests/fixtures/feeds/).
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "indexer/feed/feed.hpp"
#include "tests/support/test_paths.hpp"

namespace lede::feed {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(test::fixtures_dir() / "feeds" / name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  EXPECT_FALSE(out.str().empty()) << name;
  return out.str();
}

Feed parse_fixture(const std::string& name, const std::string& base_url = "") {
  return parse(fixture(name), Origin{name, base_url, ""});
}

std::string error_of(const std::string& name) {
  try {
    parse_fixture(name);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(FeedParser, DetectsEveryFormat) {
  const std::pair<const char*, const char*> cases[] = {
      {"rss091.xml", "rss0.91"},  {"rss092.xml", "rss0.92"},  {"rss20.xml", "rss2.0"},
      {"rss10.rdf", "rss1.0"},    {"atom03.xml", "atom0.3"},  {"atom10.xml", "atom1.0"},
      {"json10.json", "json1.0"}, {"json11.json", "json1.1"},
  };
  for (const auto& [file, format] : cases) EXPECT_EQ(parse_fixture(file).format, format) << file;
}

TEST(FeedParser, Rss091WithHtmlEntities) {
  const Feed f = parse_fixture("rss091.xml");
  EXPECT_EQ(f.title, "Harbour Gazette");
  EXPECT_EQ(f.language, "en-gb");
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].title.value, "Ferry timetable changes\u00A0for spring");  // &nbsp;
  EXPECT_EQ(f.items[0].summary.value, "The été schedule starts in <b>April</b>.");
  EXPECT_TRUE(f.items[0].summary.is_html);
  EXPECT_EQ(f.items[0].line, 10u);
}

TEST(FeedParser, Rss092Categories) {
  const Feed f = parse_fixture("rss092.xml");
  ASSERT_EQ(f.items.size(), 2u);
  EXPECT_EQ(f.items[0].categories, std::vector<std::string>{"Transport"});
  EXPECT_EQ(f.items[1].title.value, "");
  EXPECT_EQ(f.items[1].link, "");
}

TEST(FeedParser, Rss20ModulesBaseAndDoubleEscapedTitle) {
  const Feed f = parse_fixture("rss20.xml");
  EXPECT_EQ(f.title, "World &amp; Co");  // kept as HTML: normalisation decodes it once
  EXPECT_EQ(f.link, "https://news.example.net/");
  EXPECT_EQ(f.language, "fr-FR");
  ASSERT_EQ(f.dates.size(), 1u);
  EXPECT_EQ(f.dates[0].source, DateSource::feed);
  ASSERT_EQ(f.items.size(), 3u);

  const Item& first = f.items[0];
  EXPECT_EQ(first.title.value, "Rates &lt;i&gt;held&lt;/i&gt; at 4%");
  EXPECT_TRUE(first.title.is_html);
  EXPECT_EQ(first.link, "https://news.example.net/world/articles/rates.html?utm_source=rss");
  EXPECT_EQ(first.guid, "rates-2024-05");
  EXPECT_EQ(first.authors, std::vector<std::string>{"Ana Ruiz"});
  EXPECT_EQ(first.categories, (std::vector<std::string>{"Economy", "Banks"}));
  EXPECT_TRUE(first.summary.is_html);
  EXPECT_EQ(first.content.value.substr(0, 35), "<p>The central bank held rates.</p>");
  ASSERT_EQ(first.dates.size(), 1u);
  EXPECT_EQ(first.dates[0].text, "Wed, 01 May 2024 10:20:30 +0200");
  EXPECT_EQ(first.dates[0].source, DateSource::published);
  EXPECT_EQ(first.line, 11u);

  EXPECT_EQ(f.items[1].link, "https://news.example.net/atom-link");
  EXPECT_EQ(f.items[1].language, "de");
  ASSERT_EQ(f.items[1].dates.size(), 1u);
  EXPECT_EQ(f.items[1].dates[0].source, DateSource::dc_date);
  // A permalink guid stands in for the missing link.
  EXPECT_EQ(f.items[2].link, "https://news.example.net/permalink-guid");
  EXPECT_TRUE(f.items[2].dates.empty());
}

TEST(FeedParser, RssTitlesAreHtmlOnlyWhenTheyLookLikeIt) {
  // A wire headline's ticker "<TFB>" (XML-escaped once) is text; escaped markup is HTML.
  const std::pair<const char*, bool> cases[] = {
      {"TAFT &lt;TFB&gt; GIVEN DEADLINE", false},
      {"CLASS &lt;B&gt; SHARES", false},
      {"&lt;b&gt;Bold&lt;/b&gt; move", true},
      {"Line&lt;br/&gt;break", true},
      {"Q&amp;amp;A", true},
      {"AT&amp;T profits", false},
      {"5 &lt; 6", false},
  };
  for (const auto& [title, is_html] : cases) {
    const std::string rss =
        std::string("<rss version=\"2.0\"><channel><title>t</title><item><title>") + title +
        "</title><link>https://n.example/1</link></item></channel></rss>";
    const Feed feed = parse(rss, Origin{"inline.xml", "", ""});
    ASSERT_EQ(feed.items.size(), 1u);
    EXPECT_EQ(feed.items[0].title.is_html, is_html) << title;
  }
}

TEST(FeedParser, Rss10ItemsBesideTheChannel) {
  const Feed f = parse_fixture("rss10.rdf");
  EXPECT_EQ(f.title, "RDF Weekly");
  EXPECT_EQ(f.language, "en-US");
  ASSERT_EQ(f.items.size(), 2u);
  EXPECT_EQ(f.items[0].link, "http://rdf.example.org/one");
  EXPECT_EQ(f.items[0].guid, "http://rdf.example.org/one");  // rdf:about
  EXPECT_EQ(f.items[0].authors, std::vector<std::string>{"Lee Chan"});
  EXPECT_EQ(f.items[0].dates[0].source, DateSource::dc_date);
  EXPECT_EQ(f.items[1].title.value, "Second story");
}

TEST(FeedParser, Atom03EscapedAndBase64Modes) {
  const Feed f = parse_fixture("atom03.xml");
  EXPECT_EQ(f.link, "http://old.example.com/");
  EXPECT_EQ(f.language, "en");
  ASSERT_EQ(f.items.size(), 1u);
  const Item& e = f.items[0];
  EXPECT_EQ(e.title.value, "Escaped <em>title</em>");
  EXPECT_TRUE(e.title.is_html);
  EXPECT_EQ(e.content.value, "<p>Base64 <b>body</b></p>");
  EXPECT_TRUE(e.content.is_html);
  EXPECT_EQ(e.summary.value, "Plain summary");
  EXPECT_FALSE(e.summary.is_html);
  EXPECT_EQ(e.authors, std::vector<std::string>{"Feed Author"});  // inherited from the feed
  ASSERT_EQ(e.dates.size(), 2u);
  EXPECT_EQ(e.dates[0].source, DateSource::published);  // issued
  EXPECT_EQ(e.dates[1].source, DateSource::updated);    // modified
}

TEST(FeedParser, Atom10TextConstructsAndXmlBase) {
  const Feed f = parse_fixture("atom10.xml");
  EXPECT_EQ(f.title, "Tech &amp; Notes");
  EXPECT_EQ(f.link, "https://blog.example.com/");
  EXPECT_EQ(f.language, "en-US");
  ASSERT_EQ(f.items.size(), 2u);
  const Item& e = f.items[0];
  EXPECT_EQ(e.title.value, "<b>Bold</b> move &amp; more");
  EXPECT_TRUE(e.title.is_html);
  EXPECT_EQ(e.link, "https://blog.example.com/posts/first.html");  // rel=alternate, nested base
  EXPECT_EQ(e.guid, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
  EXPECT_EQ(e.authors, (std::vector<std::string>{"Mia Berg", "Jo Park"}));
  EXPECT_EQ(e.categories, (std::vector<std::string>{"cpp", "Only label"}));
  EXPECT_EQ(e.summary.value, "Plain <summary>");
  EXPECT_FALSE(e.summary.is_html);
  EXPECT_EQ(e.content.value, "<p>First <em>para</em>.</p><p>Second para.</p>");
  EXPECT_TRUE(e.content.is_html);
  EXPECT_EQ(e.language, "en-US");
  EXPECT_EQ(f.items[1].language, "sv");
  EXPECT_EQ(f.items[1].content.value, "<p>Hej &amp; välkommen</p>");
}

TEST(FeedParser, JsonFeeds) {
  const Feed one = parse_fixture("json10.json");
  ASSERT_EQ(one.items.size(), 1u);
  EXPECT_EQ(one.items[0].guid, "1");
  EXPECT_EQ(one.items[0].link, "https://json.example.com/one");
  EXPECT_TRUE(one.items[0].content.is_html);
  EXPECT_EQ(one.items[0].summary.value, "A greeting");
  EXPECT_EQ(one.items[0].authors, std::vector<std::string>{"Feed Writer"});
  EXPECT_EQ(one.items[0].categories, (std::vector<std::string>{"greeting", "test"}));

  const Feed eleven = parse_fixture("json11.json");
  EXPECT_EQ(eleven.language, "pt-BR");
  ASSERT_EQ(eleven.items.size(), 2u);
  EXPECT_EQ(eleven.items[0].link, "https://j11.example.com/external");
  EXPECT_FALSE(eleven.items[0].content.is_html);
  EXPECT_EQ(eleven.items[0].authors, (std::vector<std::string>{"Rui", "Bea"}));
  EXPECT_EQ(eleven.items[0].dates[0].source, DateSource::updated);
  EXPECT_EQ(eleven.items[1].title.value, "");  // a number where a string belongs is ignored
}

TEST(FeedParser, ErrorsNameTheLocationAndLine) {
  EXPECT_EQ(error_of("malformed.xml").rfind("malformed.xml:5: not well-formed XML", 0), 0u)
      << error_of("malformed.xml");
  EXPECT_EQ(error_of("not_a_feed.html"), "not_a_feed.html:2: not a feed (root element <html>)");
  EXPECT_EQ(error_of("malformed.json").rfind("malformed.json:2: not valid JSON", 0), 0u)
      << error_of("malformed.json");
  // A number no double holds is nlohmann's out_of_range, not a parse_error (found by fuzzing).
  const std::string huge_number =
      "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": "
      "[{\"id\": 1" +
      std::string(5000, '1') + "e99999}]}";
  try {
    parse(huge_number, Origin{"huge.json", "", ""});
    ADD_FAILURE() << "a number past a double's range was accepted";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("huge.json: not valid JSON (number overflow parsing '111", 0), 0u) << what;
    EXPECT_LT(what.size(), 300u) << "the quoted number is cut";
  }
  // A parse error quotes no bytes: nlohmann's "last read: '…'" is the whole failed token (here
  // an unterminated string of 600,000 characters), cut anywhere, even inside a character.
  std::string unterminated = "{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"title\": \"";
  for (int i = 0; i < 300'000; ++i) unterminated += "\xC3\xA9\xE2\x82\xAC";  // é€
  try {
    parse(unterminated, Origin{"long.json", "", ""});
    ADD_FAILURE() << "an unterminated string was accepted";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("long.json:2: not valid JSON (syntax error", 0), 0u)
        << what.substr(0, 300);
    EXPECT_NE(what.find("missing closing quote"), std::string::npos) << what.substr(0, 300);
    EXPECT_EQ(what.find("last read"), std::string::npos) << what.substr(0, 300);
    EXPECT_LT(what.size(), 300u) << what.substr(0, 300);
  }
  EXPECT_THROW(parse("", Origin{"empty", "", ""}), Error);
  EXPECT_THROW(parse("[1, 2]", Origin{"array", "", ""}), Error);
}

TEST(FeedParser, RelativeLinksUseTheOriginWhenNothingElseSays) {
  const Feed f = parse("<rss version='2.0'><channel><item><link>/a</link></item></channel></rss>",
                       Origin{"http://h.example/feed", "http://h.example/feeds/x.xml", ""});
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].link, "http://h.example/a");
}

}  // namespace
}  // namespace lede::feed

// SOURCE arguments: expansion of folders, format sniffing, OPML subscription lists.
#include "indexer/sources.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "indexer/opml.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;
using sources::Format;
using sources::Kind;

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(SourcesSniff, DecidesByTheBytesNotTheName) {
  struct Case {
    std::string bytes;
    Format expected;
  };
  const Case cases[] = {
      {"<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body/></opml>", Format::opml},
      {"\xEF\xBB\xBF<!-- list --><!DOCTYPE opml>\n<opml><body/></opml>", Format::opml},
      {"<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><rss version=\"2.0\"/>",
       Format::xml_feed},
      {"<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", Format::xml_feed},
      {"<rdf:RDF/>", Format::xml_feed},
      {"garbage that is no feed", Format::xml_feed},  // the feed parser names the problem
      {"", Format::xml_feed},
      {"{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"items\": []}",
       Format::json_feed},
      {"{\n  \"version\": \"https://jsonfeed.org/version/1\",\n  \"items\": []\n}",
       Format::json_feed},
      {"\n\n{\"id\": \"a\", \"title\": \"T\", \"body\": \"\", \"published\": "
       "\"1987-02-26T15:01:01Z\"}"
       "\n{\"id\": \"b\"}",
       Format::json_lines},
      {"{\"title\": \"Only a title\"}\n{oops", Format::json_lines},
      {"{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\"}", Format::json_feed},
      {"{\"items\": []}", Format::json_feed},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(sources::sniff(c.bytes), c.expected) << c.bytes;
  }
}

TEST(SourcesSniff, SchemesAreRecognised) {
  EXPECT_TRUE(sources::has_scheme("ftp://example.org/feed"));
  EXPECT_TRUE(sources::has_scheme("javascript:alert(1)"));
  EXPECT_TRUE(sources::has_scheme("file:///etc/passwd"));
  EXPECT_FALSE(sources::has_scheme("feeds/day.xml"));
  EXPECT_FALSE(sources::has_scheme("C:\\feeds"));  // one letter: a drive, not a scheme
  EXPECT_FALSE(sources::has_scheme("a b:c"));
}

TEST(SourcesExpand, FoldersBecomeTheirFeedFilesRecursivelySorted) {
  test::TempDir dir;
  write_file(dir / "b.xml", "<rss/>");
  write_file(dir / "a/z.atom", "<feed/>");
  write_file(dir / "a/list.OPML", "<opml/>");
  write_file(dir / "c/deeper/dump.jsonl", "{}");
  write_file(dir / "c/feed", "<?xml version=\"1.0\"?><rss/>");  // no extension: sniffed
  write_file(dir / "c/notes.txt", "just text");                 // neither: left out
  write_file(dir / "c/page.html", "<!DOCTYPE html><html/>");    // HTML is not a feed
  write_file(dir / ".hidden.xml", "<rss/>");
  write_file(dir / ".git/config.xml", "<rss/>");

  const sources::Expansion e = sources::expand({(dir.path()).string()});
  EXPECT_TRUE(e.errors.empty());
  std::vector<std::string> names;
  for (const auto& s : e.sources) {
    EXPECT_EQ(s.kind, Kind::file);
    names.push_back(fs::relative(s.location, dir.path()).string());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"a/list.OPML", "a/z.atom", "b.xml",
                                             "c/deeper/dump.jsonl", "c/feed"}));
}

TEST(SourcesExpand, DatabaseFoldersAreNeverWalked) {
  test::TempDir dir;
  write_file(dir / "feeds/a.xml", "<rss/>");
  write_file(dir / "feeds/archive/iamglass", "");
  write_file(dir / "feeds/archive/record.glass.xml", "<rss/>");
  write_file(dir / "feeds/locked/lede-writer.lock", "123\n");
  write_file(dir / "feeds/locked/stray.xml", "<rss/>");
  const sources::Expansion e = sources::expand({(dir / "feeds").string()});
  EXPECT_TRUE(e.errors.empty());
  EXPECT_EQ(e.sources,
            (std::vector<sources::Source>{{Kind::file, (dir / "feeds/a.xml").string()}}));

  const std::string archive = (dir / "feeds/archive").string();
  EXPECT_EQ(sources::expand({archive}).errors,
            (std::vector<std::string>{archive + ": a database folder, not feeds"}));
}

TEST(SourcesExpand, KeepsArgumentOrderAndNamesWhatIsUnusable) {
  test::TempDir dir;
  write_file(dir / "one.xml", "<rss/>");
  const std::string file = (dir / "one.xml").string();
  const sources::Expansion e =
      sources::expand({"https://example.org/feed", "-", file, "/no/such/place",
                       "ftp://example.org/f.xml", "file:///tmp/x.xml", "HTTP://EXAMPLE.ORG/upper"});
  EXPECT_EQ(e.sources, (std::vector<sources::Source>{{Kind::url, "https://example.org/feed"},
                                                     {Kind::standard_input, "-"},
                                                     {Kind::file, file},
                                                     {Kind::url, "HTTP://EXAMPLE.ORG/upper"}}));
  EXPECT_EQ(e.errors, (std::vector<std::string>{
                          "/no/such/place: no such file or folder",
                          "ftp://example.org/f.xml: only http:// and https:// URLs can be fetched",
                          "file:///tmp/x.xml: only http:// and https:// URLs can be fetched "
                          "(give the file's path)"}));
}

TEST(SourcesLoad, ReadsFilesAndNamesMissingOnes) {
  test::TempDir dir;
  write_file(dir / "f.xml", std::string("<rss>\0</rss>", 12));
  const auto loaded = sources::load({Kind::file, (dir / "f.xml").string()}, {});
  EXPECT_EQ(loaded.bytes.size(), 12u);  // binary-safe
  EXPECT_EQ(loaded.origin.location, (dir / "f.xml").string());
  EXPECT_TRUE(loaded.origin.base_url.empty());
  try {
    sources::load({Kind::file, (dir / "gone.xml").string()}, {});
    FAIL() << "no error for a missing file";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "gone.xml").string() + ": cannot open: No such file or directory");
  }
}

const char* kOpml = R"opml(<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="News">
      <outline text="A" type="rss" xmlUrl="https://a.example/feed.xml"/>
      <outline text="Local" type="rss" xmlUrl="feeds/local.xml"/>
      <outline text="Evil" type="rss" xmlUrl="javascript:alert(1)"/>
    </outline>
    <outline text="File" xmlUrl="file:///etc/passwd"/>
    <outline text="FTP" xmlUrl="ftp://ftp.example.org/feed.xml"/>
    <outline text="No feed, a folder only"/>
  </body>
</opml>
)opml";

TEST(Opml, ListsEveryFeedAndRefusesNonHttpUrls) {
  const opml::Subscriptions s = opml::read(kOpml, feed::Origin{"lists/subs.opml", "", ""});
  EXPECT_EQ(s.feeds, (std::vector<sources::Source>{{Kind::url, "https://a.example/feed.xml"},
                                                   {Kind::file, "lists/feeds/local.xml"}}));
  EXPECT_EQ(s.errors,
            (std::vector<std::string>{
                "lists/subs.opml:8: non-HTTP feed URL refused (javascript:alert(1))",
                "lists/subs.opml:10: non-HTTP feed URL refused (file:///etc/passwd)",
                "lists/subs.opml:11: non-HTTP feed URL refused (ftp://ftp.example.org/feed.xml)"}));
}

TEST(Opml, RemoteListsResolveRelativeUrlsAgainstTheirOwn) {
  const opml::Subscriptions s = opml::read(
      kOpml,
      feed::Origin{"https://h.example/lists/subs.opml", "https://h.example/lists/subs.opml", ""});
  ASSERT_EQ(s.feeds.size(), 2u);
  EXPECT_EQ(s.feeds[1], (sources::Source{Kind::url, "https://h.example/lists/feeds/local.xml"}));
}

TEST(Opml, MalformedOpmlIsAnErrorNamingTheLine) {
  try {
    opml::read("<opml>\n<body>\n<outline xmlUrl='x'>\n</body></opml>",
               feed::Origin{"subs.opml", "", ""});
    FAIL() << "no error for malformed OPML";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("subs.opml:4: not well-formed OPML", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace lede

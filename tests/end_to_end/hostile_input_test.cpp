// Files written to hurt, each with the behaviour it must show: a clear error or a contained
// result, bounded memory, and the rest of the batch indexed. Every input is generated here, in a
// temporary folder; the peak RSS of each lede-index run (wait4's ru_maxrss) is held to a bound
// that docs/limits.md states, and printed as "[hostile] NAME: peak RSS …".
#include "tests/end_to_end/hostile_input.hpp"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/end_to_end/hostile_input.hpp"

namespace lede {
namespace {

using namespace hostile;

TEST_F(HostileInput, BillionLaughsEntitiesAreNeverExpanded) {
  std::string dtd = "<!DOCTYPE rss [<!ENTITY lol \"lol\">";
  for (int level = 1; level <= 9; ++level) {
    dtd += "<!ENTITY lol" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i) dtd += "&lol" + (level > 1 ? std::to_string(level - 1) : "") + ";";
    dtd += "\">";
  }
  dtd += "]>\n";
  const auto r =
      index("billion laughs", write("laughs.xml", rss(item("&lol9;", "&lol9;", "l"), dtd)), 64);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(article("https://hostile.example/l").title, "&lol9;");  // as written, not 10⁹ lols
}

TEST_F(HostileInput, ExternalEntitiesAreNeverFetched) {
  const std::string dtd =
      "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY web SYSTEM \"http://127.0.0.1:9/x\">]>\n";
  const auto r =
      index("external entity", write("xxe.xml", rss(item("&xxe;", "&xxe; &web;", "x"), dtd)), 64);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const Article a = article("https://hostile.example/x");
  EXPECT_EQ(a.title, "&xxe;");
  EXPECT_EQ(a.body.find("root:"), std::string::npos);
}

TEST_F(HostileInput, NestingAHundredThousandDeep) {
  const int depth = 100000;
  std::string elements, html, outlines, array;
  for (int i = 0; i < depth; ++i) elements += "<b>", html += "&lt;div&gt;", outlines += "<outline>";
  elements += "deep";
  html += "deeper";
  for (int i = 0; i < depth; ++i)
    elements += "</b>", html += "&lt;/div&gt;", outlines += "</outline>";
  array = std::string(depth, '[') + std::string(depth, ']');

  auto r = index("100,000-deep XML elements",
                 write("deep.xml", rss(item(elements, elements, "e") + item("t", html, "h"))), 96);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has_article("https://hostile.example/e"));  // its title: what libxml2 recovered
  // HTML is parsed by libxml2, which gives up past its own depth limit: the article is indexed
  // with what it recovered.
  EXPECT_TRUE(has_article("https://hostile.example/h"));

  r = index("100,000-deep OPML outlines",
            write("deep.opml", "<opml version=\"2.0\"><body>" + outlines + "</body></opml>"), 96);
  EXPECT_EQ(r.exit_code, 0) << r.err;

  r = index("100,000-deep JSON Feed",
            write("deep.json", R"({"version":"https://jsonfeed.org/version/1.1","title":"J",)"
                               R"("items":[{"id":"j","url":"https://hostile.example/j",)"
                               R"("content_text":"deep json","_x":)" +
                                   array + "}]}"),
            96);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has_article("https://hostile.example/j"));

  r = index("100,000-deep JSON Lines record",
            write("deep.jsonl",
                  R"({"title":"deep line","body":"b","x":)" + array +
                      "}\n"
                      R"({"title":"after","body":"c","link":"https://hostile.example/after"})"
                      "\n"),
            96);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has_article("https://hostile.example/after"));
}

TEST_F(HostileInput, AFiftyMegabyteTitleIsCut) {
  const std::string feed = rss(item("@", "b", "t"));
  const std::size_t at = feed.find('@');
  const fs::path input = write_repeated("title.xml", feed.substr(0, at), std::string(mib, 'x'), 50,
                                        feed.substr(at + 1));
  const auto r = index("50 MB title", input, 400);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(article("https://hostile.example/t").title.size(), 64u * 1024);  // the field cap
}

TEST_F(HostileInput, AHundredMegabyteAttribute) {
  const std::string feed =
      rss("<item><title>attr</title><link>https://hostile.example/a</link>"
          "<guid isPermaLink=\"@\">g</guid></item>\n");
  const std::size_t at = feed.find('@');
  const fs::path input = write_repeated("attribute.xml", feed.substr(0, at), std::string(mib, 'y'),
                                        100, feed.substr(at + 1));
  // Over the default --max-size: refused before it is read.
  auto r = index("100 MB attribute (default --max-size)", input, 64);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(input.string() + ": larger than the 64 MiB limit (--max-size); not read"),
            std::string::npos)
      << r.err;
  // Allowed in: parsed, and the item indexed like any other.
  r = index("100 MB attribute (--max-size 128)", input, 640, {"--max-size", "128"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has_article("https://hostile.example/a"));
}

TEST_F(HostileInput, NulBytesAndInvalidUtf8Everywhere) {
  const std::string bad = std::string("a\0b", 3) + "\xff\xfe\xc3\x28\xed\xa0\x80\xf4\x90\x80\x80";
  std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>N" + bad +
                     "</title><link>https://hostile.example/</link>\n" + "<item><title>nul " + bad +
                     "</title><link>https://hostile.example/n</link>"
                     "<category>" +
                     bad + "</category><author>" + bad +
                     "</author>"
                     "<description>" +
                     bad + " body " + bad +
                     "</description></item>\n"
                     "</channel></rss>\n";
  auto r = index("NUL bytes and invalid UTF-8 (RSS)", write("nul.xml", feed), 64);
  EXPECT_LE(r.exit_code, 1) << r.err;
  const std::string dump =
      "{\"title\":\"nul \\u0000 " + std::string("\xff\xfe") +
      "\",\"body\":\"b\xc3\x28\",\"link\":\"https://hostile.example/nj\"}\n" +
      std::string("\0\0\0\n", 4) +
      "{\"title\":\"after\",\"body\":\"c\",\"link\":\"https://hostile.example/aj\"}\n";
  r = index("NUL bytes and invalid UTF-8 (JSON Lines)", write("nul.jsonl", dump), 64);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the line of NULs is not JSON: named and skipped
  EXPECT_NE(r.err.find("nul.jsonl:2: invalid JSON"), std::string::npos) << r.err;
  EXPECT_TRUE(has_article("https://hostile.example/aj"));
  // Whatever was stored is valid UTF-8 (U+FFFD for what was not).
  for (const std::string id : {"https://hostile.example/n", "https://hostile.example/nj"}) {
    const Article a = article(id);
    for (const std::string& field : {a.title, a.body}) {
      EXPECT_EQ(field.find('\xff'), std::string::npos) << id;
    }
  }
}

TEST_F(HostileInput, Utf16WithoutAByteOrderMark) {
  const std::string text = rss(item("Sixteen bits \xc3\xa9t\xc3\xa9", "Wide text.", "u"))
                               .substr(std::string("<?xml version=\"1.0\"?>\n").size());
  std::string utf16;  // UTF-16LE of ASCII and é (U+00E9), no BOM, no declaration
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned code = static_cast<unsigned char>(text[i]);
    if (code == 0xC3) code = 0xC0 | (static_cast<unsigned char>(text[++i]) & 0x3F);
    utf16 += static_cast<char>(code & 0xFF);
    utf16 += static_cast<char>(code >> 8);
  }
  const auto r = index("UTF-16 without BOM", write("utf16.xml", utf16), 64);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(article("https://hostile.example/u").title, "Sixteen bits \xc3\xa9t\xc3\xa9");
}

// What lede-query prints must hold no control function from an article: only lede's own
// colours, when asked for them.
void expect_no_terminal_controls(std::string out, const std::string& how) {
  for (const char* own : {"\x1b[1;31m", "\x1b[1m", "\x1b[2m", "\x1b[0m"}) {
    for (std::size_t at; (at = out.find(own)) != std::string::npos;)
      out.erase(at, std::strlen(own));
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    ASSERT_FALSE(c < 0x20 && c != '\n') << how << ": control byte " << int(c) << " at " << i;
    ASSERT_NE(c, 0x7F) << how;
    if (c == 0xC2 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      ASSERT_FALSE(next >= 0x80 && next <= 0x9F) << how << ": C1 control at " << i;
    }
    if (c == 0xE2 && i + 2 < out.size()) {
      const auto b1 = static_cast<unsigned char>(out[i + 1]);
      const auto b2 = static_cast<unsigned char>(out[i + 2]);
      ASSERT_FALSE(b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) << how << ": bidi override at " << i;
      ASSERT_FALSE(b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) << how << ": bidi isolate at " << i;
    }
  }
}

TEST_F(HostileInput, EscapeSequencesNeverReachTheTerminal) {
  const std::string csi = "\x1b[31mred\x1b[0m \x1b[2J\x1b[H";
  const std::string osc8 = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\";
  const std::string title_osc = "\x1b]0;pwned\x07";
  const std::string c1 =
      "\xc2\x9b"
      "31m \xc2\x9d"
      "0;x\xc2\x9c \x9b"
      "1m";
  const std::string bidi =
      "\xe2\x80\xae"
      "evil\xe2\x80\xac \xe2\x81\xa6x\xe2\x81\xa9";
  const std::string all = csi + osc8 + title_osc + c1 + bidi + "\x07\x08";
  // In XML the controls arrive raw and as character references; in JSON Lines as \u escapes.
  write("escapes.xml",
        rss(item("Tanker " + all + " seized", "Tanker body " + all, "esc") +
            item("Tanker &#27;[31mref&#27;[0m &#x9b;2J &#x202e;rev", "&#27;]8;;x&#7;", "ref")));
  write("escapes.jsonl",
        "{\"title\":\"Tanker \\u001b[31mjson\\u001b]8;;http://e\\u0007 \\u009b2J \\u202e\","
        "\"body\":\"tanker \\u001b[2J\",\"link\":\"https://hostile.example/jl\"}\n");
  const auto r =
      index("escape sequences", dir / "escapes.xml", 64, {(dir / "escapes.jsonl").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;

  const std::string lede_query = test::tool_path("query", "lede-query");
  for (const char* color : {"never", "always"}) {
    const auto q = test::run_process(
        {lede_query, "--db", db, "--color", color, "--fragments", "3", "--limit", "10", "tanker"});
    EXPECT_EQ(q.exit_code, 0) << q.err;
    EXPECT_NE(q.out.find("Tanker"), std::string::npos) << q.out;
    expect_no_terminal_controls(q.out, std::string("--color ") + color);
    expect_no_terminal_controls(q.err, std::string("stderr, --color ") + color);
  }
  // JSON output escapes them (for scripts, which decide); no raw control byte is written.
  const auto j = test::run_process({lede_query, "--db", db, "--json", "tanker"});
  EXPECT_EQ(j.exit_code, 0);
  expect_no_terminal_controls(j.out, "--json");
}

TEST_F(HostileInput, AFeedOfAMillionItems) {
  // A million copies of one story: what hurts is the count, every item parsed and held at once
  // (a million distinct stories would spend the test's time in Xapian, not in lede).
  const std::string feed = rss("@");
  const std::size_t at = feed.find('@');
  const fs::path input = write_repeated("million.xml", feed.substr(0, at),
                                        "<item><link>https://hostile.example/m</link></item>\n",
                                        1000000, feed.substr(at + 1));
  const auto r = index("1,000,000 items", input, 1536);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json s = summary(r);
  EXPECT_EQ(s["added"], 3);  // the story and the two good ones
  EXPECT_EQ(s["unchanged"], 999999);
}

TEST_F(HostileInput, AJsonLinesLineOfOneGigabyte) {
  // A record whose body is 1 GiB of NUL bytes (a sparse file: nothing is written to disk), between
  // two good ones. Read a line at a time, its bytes are never held: only --max-line of them.
  const fs::path input = dir / "huge.jsonl";
  {
    std::ofstream(input) << R"({"title":"before","body":"a","link":"https://hostile.example/b"})"
                         << "\n"
                         << R"({"title":"huge","body":")";
  }
  const auto size = fs::file_size(input) + (1l << 30);
  ASSERT_EQ(truncate(input.c_str(), static_cast<off_t>(size)), 0);
  std::ofstream(input, std::ios::app)
      << "\"}\n"
      << R"({"title":"after","body":"c","link":"https://hostile.example/c"})"
      << "\n";

  const auto r = index("1 GB JSON Lines line", input, 96);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.err.find(input.string() + ":2: line longer than the 16 MiB limit (--max-line); skipped"),
      std::string::npos)
      << r.err;
  EXPECT_TRUE(has_article("https://hostile.example/b"));
  EXPECT_TRUE(has_article("https://hostile.example/c"));
}

}  // namespace
}  // namespace lede

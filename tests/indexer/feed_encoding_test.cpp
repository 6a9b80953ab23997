// Encoding detection and conversion: tables of bytes → encoding, and the generated fixtures
// (scripts/make-encoding-fixtures.py) read through feed::parse.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "indexer/feed/encoding.hpp"
#include "indexer/feed/feed.hpp"
#include "tests/support/test_paths.hpp"

namespace lede::feed {
namespace {

using namespace std::string_literals;

std::string fixture(const std::string& name) {
  std::ifstream in(test::fixtures_dir() / "feeds" / "encodings" / name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  EXPECT_FALSE(out.str().empty()) << name;
  return out.str();
}

TEST(FeedEncoding, CanonicalCharsetMapsAliases) {
  const std::pair<const char*, const char*> cases[] = {
      {"utf-8", "UTF-8"},
      {" \"UTF8\" ", "UTF-8"},
      {"x-sjis", "SHIFT_JIS"},
      {"Shift-JIS", "SHIFT_JIS"},
      {"iso-8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"},
      {"gb2312", "GBK"},
      {"koi8-r", "KOI8-R"},
      {"ISO-8859-15", "ISO-8859-15"},
      {"windows-1251", "WINDOWS-1251"},
      {"", ""},
  };
  for (const auto& [label, expected] : cases) {
    EXPECT_EQ(canonical_charset(label), expected) << label;
  }
}

TEST(FeedEncoding, DetectionFollowsBomThenHttpThenDeclaration) {
  struct Case {
    std::string bytes;
    std::string http;
    std::string expected;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBF<rss/>", "iso-8859-1", "UTF-8"},  // BOM beats the HTTP charset
      {"\xFF\xFE<\0r\0"s, "", "UTF-16LE"},
      {"\xFE\xFF\0<\0r"s, "", "UTF-16BE"},
      {"\xFF\xFE\0\0<\0\0\0"s, "", "UTF-32LE"},
      {"\0\0\xFE\xFF\0\0\0<"s, "", "UTF-32BE"},
      {"<\0?\0x\0"s, "", "UTF-16LE"},  // sniffed, no BOM
      {"\0<\0?\0x"s, "", "UTF-16BE"},
      {"<?xml version='1.0' encoding='koi8-r'?><rss/>", "", "KOI8-R"},
      {"<?xml version='1.0' encoding='koi8-r'?><rss/>", "utf-8", "UTF-8"},  // RFC 7303
      {"<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>", "", "UTF-8"},   // readable as ASCII
      {"<rss/>", "", "UTF-8"},
      {"", "", "UTF-8"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(detect_encoding(c.bytes, c.http), c.expected) << c.bytes;
  }
}

TEST(FeedEncoding, ConversionReplacesInvalidBytes) {
  EXPECT_EQ(convert_to_utf8("caf\xE9", "WINDOWS-1252"), "café");
  EXPECT_EQ(convert_to_utf8("\x93q\x94", "WINDOWS-1252"), "“q”");
  EXPECT_EQ(convert_to_utf8("caf\xE9!", "UTF-8"), "caf\xEF\xBF\xBD!");
  // 0x81 is unassigned in windows-1252: one U+FFFD, and the rest still converts.
  EXPECT_EQ(convert_to_utf8("a\x81"
                            "b",
                            "WINDOWS-1252"),
            "a\xEF\xBF\xBD"
            "b");
  // A truncated UTF-16 code unit at the end.
  EXPECT_EQ(convert_to_utf8("a\0b"s, "UTF-16LE"), "a\xEF\xBF\xBD");
  // Unknown to iconv: read as UTF-8.
  EXPECT_EQ(convert_to_utf8("plain", "X-NO-SUCH-CHARSET"), "plain");
  // Longer than one conversion chunk.
  const std::string long_latin1(40000, '\xE9');
  EXPECT_EQ(convert_to_utf8(long_latin1, "WINDOWS-1252").size(), 80000u);
}

TEST(FeedEncoding, DeclarationIsBlankedKeepingOffsets) {
  const std::string bytes = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss>caf\xE9</rss>";
  const std::string utf8 = decode_feed_bytes(bytes, "");
  EXPECT_EQ(utf8.find("encoding"), std::string::npos);
  EXPECT_EQ(utf8.find('\n'), bytes.find('\n'));
  EXPECT_NE(utf8.find("café"), std::string::npos);
}

TEST(FeedEncoding, FixturesDecodeToTheSameTitle) {
  const std::string full = "Café Ünïcode – “quoted”";
  struct Case {
    const char* file;
    const char* http_charset;
    std::string title;
  };
  const Case cases[] = {
      {"utf8_bom.xml", "", full},
      {"utf16le_bom.xml", "", full},
      {"utf16be_bom.xml", "", full},
      {"utf16le_no_bom.xml", "", full},
      {"iso-8859-1.xml", "", "Café Ünïcode"},
      {"windows-1252.xml", "", full},
      {"shift_jis.xml", "", "日本語のニュース"},
      {"invalid_byte.xml", "", "Caf\xEF\xBF\xBD ok"},
      {"http_charset_only.xml", "koi8-r", "Новости"},
      {"http_overrides_declaration.xml", "utf-8", full},
  };
  for (const Case& c : cases) {
    const Feed parsed = parse(fixture(c.file), Origin{c.file, "", c.http_charset});
    ASSERT_EQ(parsed.items.size(), 1u) << c.file;
    EXPECT_EQ(parsed.items[0].title.value, c.title) << c.file;
    EXPECT_EQ(parsed.items[0].link, "https://enc.example.org/item") << c.file;
  }
}

TEST(FeedEncoding, WithoutTheHttpCharsetKoi8IsNotGuessed) {
  // Read as UTF-8, KOI8-R bytes are invalid: replacement characters, not a crash.
  const Feed parsed = parse(fixture("http_charset_only.xml"), Origin{"koi8", "", ""});
  ASSERT_EQ(parsed.items.size(), 1u);
  EXPECT_NE(parsed.items[0].title.value.find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace lede::feed

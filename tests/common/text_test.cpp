// Table tests of the UTF-8 text utilities (common/text.hpp).
#include "common/text.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "tests/support/piece_text.hpp"

namespace lede::text {
namespace {

struct TextCase {
  std::string input;
  std::string expected;
};

TEST(TextRepairUtf8, ReplacesEveryInvalidByteAndKeepsValidText) {
  const std::vector<TextCase> cases = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"caf\u00e9 \u4e2d \U0001F600", "caf\u00e9 \u4e2d \U0001F600"},
      {"\xff", "\ufffd"},
      {"a\xc3", "a\ufffd"},                              // truncated two-byte sequence
      {"a\xe4\xb8z", "a\ufffd\ufffdz"},                  // truncated three-byte sequence
      {"\xc0\xaf", "\ufffd\ufffd"},                      // overlong "/"
      {"\xe0\x80\xaf", "\ufffd\ufffd\ufffd"},            // overlong, three bytes
      {"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},            // UTF-16 surrogate
      {"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},  // above U+10FFFF
      {"\x80\xbf", "\ufffd\ufffd"},                      // lone continuation bytes
      {"caf\xe9", "caf\ufffd"},                          // Latin-1 é
      {"\357\273\277BOM", "\357\273\277BOM"},            // a BOM is valid UTF-8
      {std::string("nul\0ok", 6), std::string("nul\0ok", 6)},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(repair_utf8(c.input), c.expected) << "input: " << c.input;
    EXPECT_EQ(repair_utf8(c.expected), c.expected) << "repair is idempotent";
  }
}

TEST(TextFoldWhitespace, CollapsesRunsAndTrims) {
  const std::vector<TextCase> cases = {
      {"", ""},
      {"   ", ""},
      {"one", "one"},
      {"  one  two  ", "one two"},
      {"one\n\ntwo\t\tthree\r\nfour", "one two three four"},
      {"a\u00a0\u00a0b", "a b"},     // no-break spaces
      {"a\u2003b\u3000c", "a b c"},  // em space, ideographic space
      {"a\u0085b", "a b"},           // NEL
      {"\u4e2d \u6587", "\u4e2d \u6587"},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(fold_whitespace(c.input), c.expected) << "input: " << c.input;
  }
}

// fold_whitespace looks ASCII up in a table and decodes only the rest, one character at a
// time; it must give what a walk of the whole text with Xapian's iterator and test gives,
// controls, invalid bytes (decoded as Latin-1 and re-encoded) and all.
TEST(TextFoldWhitespace, GivesWhatAWholeTextWalkGives) {
  const auto walked = [](std::string_view utf8) {
    std::string out;
    bool pending_space = false;
    for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it) {
      const unsigned ch = *it;
      if (Xapian::Unicode::is_whitespace(ch) || ch == 0x85 || ch == 0xA0) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      Xapian::Unicode::append_utf8(out, ch);
    }
    return out;
  };
  test::PieceText texts({"a", " ", "\t", "\x01", "\x7f", "\xc2\x85", "\xc3", "\xc3\xa9", "\xff",
                         "\xe2\x80\x83", "\xf0", "Z9"},
                        12345);
  for (int n = 0; n < 2000; ++n) {
    const std::string text = texts.next(12);
    ASSERT_EQ(fold_whitespace(text), walked(text)) << "input: " << text;
  }
}

TEST(TextTruncateUtf8, NeverCutsACharacter) {
  EXPECT_EQ(truncate_utf8("hello", 10), "hello");
  EXPECT_EQ(truncate_utf8("hello", 5), "hello");
  EXPECT_EQ(truncate_utf8("hello", 3), "hel");
  EXPECT_EQ(truncate_utf8("hello", 0), "");
  const std::string cafe = "caf\u00e9";  // é is 2 bytes: 5 bytes in all
  EXPECT_EQ(truncate_utf8(cafe, 4), "caf");
  EXPECT_EQ(truncate_utf8(cafe, 5), cafe);
  const std::string emoji = "a\U0001F600";  // 1 + 4 bytes
  for (std::size_t n = 1; n < 5; ++n) EXPECT_EQ(truncate_utf8(emoji, n), "a") << n;
  const std::string han = "\u4e2d\u6587";  // 3 + 3 bytes
  EXPECT_EQ(truncate_utf8(han, 5), "\u4e2d");
  EXPECT_EQ(truncate_utf8(han, 2), "");
}

TEST(TextToLower, LowersUnicode) {
  const std::vector<TextCase> cases = {
      {"", ""},
      {"Oil PRICES", "oil prices"},
      {"\u00c9COLE", "\u00e9cole"},
      {"\u0391\u0398\u0397\u039d\u0391", "\u03b1\u03b8\u03b7\u03bd\u03b1"},  // Greek
      {"\u0416\u0443\u0440\u043d\u0430\u043b", "\u0436\u0443\u0440\u043d\u0430\u043b"},
      {"123 ABC-def", "123 abc-def"},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(to_lower(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(TextHash, IsStableFnv1a) {
  // FNV-1a 64 reference values (draft-eastlake-fnv §A).
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(hex_hash(""), "cbf29ce484222325");
  EXPECT_EQ(hex_hash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(hex_hash("a").size(), 16u);
  EXPECT_NE(hex_hash("a"), hex_hash("b"));
}

}  // namespace
}  // namespace lede::text

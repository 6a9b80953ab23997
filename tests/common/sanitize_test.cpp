// Table tests of the terminal sanitiser (common/sanitize.hpp).
#include "common/sanitize.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/text.hpp"

namespace lede::text {
namespace {

struct SanitizeCase {
  std::string input;
  std::string expected;
};

std::string escaped(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void check(const std::vector<SanitizeCase>& cases, bool keep_newlines) {
  for (const SanitizeCase& c : cases) {
    EXPECT_EQ(escaped(sanitize_for_terminal(c.input, keep_newlines)), escaped(c.expected))
        << "input: " << escaped(c.input);
  }
}

TEST(Sanitize, KeepsPlainTextAndUnicode) {
  check(
      {
          {"", ""},
          {"Oil prices rise", "Oil prices rise"},
          {"caf\u00e9 \u00fcber \u4e2d\u6587 \U0001F600",
           "caf\u00e9 \u00fcber \u4e2d\u6587 \U0001F600"},
          {"a < b & c > d; \"q\" 'x' `y` ~", "a < b & c > d; \"q\" 'x' `y` ~"},
          // LRM, RLM and ALM are implicit marks that right-to-left text needs: kept.
          {"\u05e9\u05dc\u05d5\u05dd\u200f!", "\u05e9\u05dc\u05d5\u05dd\u200f!"},
          {"a\u200eb\u061cc", "a\u200eb\u061cc"},
          {"\u00a0nbsp\u00a0", "\u00a0nbsp\u00a0"},  // U+00A0 is not a C1 control
      },
      false);
}

TEST(Sanitize, RemovesEscapeSequencesWhole) {
  check(
      {
          // CSI (ECMA-48 §5.4): SGR colours, cursor movement, erase, private modes.
          {"\x1b[31mred\x1b[0m", "red"},
          {"\x1b[1;38;5;196mbold\x1b[m", "bold"},
          {"a\x1b[2Jb", "ab"},
          {"a\x1b[?1049hb", "ab"},
          {"a\x1b[10;20Hb", "ab"},
          {"a\x1b[ qb",
           "ab"},  // intermediate byte then final
                   // OSC: window title, hyperlinks, clipboard; terminated by BEL or ST.
          {"\x1b]0;pwned\x07title", "title"},
          {"\x1b]2;pwned\x1b\\title", "title"},
          {"\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\", "click"},
          {"\x1b]52;c;ZXZpbA==\x07x", "x"},
          // DCS, SOS, PM, APC: strings up to ST.
          {"a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
          {"a\x1bXsos\x1b\\b", "ab"},
          {"a\x1b^pm\x1b\\b", "ab"},
          {"a\x1b_apc\x1b\\b", "ab"},
          // Two-byte and nF sequences.
          {"a\x1b"
           "7b\x1b"
           "8c",
           "abc"},
          {"a\x1b"
           "cb",
           "ab"},
          {"a\x1b(Bb", "ab"},
          {"a\x1b#8b", "ab"},
          {"a\x1b=b\x1b>c", "abc"},
          {"a\x1b\\b", "ab"},  // a stray ST
                               // Truncated and nested sequences never leave an ESC behind.
          {"a\x1b", "a"},
          {"a\x1b[", "a"},
          {"a\x1b[31", "a"},
          {"a\x1b]0;unterminated title", "a"},
          {"\x1b]0;t\x1b[31mred", "red"},  // ESC inside OSC aborts it and starts a CSI
          {"\x1b\x1b[31mx", "x"},
          {"a\x1b[31\x07mb", "amb"},  // a control byte ends the CSI and is itself dropped
      },
      false);
}

TEST(Sanitize, RemovesC1ControlsAsCodePointsAndAsRawBytes) {
  check(
      {
          // C1 as UTF-8 code points U+0080–U+009F.
          {"a\u0085b", "ab"},
          {"\u009b31mred", "red"},        // 8-bit CSI
          {"\u009d0;title\u009cx", "x"},  // 8-bit OSC … ST
          {"\u0090dcs\u009cx", "x"},
          {"\u009fapc\x07x", "x"},
          {"a\u0080\u0081\u009ab", "ab"},
          // The same C1 bytes raw (invalid UTF-8): what an 8-bit terminal would obey.
          {"\x9b"
           "31mred",
           "red"},
          {"\x9d"
           "0;title\x07x",
           "x"},
          {"\x9d"
           "0;title\x9cx",
           "x"},
          {"a\x85z", "az"},
      },
      false);
}

TEST(Sanitize, RemovesOtherControlsAndBidiOverrides) {
  check(
      {
          {std::string("a\007b\010c\000d\177e\014f\013g", 13), "abcdefg"},
          {std::string("nul\0here", 8), "nulhere"},
          // Bidi embeddings, overrides, isolates (Trojan Source).
          {"a\u202ab\u202bc\u202cd\u202de\u202ef", "abcdef"},
          {"a\u2066b\u2067c\u2068d\u2069e", "abcde"},
          {"user\u202egnp.exe", "usergnp.exe"},
      },
      false);
}

TEST(Sanitize, TurnsBreaksIntoSpacesUnlessKeptAndRepairsUtf8) {
  check(
      {
          {"a\tb", "a b"},
          {"a\nb", "a b"},
          {"a\r\nb", "a b"},
          {"a\rb", "a b"},
          {"a\u2028b\u2029c", "a b c"},
          {"bad \xff\xfe bytes", "bad \ufffd\ufffd bytes"},
          {"cut \xe4\xb8", "cut \ufffd\ufffd"},
          {"overlong \xc0\xaf", "overlong \ufffd\ufffd"},
          // The third byte, 0x80, is a raw C1 control once its lead byte is refused: dropped.
          {"surrogate \xed\xa0\x80", "surrogate \ufffd\ufffd"},
      },
      false);
  check(
      {
          {"a\nb", "a\nb"},
          {"a\r\nb\rc", "a\nb\nc"},
          {"a\tb", "a b"},
          {"p1\n\np2", "p1\n\np2"},
          {"\x1b[31ma\x1b[0m\nb", "a\nb"},
      },
      true);
}

TEST(Sanitize, OutputNeverHoldsAControlByteOrInvalidUtf8) {
  // Every byte value, alone and as a prefix of a would-be sequence.
  std::string all;
  for (int b = 0; b < 256; ++b) {
    all += static_cast<char>(b);
    all += "x";
    all += static_cast<char>(b);
    all += "[1m";
  }
  for (bool keep : {false, true}) {
    const std::string out = sanitize_for_terminal(all, keep);
    EXPECT_EQ(repair_utf8(out), out);
    for (unsigned char c : out) {
      EXPECT_TRUE((c >= 0x20 && c != 0x7F) || (keep && c == '\n')) << "byte " << int(c);
    }
    EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos);
    EXPECT_EQ(out.find("\xc2\x9d"), std::string::npos);
  }
}

}  // namespace
}  // namespace lede::text

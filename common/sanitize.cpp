// The terminal sanitiser: a small ECMA-48 recogniser that swallows whole control sequences,
// so no parameter bytes ("[31m") are left behind as litter.
#include "common/sanitize.hpp"

#include <xapian.h>

namespace lede::text {

namespace {

constexpr char32_t invalid = 0xFFFFFFFF;  // an undecodable byte
constexpr char32_t esc = 0x1B;
constexpr char32_t bel = 0x07;
constexpr char32_t st = 0x9C;  // C1 STRING TERMINATOR

/// Decodes one code point at `s[i]` and advances `i`; an invalid byte yields `invalid` and
/// `raw` holds it (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
char32_t next_code_point(std::string_view s, std::size_t& i, unsigned char& raw) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = raw = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    ++i;
    return invalid;
  }
  if (i + len > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) {
    ++i;
    return invalid;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) {
      ++i;
      return invalid;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += len;
  return cp;
}

/// Bidi embeddings, overrides and isolates (Unicode TR #9 §2): they reorder what follows and
/// can make displayed text differ from the text ("Trojan Source", CVE-2021-42574). The
/// implicit marks LRM/RLM/ALM (U+200E, U+200F, U+061C) cannot reorder beyond themselves and
/// are needed in right-to-left text, so they are kept.
bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/// The C1 introducers of sequences that run to a terminator: DCS, SOS, OSC, PM, APC.
bool is_string_introducer(char32_t c1) {
  return c1 == 0x90 || c1 == 0x98 || c1 == 0x9D || c1 == 0x9E || c1 == 0x9F;
}

class Sanitizer {
 public:
  Sanitizer(std::string_view in, bool keep_newlines) : in_(in), keep_newlines_(keep_newlines) {
    out_.reserve(in.size());
  }

  std::string run() {
    while (pos_ < in_.size()) {
      // Printable ASCII, most of any article, passes as it is: copied a run at a time.
      if (const std::size_t end = printable_ascii_end(); end > pos_) {
        out_.append(in_, pos_, end - pos_);
        pos_ = end;
        continue;
      }
      unsigned char raw = 0;
      const char32_t cp = next_code_point(in_, pos_, raw);
      if (cp == invalid) {
        // A raw 8-bit C1 byte is what an 8-bit terminal would obey: treat it as that control.
        if (raw >= 0x80 && raw <= 0x9F) {
          c1_control(raw);
        } else {
          out_ += "\xEF\xBF\xBD";  // U+FFFD
        }
      } else if (cp == esc) {
        escape_sequence();
      } else if (cp >= 0x80 && cp <= 0x9F) {
        c1_control(cp);
      } else if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
        if (cp == '\r' && pos_ < in_.size() && in_[pos_] == '\n') ++pos_;  // CR LF is one break
        out_ += keep_newlines_ ? '\n' : ' ';
      } else if (cp == '\t') {
        out_ += ' ';
      } else if (cp < 0x20 || cp == 0x7F || is_bidi_control(cp)) {
        // dropped: C0 controls (BEL, BS, …), DEL, bidi controls
      } else {
        Xapian::Unicode::append_utf8(out_, cp);
      }
    }
    return std::move(out_);
  }

 private:
  std::size_t printable_ascii_end() const {
    std::size_t end = pos_;
    while (end < in_.size() && in_[end] >= 0x20 && in_[end] < 0x7F) ++end;
    return end;
  }

  /// The next code point without consuming it; `invalid` bytes report their raw value.
  char32_t peek(std::size_t& after) const {
    after = pos_;
    unsigned char raw = 0;
    const char32_t cp = next_code_point(in_, after, raw);
    return cp == invalid ? raw : cp;
  }

  /// ESC has been read. ECMA-48 §5.3: ESC [ is CSI, ESC ] OSC, ESC P DCS, ESC X SOS, ESC ^ PM,
  /// ESC _ APC (the 7-bit forms of the C1 introducers); ESC followed by intermediates
  /// (0x20–0x2F) and a final byte (0x30–0x7E) is a complete sequence of its own (nF/Fp/Fe/Fs).
  void escape_sequence() {
    if (pos_ >= in_.size()) return;
    const unsigned char next = static_cast<unsigned char>(in_[pos_]);
    if (next >= 0x40 && next <= 0x5F) {  // the 7-bit form of C1 control next + 0x40
      ++pos_;
      c1_control(next + 0x40);
      return;
    }
    while (pos_ < in_.size() && in_[pos_] >= 0x20 && in_[pos_] <= 0x2F) ++pos_;
    if (pos_ < in_.size() && in_[pos_] >= 0x30 && in_[pos_] <= 0x7E) ++pos_;
  }

  /// A C1 control has been read: drop it, and the rest of its sequence if it opens one.
  void c1_control(char32_t c1) {
    if (c1 == 0x9B) {
      control_sequence();
    } else if (is_string_introducer(c1)) {
      control_string();
    }
  }

  /// CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, then one final byte
  /// 0x40–0x7E (ECMA-48 §5.4). Anything else ends the sequence where it stands.
  void control_sequence() {
    while (pos_ < in_.size()) {
      const unsigned char c = static_cast<unsigned char>(in_[pos_]);
      if (c >= 0x20 && c <= 0x3F) {
        ++pos_;
      } else {
        if (c >= 0x40 && c <= 0x7E) ++pos_;
        return;
      }
    }
  }

  /// OSC, DCS, SOS, PM, APC: everything up to ST (ESC \ or C1 0x9C) or BEL, which xterm also
  /// accepts; an unterminated string swallows the rest, as a terminal would.
  void control_string() {
    while (pos_ < in_.size()) {
      std::size_t after;
      const char32_t cp = peek(after);
      if (cp == esc) {
        // ESC \ is ST; any other ESC aborts the string and starts a sequence of its own.
        if (after < in_.size() && in_[after] == '\\') pos_ = after + 1;
        return;
      }
      pos_ = after;
      if (cp == bel || cp == st) return;
    }
  }

  std::string_view in_;
  bool keep_newlines_;
  std::size_t pos_ = 0;
  std::string out_;
};

}  // namespace

std::string sanitize_for_terminal(std::string_view untrusted, bool keep_newlines) {
  return Sanitizer(untrusted, keep_newlines).run();
}

}  // namespace lede::text

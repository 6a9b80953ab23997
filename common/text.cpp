#include "common/text.hpp"

#include <array>
#include <cstdio>

#include <xapian.h>

namespace lede::text {

std::string to_lower(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it) {
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
  }
  return out;
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

}  // namespace

std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = valid_sequence_length(bytes, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
    } else {
      out.append(bytes.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string fold_whitespace(std::string_view utf8) {
  // Xapian's whitespace (its CONTROL category counts: TAB, LF, … and every other C0 control)
  // plus NEL and NO-BREAK SPACE; ASCII is looked up in a table made from the same test.
  const auto is_space = [](unsigned ch) {
    return Xapian::Unicode::is_whitespace(ch) || ch == 0x85 || ch == 0xA0;
  };
  static const std::array<bool, 128> ascii_space = [&] {
    std::array<bool, 128> table{};
    for (unsigned ch = 0; ch < table.size(); ++ch) table[ch] = is_space(ch);
    return table;
  }();
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    unsigned ch = byte;
    std::size_t next = i + 1;
    if (byte >= 0x80) {
      // One character: Utf8Iterator decodes at any character start as a walk of the whole text
      // would, an invalid byte as the Latin-1 character it would be.
      Xapian::Utf8Iterator it(utf8.data() + i, utf8.size() - i);
      ch = *it;
      ++it;
      next = it == Xapian::Utf8Iterator() ? utf8.size()
                                          : static_cast<std::size_t>(it.raw() - utf8.data());
    }
    if (ch < 0x80 ? ascii_space[ch] : is_space(ch)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      if (ch < 0x80) {
        out += static_cast<char>(ch);
      } else {
        Xapian::Unicode::append_utf8(out, ch);
      }
    }
    i = next;
  }
  return out;
}

std::string_view truncate_utf8(std::string_view utf8, std::size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
  return utf8.substr(0, cut);
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex_hash(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a64(bytes)));
  return buf;
}

}  // namespace lede::text

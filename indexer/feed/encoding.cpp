#include "indexer/feed/encoding.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <optional>

#include <iconv.h>

#include "common/text.hpp"

namespace lede::feed {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string lower_trimmed(std::string_view label) {
  const auto junk = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '\''; };
  while (!label.empty() && junk(label.front())) label.remove_prefix(1);
  while (!label.empty() && junk(label.back())) label.remove_suffix(1);
  std::string out(label);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool starts_with_bytes(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// XML 1.0 Appendix F.1: a byte-order mark names the encoding outright.
std::optional<std::string> encoding_from_bom(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with_bytes(bytes, "\x00\x00\xFE\xFF"sv)) return "UTF-32BE";
  if (starts_with_bytes(bytes, "\xFF\xFE\x00\x00"sv)) return "UTF-32LE";
  if (starts_with_bytes(bytes, "\xEF\xBB\xBF"sv)) return "UTF-8";
  if (starts_with_bytes(bytes, "\xFE\xFF"sv)) return "UTF-16BE";
  if (starts_with_bytes(bytes, "\xFF\xFE"sv)) return "UTF-16LE";
  return std::nullopt;
}

// XML 1.0 Appendix F.1 without a BOM: the first "<" in a 16- or 32-bit code unit.
std::optional<std::string> sniff_wide_encoding(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with_bytes(bytes, "\x00\x00\x00\x3C"sv)) return "UTF-32BE";
  if (starts_with_bytes(bytes, "\x3C\x00\x00\x00"sv)) return "UTF-32LE";
  if (starts_with_bytes(bytes, "\x00\x3C"sv)) return "UTF-16BE";
  if (starts_with_bytes(bytes, "\x3C\x00"sv)) return "UTF-16LE";
  return std::nullopt;
}

bool is_wide_unicode(std::string_view iconv_name) {
  return iconv_name.starts_with("UTF-16") || iconv_name.starts_with("UTF-32");
}

// The value of encoding="…" in a leading XML declaration, and where it sits.
struct DeclaredEncoding {
  std::string value;
  std::size_t attribute_begin = 0;  // offset of "encoding"
  std::size_t attribute_end = 0;    // one past the closing quote
};

std::optional<DeclaredEncoding> declared_encoding(std::string_view text) {
  if (!text.starts_with("<?xml")) return std::nullopt;
  const std::size_t end = text.find("?>");
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view decl = text.substr(0, end);
  const std::size_t name = decl.find("encoding");
  if (name == std::string_view::npos) return std::nullopt;
  std::size_t i = name + 8;
  while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' ||
                             decl[i] == '\n' || decl[i] == '=')) {
    ++i;
  }
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return std::nullopt;
  const char quote = decl[i];
  const std::size_t close = decl.find(quote, i + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return DeclaredEncoding{std::string(decl.substr(i + 1, close - i - 1)), name, close + 1};
}

// "UTF-16"/"UTF-32" without an endianness: decide from the bytes (BE when nothing says).
std::string with_endianness(const std::string& name, std::string_view bytes) {
  if (name != "UTF-16" && name != "UTF-32") return name;
  if (const auto sniffed = sniff_wide_encoding(bytes); sniffed && sniffed->starts_with(name)) {
    return *sniffed;
  }
  return name + "BE";
}

}  // namespace

std::string canonical_charset(std::string_view label) {
  const std::string name = lower_trimmed(label);
  if (name.empty()) return "";
  // Labels glibc does not know, or knows as something narrower than what feeds mean by them
  // (WHATWG Encoding Standard §4.2 reads latin1/us-ascii as windows-1252 and gb2312 as GBK;
  // us-ascii is read as UTF-8 here, its superset, since mislabelled UTF-8 is the usual case).
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kAliases{{
      {"utf8", "UTF-8"},
      {"utf-8", "UTF-8"},
      {"us-ascii", "UTF-8"},
      {"ascii", "UTF-8"},
      {"iso-8859-1", "WINDOWS-1252"},
      {"iso8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"},
      {"latin-1", "WINDOWS-1252"},
      {"l1", "WINDOWS-1252"},
      {"x-sjis", "SHIFT_JIS"},
      {"sjis", "SHIFT_JIS"},
      {"shift-jis", "SHIFT_JIS"},
      {"ms_kanji", "SHIFT_JIS"},
      {"x-euc-jp", "EUC-JP"},
      {"gb2312", "GBK"},
      {"x-gbk", "GBK"},
      {"ks_c_5601-1987", "CP949"},
      {"x-mac-roman", "MACINTOSH"},
      {"macintosh", "MACINTOSH"},
      {"unicode", "UTF-16"},
      {"ucs-2", "UTF-16"},
      {"utf-16", "UTF-16"},
      {"utf-32", "UTF-32"},
      {"x-user-defined", "WINDOWS-1252"},
  }};
  for (const auto& [alias, iconv_name] : kAliases) {
    if (name == alias) return std::string(iconv_name);
  }
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

std::string detect_encoding(std::string_view bytes, std::string_view http_charset) {
  if (auto bom = encoding_from_bom(bytes)) return *bom;
  if (const std::string http = canonical_charset(http_charset); !http.empty()) {
    return with_endianness(http, bytes);
  }
  if (auto sniffed = sniff_wide_encoding(bytes)) return *sniffed;
  if (auto declared = declared_encoding(bytes)) {
    const std::string name = canonical_charset(declared->value);
    // A declaration readable as ASCII cannot be in a 16/32-bit encoding: the label is wrong.
    if (!name.empty() && !is_wide_unicode(name)) return name;
  }
  return "UTF-8";
}

std::string convert_to_utf8(std::string_view bytes, const std::string& encoding) {
  if (auto bom = encoding_from_bom(bytes); bom && *bom == encoding) {
    bytes.remove_prefix(encoding == "UTF-8" ? 3 : encoding.starts_with("UTF-16") ? 2 : 4);
  }
  if (encoding == "UTF-8") return text::repair_utf8(bytes);
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return text::repair_utf8(bytes);

  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::array<char, 16384> chunk;
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* out_ptr = chunk.data();
    std::size_t out_left = chunk.size();
    const std::size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
    out.append(chunk.data(), chunk.size() - out_left);
    if (rc != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;  // chunk full: flush and go on
    // EILSEQ (invalid or unmappable byte) or EINVAL (truncated at the end): one U+FFFD per
    // skipped byte, then restart the conversion state.
    out += kReplacement;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  return text::repair_utf8(out);
}

std::string decode_feed_bytes(std::string_view bytes, std::string_view http_charset) {
  std::string utf8 = convert_to_utf8(bytes, detect_encoding(bytes, http_charset));
  if (auto declared = declared_encoding(utf8)) {
    // Blank rather than erase, so byte offsets (and so line numbers) stay as they were.
    std::fill(utf8.begin() + static_cast<std::ptrdiff_t>(declared->attribute_begin),
              utf8.begin() + static_cast<std::ptrdiff_t>(declared->attribute_end), ' ');
  }
  return utf8;
}

}  // namespace lede::feed

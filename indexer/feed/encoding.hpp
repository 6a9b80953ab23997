/**
 * @file
 * @brief Raw feed bytes → UTF-8: encoding detection and conversion (glibc iconv).
 *
 * Precedence: a byte-order mark, then the HTTP charset, then the XML declaration's
 * encoding="…", then UTF-16/32 sniffed from the "<?" pattern, else UTF-8. Invalid bytes become
 * U+FFFD; nothing here throws on bad input.
 * @see RFC 7303 §3.2, §8 (XML media types: BOM > charset parameter > XML declaration)
 * @see XML 1.0 Appendix F (autodetection of character encodings)
 */
#pragma once

#include <string>
#include <string_view>

namespace lede::feed {

/// The iconv name for a charset label, with the aliases feeds use ("x-sjis" → "SHIFT_JIS",
/// "latin1"/"iso-8859-1" → "WINDOWS-1252" as browsers read it, "utf8" → "UTF-8"). Lower-cases,
/// trims spaces and quotes; "" for an empty label.
std::string canonical_charset(std::string_view label);

/// The encoding the bytes are in, as an iconv name ("UTF-8", "UTF-16LE", "WINDOWS-1252", …).
std::string detect_encoding(std::string_view bytes, std::string_view http_charset);

/// Converts `bytes` from `encoding` (an iconv name) to valid UTF-8, dropping a leading BOM.
/// Invalid or unconvertible bytes become U+FFFD; an encoding iconv does not know is read as
/// UTF-8.
std::string convert_to_utf8(std::string_view bytes, const std::string& encoding);

/// Detects, converts, and blanks the XML declaration's encoding="…" (keeping every byte offset
/// on later lines) so that an XML parser reads the result as UTF-8.
std::string decode_feed_bytes(std::string_view bytes, std::string_view http_charset);

}  // namespace lede::feed

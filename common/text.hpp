/**
 * @file
 * @brief Small UTF-8 text utilities shared by the indexer and the query tool.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lede::text {

/// Unicode-aware lower-casing (Xapian::Unicode::tolower per code point).
std::string to_lower(std::string_view utf8);

/// Replaces every invalid UTF-8 sequence with U+FFFD; valid input is returned unchanged.
std::string repair_utf8(std::string_view bytes);

/// Collapses every run of Unicode whitespace to one space and trims both ends.
std::string fold_whitespace(std::string_view utf8);

/// Cuts `utf8` to at most `max_bytes` without splitting a character.
std::string_view truncate_utf8(std::string_view utf8, std::size_t max_bytes);

/// 64-bit FNV-1a: stable across runs and machines (used in ids and collapse keys).
std::uint64_t fnv1a64(std::string_view bytes);

/// `fnv1a64` as 16 lower-case hex digits.
std::string hex_hash(std::string_view bytes);

}  // namespace lede::text

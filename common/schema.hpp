/**
 * @file
 * @brief The Xapian schema of a lede archive: every term prefix and value slot, in one table.
 *
 * The indexer and the query parser both loop over this table; no prefix literal appears
 * anywhere else. Prefixes follow Omega's allocation (docs/termprefixes.rst in xapian-omega):
 * single capitals for the conventional fields, `X…` for lede's own.
 * @see docs/schema.md
 */
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace lede::schema {

/// Bump when terms, slots or document data change meaning; readers refuse other versions.
inline constexpr int version = 2;
/// User-metadata key under which a database records `version`.
inline constexpr std::string_view version_key = "lede.schema_version";

enum class FieldKind {
  free_text,  ///< tokenised and stemmed words with positions; contributes to BM25
  boolean,    ///< one exact term per value; filters only, no weight
};

struct Field {
  std::string_view name;    ///< name in the query language (`title:`), empty if not user-facing
  std::string_view prefix;  ///< Xapian term prefix
  FieldKind kind;
  unsigned wdf_boost;  ///< free text only: within-document frequency multiplier
};

/// Every prefixed field of an article document. Unprefixed free text holds title + summary +
/// body (the default search field).
// One row per field reads as the table it is.
// clang-format off
inline constexpr std::array fields = {
    Field{"title",    "S",  FieldKind::free_text, 5},
    Field{"author",   "A",  FieldKind::free_text, 1},
    Field{"source",   "XS", FieldKind::free_text, 1},
    Field{"category", "K",  FieldKind::boolean,   0},
    Field{"lang",     "L",  FieldKind::boolean,   0},
    Field{"site",     "H",  FieldKind::boolean,   0},
    Field{"",         "Q",  FieldKind::boolean,   0},  // unique id, for replace_document
    Field{"",         "XF", FieldKind::boolean,   0},  // subscribed feed (its id), for counts
    Field{"",         "D",  FieldKind::boolean,   0},  // day   YYYYMMDD (UTC)
    Field{"",         "M",  FieldKind::boolean,   0},  // month YYYYMM
    Field{"",         "Y",  FieldKind::boolean,   0},  // year  YYYY
};
// clang-format on

/// Looks a field up by its query-language name or, for the unnamed ones, by prefix.
const Field& field(std::string_view name_or_prefix);

inline const Field& title() {
  return field("title");
}
inline const Field& author() {
  return field("author");
}
inline const Field& source() {
  return field("source");
}
inline const Field& category() {
  return field("category");
}
inline const Field& language() {
  return field("lang");
}
inline const Field& site() {
  return field("site");
}
inline const Field& unique_id() {
  return field("Q");
}
inline const Field& feed() {
  return field("XF");
}
inline const Field& day() {
  return field("D");
}
inline const Field& month() {
  return field("M");
}
inline const Field& year() {
  return field("Y");
}

/// Value slots, each with its encoding.
enum Slot : Xapian::valueno {
  published = 0,     ///< Xapian::sortable_serialise(seconds since the Unix epoch, UTC)
  day_slot = 1,      ///< "YYYYMMDD" (UTC): recency buckets, date ranges, day facets
  source_slot = 2,   ///< source display name, as in the document data: source facets
  collapse_key = 3,  ///< 16 hex digits: hash of the normalised title and day (same story)
};

/// Boolean terms are lower-cased by the indexer; a term longer than Xapian's limit is hashed.
/// This builds the exact term for a boolean field and a raw value, for both sides.
std::string boolean_term(const Field& field, std::string_view value);

/// True for a term of free text (a word of the default field or of a free-text field, stemmed
/// `Z…` or not); false for a boolean filter term. A term's prefix is its leading capitals
/// (Omega's convention; lede's words and boolean values are lower case).
bool is_free_text_term(std::string_view term);

/// Xapian refuses terms over 245 bytes; Omega's answer is to keep a prefix and hash the rest.
inline constexpr std::size_t max_term_bytes = 240;

}  // namespace lede::schema

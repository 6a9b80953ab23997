/**
 * @file
 * @brief The document data of an article: what the query tool needs to show a hit.
 *
 * A flat record of tagged fields: a format byte, then per field a tag byte, the payload's
 * length (LEB128) and the payload. Decoding is a walk over lengths with no parsing of the
 * text, which matters because every hit of every query decodes one (the JSON object used
 * before took a third of a search's time to parse). Unknown tags are skipped and missing
 * fields read as empty, so fields can be added without breaking readers; the tags are part of
 * the schema (common/schema.hpp, docs/schema.md).
 */
#pragma once

#include <string>
#include <string_view>

#include "common/article.hpp"

namespace lede {

/// Serialises an article into Xapian document data; invalid UTF-8 is replaced by U+FFFD.
std::string encode_document_data(const Article& article);

/// Parses document data written by encode_document_data. Throws lede::Error on corrupt data.
Article decode_document_data(std::string_view data);

}  // namespace lede

/**
 * @file
 * @brief The document data of an article: what the query tool needs to show a hit.
 *
 * Stored as a JSON object (nlohmann-json) so that fields can be added without breaking
 * readers; its keys are part of the schema (common/schema.hpp, docs/schema.md).
 */
#pragma once

#include <string>
#include <string_view>

#include "common/article.hpp"

namespace lede {

/// Serialises an article into Xapian document data.
std::string encode_document_data(const Article& article);

/// Parses document data written by encode_document_data. Throws lede::Error on corrupt data.
Article decode_document_data(std::string_view data);

}  // namespace lede

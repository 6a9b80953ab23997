/**
 * @file
 * @brief Reading the document data of an earlier schema version, for `lede-index rebuild`.
 *
 * Schema version 1 stored each article as one JSON object (keys in docs/schema.md's history:
 * `id`, `title`, `link`, `guid`, `authors`, `categories`, `source`, `feed`, `host`, `lang`,
 * `summary`, `body`, `published`, `date_source`, `future_date`). A rebuild re-indexes an archive
 * from its stored articles precisely when the schema changed, so it must read the data of every
 * version there was; everything else reads only the current one (common/stored_article.hpp).
 */
#pragma once

#include <string_view>

#include "common/article.hpp"

namespace lede {

/// Parses document data of any schema version: the tagged fields of the current one, or the
/// JSON object of version 1. Throws lede::Error on data that is neither.
Article decode_document_data_of_any_version(std::string_view data);

}  // namespace lede

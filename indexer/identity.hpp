/**
 * @file
 * @brief An article's identity: what makes two ingested items the same article.
 *
 * The canonical link, else the guid, else a hash of feed + title + date. Re-ingesting an
 * article with the same identity replaces it (replace_document on the unique term).
 */
#pragma once

#include <string>
#include <string_view>

#include "common/article.hpp"

namespace lede {

/// `feed_key` names the feed the article came from (its URL or file path) for the last-resort
/// hash. Reads article.link, article.guid, article.title and article.published.
std::string article_identity(const Article& article, std::string_view feed_key);

}  // namespace lede

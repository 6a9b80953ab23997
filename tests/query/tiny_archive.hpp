// Tiny archives for the query tests, built through the indexer's public DocumentBuilder so
// that the terms and slots searched are exactly the ones lede-index writes.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"
#include "common/database.hpp"
#include "common/dates.hpp"
#include "indexer/document_builder.hpp"

namespace lede::test {

inline Article make_article(const std::string& id, const std::string& title,
                            const std::string& body, UnixSeconds published,
                            const std::string& source = "Wire") {
  Article article;
  article.id = id;
  article.title = title;
  article.body = body;
  article.published = published;
  article.date_source = DateSource::published;
  article.source = source;
  article.host = "news.example";
  article.language = "en";
  article.link = "https://news.example/" + id;
  return article;
}

/// Writes `articles` (in order, so docids are 1, 2, …) with spelling data, and commits.
inline void write_archive(const std::string& path, const std::vector<Article>& articles) {
  Xapian::WritableDatabase db = open_for_writing(path);
  DocumentBuilder builder(&db);
  for (const Article& article : articles) {
    db.replace_document(DocumentBuilder::unique_term(article.id), builder.build(article));
  }
  db.commit();
}

/// The ids of a search's hits, in order.
template <typename Hits>
std::vector<std::string> ids_of(const Hits& hits) {
  std::vector<std::string> ids;
  for (const auto& hit : hits) ids.push_back(hit.article.id);
  return ids;
}

}  // namespace lede::test

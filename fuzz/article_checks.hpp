// What every Article must be, whatever bytes it came from (common/article.hpp): valid UTF-8
// text, a link that is empty or http(s). A fuzz target aborts on a violation, so libFuzzer
// keeps the input. The article then goes on to its Xapian document, as in lede-index.
#pragma once

#include <cstdlib>
#include <string>

#include "common/article.hpp"
#include "common/text.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/url.hpp"

namespace lede::fuzz {

inline void require_utf8(const std::string& text) {
  if (text::repair_utf8(text) != text) std::abort();
}

inline void check_and_build(const Article& article) {
  for (const std::string* field : {&article.title, &article.summary, &article.body, &article.source,
                                   &article.guid, &article.language}) {
    require_utf8(*field);
  }
  for (const std::string& s : article.authors) require_utf8(s);
  for (const std::string& s : article.categories) require_utf8(s);
  if (!article.link.empty() && !url::is_http(article.link)) std::abort();
  if (article.id.empty()) std::abort();
  static DocumentBuilder builder;
  (void)builder.build(article);
}

}  // namespace lede::fuzz

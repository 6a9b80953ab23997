/**
 * @file
 * @brief Article → Xapian document, following the schema table (common/schema.hpp).
 */
#pragma once

#include <string>

#include <xapian.h>

#include "common/article.hpp"

namespace lede {

/// Builds documents; owns a TermGenerator and a stemmer per language, reused across articles.
class DocumentBuilder {
 public:
  /// With a database, the term generator also records spelling data for "did you mean".
  explicit DocumentBuilder(Xapian::WritableDatabase* spelling_db = nullptr);

  /// The document for `article`, and its unique id term (for replace_document).
  Xapian::Document build(const Article& article);

  /// The unique term of an article id.
  static std::string unique_term(const std::string& article_id);

  /// The collapse key: the same story, seen in several feeds, shares it.
  static std::string collapse_key(const Article& article);

 private:
  void set_language(const std::string& language);

  Xapian::TermGenerator generator_;
  std::string stem_language_;
};

}  // namespace lede

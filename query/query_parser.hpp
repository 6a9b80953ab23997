/**
 * @file
 * @brief Query text → Xapian::Query: Xapian's QueryParser configured from the schema table.
 *
 * - Every named field of common/schema.hpp becomes a prefix: free text with add_prefix,
 *   boolean fields with a FieldProcessor that builds the indexer's own term
 *   (schema::boolean_term: lower-cased, hashed when long).
 * - `date:` ranges and `since:` ages become value ranges on the published slot
 *   (query/date_range.hpp); they are filters and carry no weight.
 * - The default operator is AND: a news reader typing `oil prices` wants stories about
 *   both; OR is one keystroke away. Operators (AND OR NOT XOR NEAR ADJ) count only in
 *   capitals, so natural text such as `near future` is words (not FLAG_BOOLEAN_ANY_CASE).
 * - Every other word is lower-cased before parsing: Xapian's STEM_SOME leaves capitalised
 *   words unstemmed, and "Banks" must find "bank".
 * - Stop words (query/stopwords.hpp) are dropped unless they are all the query has.
 * - Text that does not parse is searched as plain words, with a note.
 * @see https://xapian.org/docs/queryparser.html
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"

namespace lede::query {

struct ParsedQuery {
  Xapian::Query query;
  std::vector<std::string> notes;  ///< e.g. that the text was searched as plain words
};

class QueryParser {
 public:
  /// `db` gives wildcard expansion and spelling data; `now` anchors `since:`.
  QueryParser(const Xapian::Database& db, const std::string& stem_language, UnixSeconds now);
  // The field processors refer to field_error_: not copyable, not movable.
  QueryParser(const QueryParser&) = delete;
  QueryParser& operator=(const QueryParser&) = delete;

  /// Throws lede::Error for a malformed `date:` or `since:` value (naming it).
  ParsedQuery parse(std::string_view text);

  /// The spelling-corrected text of the last parse (empty if nothing to correct). Only
  /// meaningful when the database holds spelling data.
  std::string corrected_text() const;

  /// How many terms a trailing wildcard expands to at most (the most frequent ones).
  static constexpr Xapian::termcount max_wildcard_expansion = 100;

 private:
  /// parse_query, then the error a field processor recorded (they must not throw through it).
  Xapian::Query run(const std::string& text, unsigned flags);

  Xapian::QueryParser parser_;
  std::optional<std::string> field_error_;
  bool spelling_ = true;
};

/// Lower-cases every word except the capitalised boolean operators (for STEM_SOME).
std::string fold_case_except_operators(std::string_view text);

}  // namespace lede::query

/**
 * @file
 * @brief Query text → Xapian::Query: Xapian's QueryParser configured from the schema table.
 *
 * - Every named field of common/schema.hpp becomes a prefix: free text with add_prefix,
 *   boolean fields with a FieldProcessor that builds the indexer's own term
 *   (schema::boolean_term: lower-cased, hashed when long).
 * - `date:` ranges and `since:` ages become value ranges on the published slot
 *   (query/date_range.hpp); they are filters and carry no weight.
 * - The default operator depends on the length: up to three words (stop words and filters
 *   not counted) are all required (AND): a news reader typing `oil prices` wants stories
 *   about both. A longer query — a question in natural language, a pasted paragraph — is
 *   joined by OR and ranked by BM25, so the articles with more of its words, and the rarer
 *   ones, come first; with AND it would find almost nothing (docs/ranking.md measures both).
 *   Explicit operators and `+word` keep their meaning either way.
 * - Operators (AND OR NOT XOR NEAR ADJ) count only in capitals, so natural text such as
 *   `near future` or `rock and roll` is words (not FLAG_BOOLEAN_ANY_CASE), as in Xapian's
 *   own default.
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

  /// Throws lede::Error for a malformed `date:` or `since:` value (naming it), or for text of
  /// more than max_query_words words.
  ParsedQuery parse(std::string_view text);

  /// The spelling-corrected form of `text` (folded as parse() folds it), or empty when there
  /// is nothing to correct, the text does not parse with the full syntax, or the database has
  /// no spelling data (a remote one). A separate parse, because looking every word up in the
  /// spelling table costs more than the whole search: call it only when a correction is
  /// wanted (few matches).
  std::string spelling_correction(std::string_view text);

  /// How many terms a trailing wildcard expands to at most (the most frequent ones).
  static constexpr Xapian::termcount max_wildcard_expansion = 100;

  /// Queries of up to this many words require them all (AND); longer ones any (OR).
  static constexpr std::size_t max_words_all_required = 3;

  /// The longest query parse() takes, in words (runs of letters and digits, as the parser
  /// splits them). Xapian's parser takes time that grows faster than the words: 1,000 words
  /// 0.04 s, 4,000 0.36 s, 8,000 1.3 s here (docs/limits.md), so a pasted page could hold
  /// lede-query for minutes. Elasticsearch's default limit of clauses is of the same size.
  static constexpr std::size_t max_query_words = 1000;

 private:
  /// run_with AND, or with OR when the query has more than max_words_all_required words.
  Xapian::Query run(const std::string& text, unsigned flags);
  /// parse_query, then the error a field processor recorded (they must not throw through it).
  Xapian::Query run_with(const std::string& text, unsigned flags, Xapian::Query::op default_op);

  Xapian::QueryParser parser_;
  std::optional<std::string> field_error_;
};

/// The distinct free-text words (terms of the default field and of title:, author:, source:)
/// of a parsed query; filter terms are not words.
std::size_t count_words(const Xapian::Query& query);

/// The runs of ASCII letters and digits and non-ASCII bytes in `text`: about the terms Xapian's
/// parser will make of it, counted before it runs.
std::size_t count_text_words(std::string_view text);

/// Lower-cases every word except the capitalised boolean operators (for STEM_SOME).
std::string fold_case_except_operators(std::string_view text);

}  // namespace lede::query

#include "query/query_parser.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "common/error.hpp"
#include "common/language.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"
#include "query/date_range.hpp"
#include "query/stopwords.hpp"

namespace lede::query {

namespace {

using Flags = unsigned;
constexpr Flags full_syntax =
    Xapian::QueryParser::FLAG_DEFAULT |  // boolean operators, phrases, +/-
    Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;
constexpr Flags spelling_flag = Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
// The retry for text that did not parse: no operators, no phrases, no +/- (fields still work).
constexpr Flags plain_words = 0;

/// A boolean field value → the indexer's exact term for it.
class BooleanFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit BooleanFieldProcessor(const schema::Field& field) : field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(schema::boolean_term(field_, value));
  }

 private:
  const schema::Field& field_;
};

// A field processor never throws: an exception through Xapian's parser leaks its state (seen
// with LeakSanitizer), so a bad value is recorded here and thrown after the parse.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(std::optional<std::string>& error) : error_(error) {}
  Xapian::Query operator()(const std::string& value) override {
    const auto range = parse_date_range(value);
    if (!range) {
      error_ = "date:" + value +
               ": not a date range (use date:2024-01-01..2024-06-30, date:..2024-06, "
               "date:2024.., date:2024-03)";
      return Xapian::Query::MatchNothing;
    }
    return published_range_query(*range);
  }

 private:
  std::optional<std::string>& error_;
};

class SinceFieldProcessor : public Xapian::FieldProcessor {
 public:
  SinceFieldProcessor(UnixSeconds now, std::optional<std::string>& error)
      : now_(now), error_(error) {}
  Xapian::Query operator()(const std::string& value) override {
    const auto from = parse_since(value, now_);
    if (!from) {
      error_ = "since:" + value +
               ": not an age (use since:7d, since:2w, since:3m, since:1y, since:yesterday, "
               "or a date such as since:2024-03)";
      return Xapian::Query::MatchNothing;
    }
    return published_range_query(TimeRange{from, std::nullopt});
  }

 private:
  UnixSeconds now_;
  std::optional<std::string>& error_;
};

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

constexpr std::array<std::string_view, 6> operators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

/// Lower-cases every word; operators are kept as typed, or replaced by a space.
std::string fold_case(std::string_view text, bool keep_operators) {
  std::string folded;
  folded.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      folded += text[i++];
      continue;
    }
    // A run of word bytes never splits a UTF-8 character (all its bytes are >= 0x80).
    std::size_t end = i;
    while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view word = text.substr(i, end - i);
    const bool is_operator = std::find(operators.begin(), operators.end(), word) != operators.end();
    if (!is_operator) {
      folded += text::to_lower(word);
    } else {
      folded += keep_operators ? std::string(word) : std::string(" ");
    }
    i = end;
  }
  return folded;
}

}  // namespace

std::size_t count_words(const Xapian::Query& query) {
  std::size_t words = 0;
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    if (schema::is_free_text_term(*term)) ++words;
  }
  return words;
}

std::size_t count_text_words(std::string_view text) {
  const auto in_word = [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9') ||
           (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t words = 0;
  bool inside = false;
  for (const char c : text) {
    const bool word_byte = in_word(c);
    if (word_byte && !inside) ++words;
    inside = word_byte;
  }
  return words;
}

std::string fold_case_except_operators(std::string_view text) {
  return fold_case(text, true);
}

QueryParser::QueryParser(const Xapian::Database& db, const std::string& stem_language,
                         UnixSeconds now) {
  parser_.set_database(db);
  parser_.set_stemmer(stemmer_for(stem_language));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  if (stem_language.empty() || stem_language == "en") {
    parser_.set_stopper(new_english_stopper());
  }
  parser_.set_max_expansion(max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const schema::Field& field : schema::fields) {
    if (field.name.empty()) continue;
    const std::string name(field.name);
    if (field.kind == schema::FieldKind::free_text) {
      parser_.add_prefix(name, std::string(field.prefix));
    } else {
      parser_.add_boolean_prefix(name, (new BooleanFieldProcessor(field))->release());
    }
  }
  // Two values of one prefix are alternatives (OR); different prefixes intersect (AND), so
  // `date:2024.. since:7d` means both.
  parser_.add_boolean_prefix("date", (new DateFieldProcessor(field_error_))->release());
  parser_.add_boolean_prefix("since", (new SinceFieldProcessor(now, field_error_))->release());
}

ParsedQuery QueryParser::parse(std::string_view text) {
  if (const std::size_t words = count_text_words(text); words > max_query_words) {
    throw Error("the query is " + std::to_string(words) + " words long; at most " +
                std::to_string(max_query_words) + " are searched");
  }
  ParsedQuery parsed;
  const std::string folded = fold_case_except_operators(text);
  try {
    parsed.query = run(folded, full_syntax);
    return parsed;
  } catch (const Xapian::QueryParserError& e) {
    parsed.notes.push_back("query did not parse (" + e.get_msg() + "); searched for its words");
  }
  // Without the operators (one of them was misplaced) and without quotes and parentheses
  // (STEM_SOME leaves a word unstemmed before a quote).
  std::string words = fold_case(text, false);
  std::replace_if(
      words.begin(), words.end(), [](char c) { return c == '"' || c == '(' || c == ')'; }, ' ');
  parsed.query = run(words, plain_words);
  return parsed;
}

Xapian::Query QueryParser::run(const std::string& text, unsigned flags) {
  Xapian::Query query = run_with(text, flags, Xapian::Query::OP_AND);
  if (count_words(query) > max_words_all_required) {
    query = run_with(text, flags, Xapian::Query::OP_OR);
  }
  return query;
}

Xapian::Query QueryParser::run_with(const std::string& text, unsigned flags,
                                    Xapian::Query::op default_op) {
  field_error_.reset();
  parser_.set_default_op(default_op);
  Xapian::Query query = parser_.parse_query(text, flags);
  if (field_error_) throw Error(*field_error_);
  return query;
}

std::string QueryParser::spelling_correction(std::string_view text) {
  try {
    run(fold_case_except_operators(text), full_syntax | spelling_flag);
    return parser_.get_corrected_query_string();
  } catch (const Xapian::UnimplementedError&) {
    // Remote databases have no spelling data to consult.
  } catch (const Xapian::QueryParserError&) {
    // Text that needed the plain-words retry is not corrected.
  }
  return {};
}

}  // namespace lede::query

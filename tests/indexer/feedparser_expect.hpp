/**
 * @file
 * @brief Test-only: evaluates feedparser's `Expect:` headers against lede's parsed model.
 *
 * feedparser's conformance files (tests/wellformed/…) state what a parser must find as Python
 * expressions such as `not bozo and entries[0]['title'] == u'Example'`. This evaluator maps
 * the names feedparser uses onto lede's Feed/Item/Article and judges each clause pass, fail,
 * or not covered (a name lede's article model has no counterpart for, or an operator other
 * than ==). An expectation passes when every covered clause passes.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "indexer/feed/feed.hpp"

namespace lede::test {

enum class Outcome { pass, fail, not_covered };

/// What an expectation is evaluated against.
struct ParsedSubject {
  const feed::Feed* feed = nullptr;
  std::vector<std::optional<Article>> articles;  ///< per item; nullopt when normalize threw
  std::string content_language;                  ///< a Content-Language header, "" if none
};

struct Verdict {
  Outcome outcome = Outcome::not_covered;
  std::string detail;  ///< for a failure: the clause and what lede had
};

/// Splits `expression` at top-level occurrences of `separator` (outside quotes and brackets).
std::vector<std::string> split_top_level(std::string_view expression, std::string_view separator);

/// A Python literal: one string (concatenations with + allowed; u/r/b prefixes; escapes) or a
/// tuple of integers (returned as its decimal digits joined by ','). nullopt if neither.
std::optional<std::string> python_string(std::string_view literal);
std::optional<std::vector<long long>> python_int_tuple(std::string_view literal);

/// Evaluates a whole `Expect:` expression.
Verdict evaluate_expectation(std::string_view expression, const ParsedSubject& subject);

}  // namespace lede::test

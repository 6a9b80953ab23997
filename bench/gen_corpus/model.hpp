/**
 * @file
 * @brief What gen-corpus learns from a real JSON Lines corpus: bigram chains of title and body
 * tokens, the shapes of real articles (title length, paragraph lengths, categories), how many
 * articles a day carries and at what time, and the sources.
 *
 * The model's size is bounded by the input corpus (its vocabulary, distinct bigrams and
 * articles), never by how many articles are generated from it.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede::gen_corpus {

using TokenId = std::uint32_t;

/// Successors of every token, for drawing the next token in proportion to how often the pair
/// occurred (compressed rows: `next[first[t] .. first[t+1])` follow t, with running totals).
struct BigramTable {
  std::vector<std::uint32_t> first;       ///< per token, into next/cumulative; size V + 1
  std::vector<TokenId> next;              ///< successor tokens
  std::vector<std::uint64_t> cumulative;  ///< running count within the row
};

/// One real article's outline: the generator fills it with new text.
struct Shape {
  std::uint32_t title_tokens = 0;
  std::vector<std::uint32_t> paragraphs;  ///< tokens per body paragraph (empty: a brief)
  std::uint32_t categories = 0;           ///< index into Model::category_sets
};

struct Model {
  /// Token 0 is the start of a title or paragraph; tokens are whitespace-separated words with
  /// their punctuation, as in the corpus ("said", "Co.", "1.19", "dlrs,").
  std::vector<std::string> tokens;
  BigramTable title;
  BigramTable body;
  std::vector<Shape> shapes;
  std::vector<std::vector<std::string>> category_sets;  ///< distinct, as they occur
  std::vector<std::uint32_t> per_day;                   ///< articles on each corpus day
  std::vector<std::uint32_t> second_of_day;             ///< each article's UTC time of day
  std::vector<std::string> sources;                     ///< distinct source names
  std::vector<std::uint64_t> source_cumulative;         ///< running article counts of sources
  std::int64_t first_day = 0;                           ///< days since 1970-01-01 of the first
};

/// Learns a model from the JSON Lines corpus at `path` (keys of ../shared/corpus/README.md).
/// Throws lede::Error naming the file (and line) when it cannot be read or holds no article.
Model learn(const std::string& path);

/// Learns from JSON Lines bytes; `location` names them in errors.
Model learn_from(std::string_view bytes, const std::string& location);

}  // namespace lede::gen_corpus

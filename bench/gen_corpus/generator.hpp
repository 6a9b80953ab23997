/**
 * @file
 * @brief Synthetic articles from a Model, one at a time, in date order, deterministic by seed.
 *
 * Each article takes the outline of a real one drawn at random (title length, paragraph
 * lengths, categories) and fills it with a bigram chain: every token is drawn in proportion to
 * how often it followed the previous one in the corpus. Paragraphs run on past their drawn
 * length to the end of a sentence (at most a few tokens). Days follow one another from the
 * corpus' first day, each carrying as many articles as a corpus day drawn at random, at times of
 * day drawn from the corpus. Memory stays constant: nothing is kept from one article to the next.
 */
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bench/gen_corpus/model.hpp"
#include "bench/gen_corpus/random.hpp"
#include "common/article.hpp"

namespace lede::gen_corpus {

struct SyntheticArticle {
  std::uint64_t number = 0;  ///< 1-based
  std::string title;
  std::vector<std::string> paragraphs;
  std::string summary;  ///< as ../shared/corpus/README.md derives it from the body
  UnixSeconds published = 0;
  const std::string* source = nullptr;
  const std::vector<std::string>* categories = nullptr;
};

/// The corpus README's rule: the first paragraph if at most 300 characters, else its first
/// sentence if at most 300, else cut at a word boundary with "..." appended; "" without body.
std::string summary_of(const std::vector<std::string>& paragraphs);

/// Calls `sink` for `count` articles generated from `model` with `seed`.
void generate(const Model& model, std::uint64_t count, std::uint64_t seed,
              const std::function<void(const SyntheticArticle&)>& sink);

}  // namespace lede::gen_corpus

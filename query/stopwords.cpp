#include "query/stopwords.hpp"

#include <array>
#include <string>

namespace lede::query {

namespace {

constexpr std::array<std::string_view, 120> stop_words = {
    "a",          "about",  "above", "after",   "again",   "against",  "all",        "am",
    "an",         "and",    "any",   "are",     "as",      "at",       "be",         "because",
    "been",       "before", "being", "below",   "between", "both",     "but",        "by",
    "could",      "did",    "do",    "does",    "doing",   "down",     "during",     "each",
    "few",        "for",    "from",  "further", "had",     "has",      "have",       "having",
    "he",         "her",    "here",  "hers",    "herself", "him",      "himself",    "his",
    "how",        "i",      "if",    "in",      "into",    "is",       "it",         "its",
    "itself",     "me",     "more",  "most",    "my",      "myself",   "of",         "off",
    "on",         "once",   "only",  "or",      "other",   "ought",    "our",        "ours",
    "ourselves",  "out",    "over",  "own",     "same",    "she",      "should",     "so",
    "some",       "such",   "than",  "that",    "the",     "their",    "theirs",     "them",
    "themselves", "then",   "there", "these",   "they",    "this",     "those",      "through",
    "to",         "too",    "under", "until",   "up",      "very",     "was",        "we",
    "were",       "what",   "when",  "where",   "which",   "while",    "whom",       "why",
    "with",       "would",  "you",   "your",    "yours",   "yourself", "yourselves", "also",
};

}  // namespace

std::span<const std::string_view> english_stop_words() {
  return stop_words;
}

const Xapian::Stopper* new_english_stopper() {
  auto* stopper = new Xapian::SimpleStopper;
  for (std::string_view word : stop_words) stopper->add(std::string(word));
  return stopper->release();
}

}  // namespace lede::query

/**
 * @file
 * @brief Synthetic articles written out: JSON Lines (the corpus' own schema) or daily RSS 2.0
 * files shaped like ../shared/corpus/reuters21578/feeds (title, link, guid, pubDate, an
 * entity-encoded description, the body as <p> HTML in content:encoded, one category per topic).
 */
#pragma once

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

#include "bench/gen_corpus/generator.hpp"

namespace lede::gen_corpus {

/// One JSON object per line with the keys id, title, body, summary, published, link, source,
/// categories, places (in that order), as ../shared/corpus/README.md describes them.
void write_json_line(std::ostream& out, const SyntheticArticle& article);

/// Writes `synthetic-YYYY-MM-DD.xml` files into a folder, one per day, opening the next when
/// an article's day changes (articles arrive in date order).
class RssDayWriter {
 public:
  explicit RssDayWriter(std::filesystem::path folder);
  ~RssDayWriter();
  RssDayWriter(const RssDayWriter&) = delete;
  RssDayWriter& operator=(const RssDayWriter&) = delete;

  void write(const SyntheticArticle& article);
  /// Closes the current file; throws lede::Error when a write failed.
  void finish();

 private:
  void open_day(const std::string& day);
  void close_day();

  std::filesystem::path folder_;
  std::string day_;
  std::ofstream out_;
};

}  // namespace lede::gen_corpus

#include "bench/gen_corpus/generator.hpp"

#include <algorithm>

namespace lede::gen_corpus {

namespace {

constexpr std::size_t summary_limit = 300;
constexpr std::uint32_t sentence_overrun = 12;  ///< tokens a paragraph may run on to a full stop

class Writer {
 public:
  Writer(const Model& model, std::uint64_t seed) : model_(model), random_(seed) {}

  // A whole day's times are drawn even when only `limit` of its articles are wanted, so that
  // a shorter run is a prefix of a longer one with the same seed.
  void day(std::int64_t day_number, std::uint64_t limit, std::uint64_t& number,
           const std::function<void(const SyntheticArticle&)>& sink) {
    std::vector<std::uint32_t> seconds(draw(model_.per_day));
    for (auto& s : seconds) s = draw(model_.second_of_day);
    std::sort(seconds.begin(), seconds.end());
    if (seconds.size() > limit) seconds.resize(limit);
    for (const std::uint32_t second : seconds) {
      article_.number = ++number;
      article_.published = day_number * 86'400 + second;
      fill(model_.shapes[random_.below(model_.shapes.size())]);
      sink(article_);
    }
  }

 private:
  template <typename T>
  T draw(const std::vector<T>& values) {
    return values[random_.below(values.size())];
  }

  void fill(const Shape& shape) {
    article_.title.clear();
    walk(model_.title, shape.title_tokens, 0, article_.title);
    article_.paragraphs.resize(shape.paragraphs.size());
    for (std::size_t p = 0; p < shape.paragraphs.size(); ++p) {
      article_.paragraphs[p].clear();
      walk(model_.body, shape.paragraphs[p], sentence_overrun, article_.paragraphs[p]);
    }
    article_.summary = summary_of(article_.paragraphs);
    article_.categories = &model_.category_sets[shape.categories];
    const std::uint64_t pick = random_.below(model_.source_cumulative.back());
    const auto source =
        std::upper_bound(model_.source_cumulative.begin(), model_.source_cumulative.end(), pick);
    article_.source =
        &model_.sources[static_cast<std::size_t>(source - model_.source_cumulative.begin())];
  }

  // Appends `length` tokens of the chain (then up to `overrun` more, to the end of a sentence).
  void walk(const BigramTable& table, std::uint32_t length, std::uint32_t overrun,
            std::string& out) {
    TokenId token = 0;
    for (std::uint32_t n = 0; n < length + overrun; ++n) {
      if (n >= length && !out.empty() && out.back() == '.') break;
      token = next(table, token);
      if (!out.empty()) out += ' ';
      out += model_.tokens[token];
    }
  }

  TokenId next(const BigramTable& table, TokenId token) {
    std::uint32_t begin = table.first[token], end = table.first[token + 1];
    if (begin == end) {  // seen only last in its text: start afresh
      begin = table.first[0];
      end = table.first[1];
    }
    const std::uint64_t total = table.cumulative[end - 1];
    const std::uint64_t pick = random_.below(total);
    const auto it =
        std::upper_bound(table.cumulative.begin() + begin, table.cumulative.begin() + end, pick);
    return table.next[static_cast<std::size_t>(it - table.cumulative.begin())];
  }

  const Model& model_;
  Random random_;
  SyntheticArticle article_;
};

}  // namespace

std::string summary_of(const std::vector<std::string>& paragraphs) {
  if (paragraphs.empty()) return "";
  const std::string& first = paragraphs.front();
  if (first.size() <= summary_limit) return first;
  const std::size_t stop = first.find(". ");
  if (stop != std::string::npos && stop + 1 <= summary_limit) return first.substr(0, stop + 1);
  std::size_t cut = first.rfind(' ', summary_limit - 3);
  if (cut == std::string::npos || cut == 0) cut = summary_limit - 3;
  return first.substr(0, cut) + "...";
}

void generate(const Model& model, std::uint64_t count, std::uint64_t seed,
              const std::function<void(const SyntheticArticle&)>& sink) {
  Writer writer(model, seed);
  std::uint64_t number = 0;
  for (std::int64_t day = model.first_day; number < count; ++day) {
    writer.day(day, count - number, number, sink);
  }
}

}  // namespace lede::gen_corpus

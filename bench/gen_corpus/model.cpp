#include "bench/gen_corpus/model.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/dates.hpp"
#include "common/error.hpp"

namespace lede::gen_corpus {

namespace {

constexpr std::int64_t seconds_per_day = 86'400;

class Learner {
 public:
  Learner() { id("<start>"); }

  void add(const nlohmann::json& record) {
    Shape shape;
    shape.title_tokens = chain(record.value("title", ""), title_pairs_);
    const std::string body = record.value("body", "");
    for (std::size_t at = 0; at < body.size();) {
      const std::size_t end = std::min(body.find("\n\n", at), body.size());
      const std::uint32_t n = chain(std::string_view(body).substr(at, end - at), body_pairs_);
      if (n > 0) shape.paragraphs.push_back(n);
      at = end + 2;
    }
    const auto categories = record.value("categories", std::vector<std::string>{});
    const auto [set, inserted] = category_index_.emplace(
        categories, static_cast<std::uint32_t>(model_.category_sets.size()));
    if (inserted) model_.category_sets.push_back(categories);
    shape.categories = set->second;
    if (shape.title_tokens > 0) model_.shapes.push_back(std::move(shape));

    ++source_counts_[record.value("source", "")];
    if (const auto published = dates::parse_iso8601(record.value("published", ""))) {
      const std::int64_t day = floor_div(*published, seconds_per_day);
      ++day_counts_[day];
      model_.second_of_day.push_back(
          static_cast<std::uint32_t>(*published - day * seconds_per_day));
    }
  }

  Model finish(const std::string& location) {
    if (model_.shapes.empty() || day_counts_.empty()) {
      throw Error(location + ": no article with a title and a published date to learn from");
    }
    model_.title = table(title_pairs_);
    model_.body = table(body_pairs_);
    model_.first_day = day_counts_.begin()->first;
    for (const auto& [day, count] : day_counts_) model_.per_day.push_back(count);
    std::uint64_t total = 0;
    for (const auto& [source, count] : source_counts_) {
      model_.sources.push_back(source);
      model_.source_cumulative.push_back(total += count);
    }
    return std::move(model_);
  }

 private:
  using Pairs = std::unordered_map<std::uint64_t, std::uint64_t>;

  static std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
  }

  TokenId id(std::string_view token) {
    const auto [it, inserted] =
        ids_.emplace(std::string(token), static_cast<TokenId>(model_.tokens.size()));
    if (inserted) model_.tokens.emplace_back(token);
    return it->second;
  }

  // Counts the pairs of a whitespace-split text, starting from token 0; returns its length.
  std::uint32_t chain(std::string_view text, Pairs& pairs) {
    TokenId previous = 0;
    std::uint32_t n = 0;
    std::size_t at = 0;
    while (true) {
      at = text.find_first_not_of(" \t\n\r", at);
      if (at == std::string_view::npos) break;
      const std::size_t end = std::min(text.find_first_of(" \t\n\r", at), text.size());
      const TokenId token = id(text.substr(at, end - at));
      ++pairs[(std::uint64_t{previous} << 32) | token];
      previous = token;
      ++n;
      at = end;
    }
    return n;
  }

  BigramTable table(const Pairs& pairs) const {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> sorted(pairs.begin(), pairs.end());
    std::sort(sorted.begin(), sorted.end());  // by (first, next): the same order every time
    BigramTable t;
    t.first.assign(model_.tokens.size() + 1, 0);
    for (const auto& [key, count] : sorted) ++t.first[(key >> 32) + 1];
    for (std::size_t i = 1; i < t.first.size(); ++i) t.first[i] += t.first[i - 1];
    t.next.reserve(sorted.size());
    t.cumulative.reserve(sorted.size());
    std::uint64_t row_total = 0;
    std::uint64_t row = ~std::uint64_t{0};
    for (const auto& [key, count] : sorted) {
      if ((key >> 32) != row) {
        row = key >> 32;
        row_total = 0;
      }
      t.next.push_back(static_cast<TokenId>(key & 0xffffffffu));
      t.cumulative.push_back(row_total += count);
    }
    return t;
  }

  Model model_;
  std::unordered_map<std::string, TokenId> ids_;
  Pairs title_pairs_, body_pairs_;
  std::map<std::vector<std::string>, std::uint32_t> category_index_;
  std::map<std::string, std::uint64_t> source_counts_;
  std::map<std::int64_t, std::uint32_t> day_counts_;
};

}  // namespace

Model learn_from(std::string_view bytes, const std::string& location) {
  Learner learner;
  std::size_t line_number = 0;
  while (!bytes.empty()) {
    ++line_number;
    const std::size_t eol = bytes.find('\n');
    const std::string_view line = bytes.substr(0, eol);
    bytes.remove_prefix(eol == std::string_view::npos ? bytes.size() : eol + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      learner.add(nlohmann::json::parse(line));
    } catch (const nlohmann::json::exception& e) {
      throw Error(location + ":" + std::to_string(line_number) + ": " + e.what());
    }
  }
  return learner.finish(location);
}

Model learn(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the corpus");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return learn_from(bytes, path);
}

}  // namespace lede::gen_corpus

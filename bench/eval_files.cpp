#include "bench/eval_files.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include "common/error.hpp"

namespace lede::bench {

namespace {

std::ifstream open_input(const std::string& path, const char* what) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot open " + what);
  return in;
}

std::string where(const std::string& path, std::size_t line) {
  return path + ":" + std::to_string(line) + ": ";
}

}  // namespace

Qrels read_qrels(const std::string& path) {
  std::ifstream in = open_input(path, "qrels file");
  Qrels qrels;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    std::istringstream fields(line);
    std::string query, iteration, document, relevance, extra;
    if (!(fields >> query)) continue;  // blank line
    if (!(fields >> iteration >> document >> relevance) || (fields >> extra)) {
      throw Error(where(path, number) + "want 4 fields: qid iteration docid relevance");
    }
    int gain = 0;
    const auto [end, ec] =
        std::from_chars(relevance.data(), relevance.data() + relevance.size(), gain);
    if (ec != std::errc{} || end != relevance.data() + relevance.size()) {
      throw Error(where(path, number) + "relevance is not an integer: " + relevance);
    }
    qrels[query][document] = gain;
  }
  if (qrels.empty()) throw Error(path + ": no judgments in qrels file");
  return qrels;
}

std::vector<Topic> read_topics(const std::string& path) {
  std::ifstream in = open_input(path, "queries file");
  std::vector<Topic> topics;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      throw Error(where(path, number) + "want qid<TAB>query text");
    }
    topics.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  if (topics.empty()) throw Error(path + ": no queries in file");
  return topics;
}

void write_run_lines(std::ostream& out, const std::string& query_id,
                     const std::vector<ScoredDocument>& ranked, const std::string& tag) {
  std::array<char, 32> score{};
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const auto result = std::to_chars(score.data(), score.data() + score.size(), ranked[i].score);
    out << query_id << " Q0 " << ranked[i].id << ' ' << i + 1 << ' '
        << std::string_view(score.data(), static_cast<std::size_t>(result.ptr - score.data()))
        << ' ' << tag << '\n';
  }
}

}  // namespace lede::bench

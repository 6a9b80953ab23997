/**
 * @file
 * @brief probe-match-floor: the least query time any engine built on Xapian can take, timed
 * beside FTS5 doing the whole job, in one process (docs/benchmarks.md, "the query goal").
 *
 * Per query, in turn and rotating the order as lede-bench does: FTS5 with snippets (lede-bench's
 * own fts5 engine); QueryParser + Enquire::get_mset(0, 10) configured as xapian-plain, reading
 * nothing of the hits (the floor); the same plus each hit's Document::get_data() (the floor of
 * an engine that keeps the text in Xapian); xapian-plain with --no-snippets. One untimed warm-up
 * pass, then RUNS timed passes; thread CPU time and wall clock, nearest-rank percentiles.
 *
 * Usage: probe-match-floor FTS5_DB PLAIN_XAPIAN_DB QUERIES RUNS
 */
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "bench/baselines/baseline.hpp"

namespace {

using lede::bench::Baseline;

double thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

double wall_us() {
  return std::chrono::duration<double, std::micro>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double nearest_rank(std::vector<double> samples, double percent) {
  std::sort(samples.begin(), samples.end());
  const auto rank =
      static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(samples.size())));
  return samples[std::max<std::size_t>(rank, 1) - 1];
}

/// xapian-plain's parser and matcher (bench/baselines/xapian_plain_query.cpp), nothing else.
class PlainMatcher {
 public:
  explicit PlainMatcher(const std::string& path) : db_(path), stemmer_("english"), enquire_(db_) {
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_database(db_);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix("title", "S");
  }

  std::size_t match(const std::string& query, bool read_data) {
    enquire_.set_query(parser_.parse_query(query));
    const Xapian::MSet mset = enquire_.get_mset(0, 10);
    std::size_t made = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      made += read_data ? it.get_document().get_data().size() : *it;
    }
    return made;
  }

 private:
  Xapian::Database db_;
  Xapian::Stem stemmer_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: probe-match-floor FTS5_DB PLAIN_XAPIAN_DB QUERIES RUNS\n";
    return 2;
  }
  try {
    std::vector<std::string> queries;
    std::ifstream in(argv[3]);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) queries.push_back(line);
    }
    const int runs = std::stoi(argv[4]);
    auto fts5 = lede::bench::baseline_engine_factory(Baseline::fts5, argv[1], {})();
    lede::bench::QueryWork no_snippets;
    no_snippets.snippets = false;
    auto plain =
        lede::bench::baseline_engine_factory(Baseline::xapian_plain, argv[2], no_snippets)();
    PlainMatcher matcher(argv[2]);

    constexpr std::size_t contenders = 4;
    const std::array<const char*, contenders> names = {"fts5 with snippets", "xapian get_mset only",
                                                       "xapian get_mset + get_data",
                                                       "xapian-plain --no-snippets"};
    std::array<std::vector<double>, contenders> cpu;
    std::array<std::vector<double>, contenders> wall;
    std::size_t made = 0;  // results used, so that no work is optimised away
    for (int pass = 0; pass <= runs; ++pass) {
      for (std::size_t q = 0; q < queries.size(); ++q) {
        for (std::size_t k = 0; k < contenders; ++k) {
          const std::size_t c = (q + static_cast<std::size_t>(pass) + k) % contenders;
          const double cpu_start = thread_cpu_us();
          const double wall_start = wall_us();
          if (c == 0) made += fts5->search(queries[q]);
          if (c == 1) made += matcher.match(queries[q], false);
          if (c == 2) made += matcher.match(queries[q], true);
          if (c == 3) made += plain->search(queries[q]);
          if (pass == 0) continue;  // the warm-up pass
          cpu[c].push_back(thread_cpu_us() - cpu_start);
          wall[c].push_back(wall_us() - wall_start);
        }
      }
    }
    std::cout << "contender\tcpu_q50_us\tcpu_q99_us\tcpu_mean_us\twall_q50_us\twall_q99_us\n";
    for (std::size_t c = 0; c < contenders; ++c) {
      double sum = 0;
      for (const double x : cpu[c]) sum += x;
      std::cout << names[c] << '\t' << nearest_rank(cpu[c], 50) << '\t' << nearest_rank(cpu[c], 99)
                << '\t' << sum / static_cast<double>(cpu[c].size()) << '\t'
                << nearest_rank(wall[c], 50) << '\t' << nearest_rank(wall[c], 99) << '\n';
    }
    std::cerr << "(" << made << ")\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "probe-match-floor: " << e.what() << '\n';
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "probe-match-floor: " << e.get_description() << '\n';
    return 2;
  }
}

#include "bench/contender_runner.hpp"

#include <atomic>
#include <barrier>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "bench/machine_load.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace lede::bench {

namespace {

using Clock = std::chrono::steady_clock;

struct Samples {
  std::vector<double> wall;
  std::vector<double> cpu;
};

/// What the threads share: results per query (each written by one thread) and the first error.
struct Shared {
  Shared(std::size_t contenders, std::size_t queries)
      : hits(contenders, std::vector<std::size_t>(queries)), samples(contenders) {}
  std::vector<std::vector<std::size_t>> hits;  ///< [contender][query], from the warm-up
  std::vector<Samples> samples;                ///< [contender], merged under `mutex`
  std::mutex mutex;
  std::exception_ptr error;
  std::atomic<bool> failed = false;

  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex);
    if (!error) error = e;
    failed = true;
  }
};

template <typename Barrier>
void run_thread(const std::vector<Contender>& contenders, const std::vector<std::string>& queries,
                unsigned runs, unsigned thread, unsigned threads, Barrier& start_timing,
                Shared& shared) {
  const std::size_t n = contenders.size();
  std::vector<Samples> mine(n);
  std::vector<std::unique_ptr<SearchEngine>> engines;
  try {
    for (const Contender& c : contenders) engines.push_back(c.factory());
  } catch (...) {
    shared.fail(std::current_exception());
  }
  for (unsigned pass = 0; pass <= runs; ++pass) {
    if (pass == 1) start_timing.arrive_and_wait();  // every thread is warm: the clock starts
    for (std::size_t q = thread; q < queries.size() && !shared.failed; q += threads) {
      for (std::size_t k = 0; k < n; ++k) {
        const std::size_t c = (q + k + pass) % n;
        try {
          const double cpu_start = thread_cpu_microseconds();
          const auto start = Clock::now();
          const std::size_t hits = engines[c]->search(queries[q]);
          const auto stop = Clock::now();
          const double cpu = thread_cpu_microseconds() - cpu_start;
          if (pass == 0) {
            shared.hits[c][q] = hits;
          } else {
            mine[c].wall.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
            mine[c].cpu.push_back(cpu);
          }
        } catch (const std::exception& e) {
          // The line is quoted only as far as a reader needs to recognise it.
          const std::string_view head = text::truncate_utf8(queries[q], 80);
          const std::string quoted(head.size() < queries[q].size() ? std::string(head) + "…"
                                                                   : queries[q]);
          shared.fail(
              std::make_exception_ptr(Error("query line " + std::to_string(q + 1) + " \"" + quoted +
                                            "\": " + contenders[c].name + ": " + e.what())));
        }
      }
    }
  }
  std::lock_guard lock(shared.mutex);
  for (std::size_t c = 0; c < n; ++c) {
    auto& all = shared.samples[c];
    all.wall.insert(all.wall.end(), mine[c].wall.begin(), mine[c].wall.end());
    all.cpu.insert(all.cpu.end(), mine[c].cpu.begin(), mine[c].cpu.end());
  }
}

}  // namespace

RunFigures run_contenders(const std::vector<Contender>& contenders,
                          const std::vector<std::string>& queries, unsigned runs,
                          unsigned threads) {
  if (contenders.empty() || queries.empty() || threads == 0) return {};
  Shared shared(contenders.size(), queries.size());
  Clock::time_point timed_start;
  std::barrier start_timing(threads, [&timed_start]() noexcept { timed_start = Clock::now(); });
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back(
          [&, t] { run_thread(contenders, queries, runs, t, threads, start_timing, shared); });
    }
  }  // joined
  if (shared.error) std::rethrow_exception(shared.error);
  RunFigures figures;
  figures.wall_seconds = std::chrono::duration<double>(Clock::now() - timed_start).count();
  for (std::size_t c = 0; c < contenders.size(); ++c) {
    ContenderFigures f;
    f.name = contenders[c].name;
    double busy_us = 0;
    for (const double us : shared.samples[c].wall) busy_us += us;
    f.wall = summarize(std::move(shared.samples[c].wall));
    f.cpu = summarize(std::move(shared.samples[c].cpu));
    f.qps = busy_us > 0 ? threads * static_cast<double>(f.wall.count) / (busy_us / 1e6) : 0;
    for (const std::size_t hits : shared.hits[c]) {
      f.hits_returned += hits;
      if (hits == 0) ++f.zero_hit_queries;
    }
    figures.contenders.push_back(std::move(f));
  }
  return figures;
}

}  // namespace lede::bench

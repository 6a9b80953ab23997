/**
 * @file
 * @brief Many HTTP(S) transfers at once with the libcurl multi interface, politely: at most
 *        `jobs` transfers in flight, at most `per_host` of them to any one host.
 *
 * lede schedules per host itself (a request waits in lede's queue, not in libcurl's, so its
 * timeouts only start when its transfer does), and also sets CURLMOPT_MAX_HOST_CONNECTIONS
 * and CURLMOPT_MAX_TOTAL_CONNECTIONS so that libcurl's connection cache never opens more.
 * Connections are kept alive and reused between transfers to the same host.
 * @see https://curl.se/libcurl/c/libcurl-multi.html
 * @see https://curl.se/libcurl/c/CURLMOPT_MAX_HOST_CONNECTIONS.html
 */
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "indexer/fetch.hpp"

namespace lede::http {

struct ParallelOptions {
  FetchOptions fetch;        ///< timeouts, byte cap, redirects: per transfer
  std::size_t jobs = 8;      ///< transfers in flight at once
  std::size_t per_host = 2;  ///< transfers (and connections) to one host at once
};

struct Request {
  std::string url;
  Validators validators;  ///< sent back for a conditional GET
  std::size_t tag = 0;    ///< the caller's own reference, handed back with the result
};

class ParallelFetcher {
 public:
  explicit ParallelFetcher(const ParallelOptions& options);
  ~ParallelFetcher();
  ParallelFetcher(const ParallelFetcher&) = delete;
  ParallelFetcher& operator=(const ParallelFetcher&) = delete;

  /// Queues a request; may be called from inside `on_done` (a feed found by autodiscovery).
  void add(Request request);

  /// Runs until every queued request has finished, calling `on_done` on this thread as each
  /// one finishes (in the order they finish). A failure is a Result with an error; it never
  /// stops the others.
  void run(const std::function<void(const Request&, Result&&)>& on_done);

 private:
  struct Active;
  void start_eligible(std::deque<std::pair<Request, Result>>& finished);

  ParallelOptions options_;
  void* multi_ = nullptr;  // CURLM*, kept out of this header
  std::deque<Request> pending_;
  std::map<void*, std::unique_ptr<Active>> active_;  // by CURL* easy handle
  std::map<std::string, std::size_t> active_per_host_;
};

}  // namespace lede::http

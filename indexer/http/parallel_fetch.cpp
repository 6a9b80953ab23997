#include "indexer/http/parallel_fetch.hpp"

#include "common/error.hpp"
#include "indexer/http/easy_transfer.hpp"
#include "indexer/url.hpp"

namespace lede::http {

struct ParallelFetcher::Active {
  Request request;
  std::string host;
  std::unique_ptr<EasyTransfer> transfer;
};

namespace {

CURLM* as_multi(void* multi) {
  return static_cast<CURLM*>(multi);
}

void check(CURLMcode rc, const char* what) {
  if (rc != CURLM_OK) throw Error(std::string("libcurl: ") + what + ": " + curl_multi_strerror(rc));
}

}  // namespace

ParallelFetcher::ParallelFetcher(const ParallelOptions& options) : options_(options) {
  if (options_.jobs == 0) options_.jobs = 1;
  if (options_.per_host == 0) options_.per_host = 1;
  global_init_once();
  multi_ = curl_multi_init();
  if (!multi_) throw Error("libcurl: cannot create a multi handle");
  CURLM* m = as_multi(multi_);
  check(curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options_.per_host)),
        "CURLMOPT_MAX_HOST_CONNECTIONS");
  check(curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(options_.jobs)),
        "CURLMOPT_MAX_TOTAL_CONNECTIONS");
}

ParallelFetcher::~ParallelFetcher() {
  CURLM* m = as_multi(multi_);
  for (auto& [handle, active] : active_) curl_multi_remove_handle(m, handle);
  active_.clear();  // the easy handles go before the multi handle (libcurl's order)
  curl_multi_cleanup(m);
}

void ParallelFetcher::add(Request request) {
  pending_.push_back(std::move(request));
}

void ParallelFetcher::start_eligible(std::deque<std::pair<Request, Result>>& finished) {
  for (auto it = pending_.begin(); it != pending_.end() && active_.size() < options_.jobs;) {
    const std::string host = url::host(it->url);
    if (active_per_host_[host] >= options_.per_host) {
      ++it;
      continue;
    }
    auto active = std::make_unique<Active>();
    active->request = std::move(*it);
    active->host = host;
    it = pending_.erase(it);
    try {
      active->transfer = std::make_unique<EasyTransfer>(active->request.url, options_.fetch,
                                                        active->request.validators);
      check(curl_multi_add_handle(as_multi(multi_), active->transfer->handle()),
            "curl_multi_add_handle");
    } catch (const Error& e) {
      Result failed;
      failed.error = active->request.url + ": " + e.what();
      finished.emplace_back(std::move(active->request), std::move(failed));
      continue;
    }
    ++active_per_host_[host];
    void* key = active->transfer->handle();
    active_.emplace(key, std::move(active));
  }
}

void ParallelFetcher::run(const std::function<void(const Request&, Result&&)>& on_done) {
  CURLM* m = as_multi(multi_);
  std::deque<std::pair<Request, Result>> finished;
  start_eligible(finished);
  while (!active_.empty() || !pending_.empty() || !finished.empty()) {
    int running = 0;
    check(curl_multi_perform(m, &running), "curl_multi_perform");
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(m, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      // Read the message before removing the handle: removal invalidates it.
      CURL* easy = msg->easy_handle;
      const CURLcode code = msg->data.result;
      const auto it = active_.find(easy);
      if (it == active_.end()) continue;
      std::unique_ptr<Active> done = std::move(it->second);
      active_.erase(it);
      curl_multi_remove_handle(m, easy);  // its connection returns to the cache
      --active_per_host_[done->host];
      finished.emplace_back(std::move(done->request), done->transfer->finish(code));
    }
    // Results are handled between transfers; what on_done adds joins the queue.
    while (!finished.empty()) {
      auto [request, result] = std::move(finished.front());
      finished.pop_front();
      on_done(request, std::move(result));
    }
    // Interrupted: what has not started never will (running transfers abort themselves).
    if (options_.fetch.should_stop && options_.fetch.should_stop()) pending_.clear();
    start_eligible(finished);
    if (!active_.empty() && finished.empty()) {
      // Sleeps until a socket is ready or a timer is due (at most 200 ms).
      check(curl_multi_poll(m, nullptr, 0, 200, nullptr), "curl_multi_poll");
    }
  }
}

}  // namespace lede::http

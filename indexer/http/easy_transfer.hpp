/**
 * @file
 * @brief One HTTP(S) transfer as a configured libcurl easy handle: the option setup and the
 *        reading of the result, shared by fetch() (curl_easy_perform) and the parallel
 *        fetcher (the multi interface).
 *
 * This folder (indexer/http/) is lede's libcurl room: nothing outside it includes <curl/curl.h>.
 * @see https://curl.se/libcurl/c/libcurl-easy.html
 */
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <curl/curl.h>

#include "indexer/fetch.hpp"

namespace lede::http {

/// curl_global_init, once per process, before any handle exists (it is not thread-safe).
void global_init_once();

class EasyTransfer {
 public:
  /// Configures a transfer of `url`; `validators` (if any) make it a conditional GET.
  /// Throws lede::Error when libcurl refuses an option.
  EasyTransfer(const std::string& url, const FetchOptions& options,
               const Validators& validators = {});
  ~EasyTransfer();
  EasyTransfer(const EasyTransfer&) = delete;
  EasyTransfer& operator=(const EasyTransfer&) = delete;

  CURL* handle() const { return handle_; }
  const std::string& url() const { return url_; }

  /// Reads the finished transfer (`code` from curl_easy_perform or the multi's CURLMsg):
  /// the response, and an error message when it failed or the status is ≥ 400 (304 is not).
  Result finish(CURLcode code);

  // The callbacks' state, public for the C callbacks in the .cpp.
  struct State {
    std::string body;
    std::size_t max_bytes = 0;
    bool over_cap = false;
    std::vector<long> statuses;  // status of every response received (redirects, then final)
    std::string reason;          // reason phrase of the last status line
    std::string location;        // Location of the last response
    std::string etag, last_modified, retry_after, cache_control;
    const std::function<bool()>* should_stop = nullptr;
  };

 private:
  std::string url_;
  FetchOptions options_;
  CURL* handle_ = nullptr;
  curl_slist* headers_ = nullptr;
  State state_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace lede::http

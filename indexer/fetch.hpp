/**
 * @file
 * @brief Fetching a feed over HTTP(S): the options and results shared by `lede-index add`
 *        (one feed at a time) and `lede-index update` (many at once, indexer/http/).
 *
 * libcurl lives in one room, indexer/http/: this header and its callers never see it.
 * http and https only, also on redirect; TLS verified; every encoding libcurl decodes accepted;
 * connect and total timeouts; a stalled transfer aborted; a byte cap enforced while the body
 * streams in, so a huge response never fills memory.
 * @see https://curl.se/libcurl/c/CURLOPT_PROTOCOLS_STR.html
 * @see https://curl.se/libcurl/c/CURLOPT_WRITEFUNCTION.html
 */
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace lede::http {

struct FetchOptions {
  long connect_timeout_seconds = 15;
  long total_timeout_seconds = 120;
  std::size_t max_bytes = 64 * 1024 * 1024;  ///< decoded body bytes; more aborts the transfer
  long max_redirects = 5;
  /// A transfer slower than `low_speed_bytes` per second for `low_speed_seconds` is stalled.
  long low_speed_bytes = 100;
  long low_speed_seconds = 30;
  /// Polled while the transfer runs; returning true aborts it (Ctrl-C).
  std::function<bool()> should_stop;
};

/// What a conditional GET sends back (If-None-Match, If-Modified-Since); empty: not sent.
struct Validators {
  std::string etag;
  std::string last_modified;
};

struct Response {
  std::string body;
  std::string final_url;     ///< after redirects: the base for relative links
  long status = 0;           ///< HTTP status code of the last response (304: not modified)
  std::string content_type;  ///< media type without parameters, lower-cased ("application/rss+xml")
  std::string charset;       ///< charset parameter of Content-Type, lower-cased, "" if none
  Validators validators;     ///< ETag and Last-Modified of the last response
  std::string retry_after;   ///< Retry-After header as sent ("120" or an HTTP date), "" if none
  std::string cache_control;  ///< Cache-Control header as sent, "" if none
  /// Every redirect followed was permanent (301, 308): final_url is the feed's new address.
  bool moved_permanently = false;
};

/// A finished transfer: a response (when one arrived) and, on failure, the error.
struct Result {
  Response response;
  std::string error;  ///< "URL: what" — a transport failure or HTTP status ≥ 400; "" if none
  bool ok() const { return error.empty(); }
};

/// Fetches `url` (http:// or https://). Throws lede::Error "URL: what" on any failure: an
/// unreachable host, a timeout, HTTP status ≥ 400 ("URL: HTTP 404 Not Found"), a redirect to a
/// non-HTTP URL, a body over the cap.
Response fetch(const std::string& url, const FetchOptions& options = {});

/// The User-Agent lede sends: "lede/<version>".
std::string user_agent();

/// Splits a Content-Type header value into media type and charset (both lower-cased).
void parse_content_type(const std::string& header, std::string& media_type, std::string& charset);

}  // namespace lede::http

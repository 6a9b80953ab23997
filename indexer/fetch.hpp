/**
 * @file
 * @brief Fetching a feed over HTTP(S) with libcurl: the only room that includes <curl/curl.h>.
 *
 * http and https only, also on redirect; TLS verified; gzip/deflate accepted; connect and total
 * timeouts; a byte cap enforced while the body streams in, so a huge response never fills memory.
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
  /// Polled while the transfer runs; returning true aborts it (Ctrl-C).
  std::function<bool()> should_stop;
};

struct Response {
  std::string body;
  std::string final_url;     ///< after redirects: the base for relative links
  long status = 0;           ///< HTTP status code
  std::string content_type;  ///< media type without parameters, lower-cased ("application/rss+xml")
  std::string charset;       ///< charset parameter of Content-Type, lower-cased, "" if none
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

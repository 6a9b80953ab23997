#include "indexer/fetch.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include <curl/curl.h>

#include "common/error.hpp"

#ifndef LEDE_VERSION
#define LEDE_VERSION "0"
#endif

namespace lede::http {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// curl_global_init is not thread-safe and must run once before any handle exists.
void global_init_once() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (result != CURLE_OK) {
    throw Error(std::string("cannot initialise libcurl: ") + curl_easy_strerror(result));
  }
}

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct UrlDeleter {
  void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};

// What the callbacks collect while the transfer runs.
struct Transfer {
  std::string body;
  std::size_t max_bytes = 0;
  bool over_cap = false;
  std::string reason;    // reason phrase of the last status line
  std::string location;  // Location header of the last response
  const std::function<bool()>* should_stop = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->over_cap = true;
    return 0;  // anything but n makes curl abort with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  const std::string line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    // "HTTP/1.1 404 Not Found": a new response starts (after a redirect or 100 Continue).
    t->location.clear();
    const auto code_start = line.find(' ');
    const auto reason_start =
        code_start == std::string::npos ? std::string::npos : line.find(' ', code_start + 1);
    t->reason = reason_start == std::string::npos ? "" : trim(line.substr(reason_start + 1));
  } else if (line.size() > 9 && lower(line.substr(0, 9)) == "location:") {
    t->location = trim(line.substr(9));
  }
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* t = static_cast<Transfer*>(user);
  return (t->should_stop && *t->should_stop && (*t->should_stop)()) ? 1 : 0;
}

template <typename T>
void set(CURL* handle, CURLoption option, T value) {
  const CURLcode rc = curl_easy_setopt(handle, option, value);
  if (rc != CURLE_OK) {
    throw Error(std::string("libcurl refused an option: ") + curl_easy_strerror(rc));
  }
}

template <typename T>
T info(CURL* handle, CURLINFO what) {
  T value{};
  if (curl_easy_getinfo(handle, what, &value) != CURLE_OK) return T{};
  return value;
}

// HTTP/2 carries no reason phrase; these are the ones a feed reader meets.
std::string standard_reason(long status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 410:
      return "Gone";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

// The absolute target of a redirect, resolved with curl's own URL parser.
std::string resolve_location(const std::string& base, const std::string& location) {
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK) return location;
  // CURLU_NON_SUPPORT_SCHEME: parse ftp:, file:, … too, so the message can show them.
  if (curl_url_set(u.get(), CURLUPART_URL, location.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
      CURLUE_OK) {
    return location;
  }
  char* full = nullptr;
  if (curl_url_get(u.get(), CURLUPART_URL, &full, 0) != CURLUE_OK) return location;
  std::string out = full;
  curl_free(full);
  return out;
}

}  // namespace

std::string user_agent() {
  return std::string("lede/") + LEDE_VERSION;
}

void parse_content_type(const std::string& header, std::string& media_type, std::string& charset) {
  const auto semi = header.find(';');
  media_type = lower(trim(header.substr(0, semi)));
  charset.clear();
  if (semi == std::string::npos) return;
  const std::string params = lower(header.substr(semi + 1));
  const auto at = params.find("charset=");
  if (at == std::string::npos) return;
  std::string value = params.substr(at + 8);
  value = trim(value.substr(0, value.find(';')));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  charset = value;
}

Response fetch(const std::string& url, const FetchOptions& options) {
  global_init_once();
  EasyHandle handle(curl_easy_init());
  if (!handle) throw Error(url + ": cannot create a libcurl handle");
  CURL* h = handle.get();

  Transfer transfer;
  transfer.max_bytes = options.max_bytes;
  transfer.should_stop = &options.should_stop;
  char error_buffer[CURL_ERROR_SIZE] = {};

  set(h, CURLOPT_URL, url.c_str());
  set(h, CURLOPT_ERRORBUFFER, error_buffer);
  // Only http and https, for the first request and for every redirect (libcurl ≥ 7.85).
  set(h, CURLOPT_PROTOCOLS_STR, "http,https");
  set(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(h, CURLOPT_FOLLOWLOCATION, 1L);
  set(h, CURLOPT_MAXREDIRS, options.max_redirects);
  set(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes (gzip, deflate, …)
  set(h, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
  set(h, CURLOPT_TIMEOUT, options.total_timeout_seconds);
  set(h, CURLOPT_SSL_VERIFYPEER, 1L);
  set(h, CURLOPT_SSL_VERIFYHOST, 2L);
  set(h, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe beside lede's signal handlers
  set(h, CURLOPT_USERAGENT, user_agent().c_str());
  // Refuse early when the server announces a body over the cap; the write callback enforces
  // it for the rest (chunked, compressed).
  set(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  set(h, CURLOPT_WRITEFUNCTION, on_body);
  set(h, CURLOPT_WRITEDATA, &transfer);
  set(h, CURLOPT_HEADERFUNCTION, on_header);
  set(h, CURLOPT_HEADERDATA, &transfer);
  set(h, CURLOPT_XFERINFOFUNCTION, on_progress);
  set(h, CURLOPT_XFERINFODATA, &transfer);
  set(h, CURLOPT_NOPROGRESS, 0L);

  const CURLcode rc = curl_easy_perform(h);
  const char* effective = info<const char*>(h, CURLINFO_EFFECTIVE_URL);
  Response response;
  response.final_url = effective ? effective : url;
  response.status = info<long>(h, CURLINFO_RESPONSE_CODE);

  if (rc != CURLE_OK) {
    const std::string cap = options.max_bytes % (1024 * 1024) == 0
                                ? std::to_string(options.max_bytes / (1024 * 1024)) + " MiB"
                                : std::to_string(options.max_bytes) + " bytes";
    if (transfer.over_cap || rc == CURLE_FILESIZE_EXCEEDED) {
      throw Error(url + ": response larger than the " + cap + " limit; transfer aborted");
    }
    if (rc == CURLE_UNSUPPORTED_PROTOCOL && !transfer.location.empty()) {
      // REDIR_PROTOCOLS_STR refused the redirect target: curl reports only "unsupported
      // protocol", so name the target from the Location header.
      throw Error(url + ": redirect to a non-HTTP URL refused (" +
                  resolve_location(response.final_url, transfer.location) + ")");
    }
    if (rc == CURLE_TOO_MANY_REDIRECTS) {
      throw Error(url + ": more than " + std::to_string(options.max_redirects) + " redirects");
    }
    if (rc == CURLE_ABORTED_BY_CALLBACK) throw Error(url + ": transfer interrupted");
    const std::string detail = error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
    throw Error(url + ": " + detail);
  }
  if (response.status >= 400) {
    std::string reason =
        transfer.reason.empty() ? standard_reason(response.status) : transfer.reason;
    throw Error(url + ": HTTP " + std::to_string(response.status) +
                (reason.empty() ? "" : " " + reason));
  }
  const char* content_type = info<const char*>(h, CURLINFO_CONTENT_TYPE);
  if (content_type) parse_content_type(content_type, response.content_type, response.charset);
  response.body = std::move(transfer.body);
  return response;
}

}  // namespace lede::http

#include "indexer/http/easy_transfer.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>

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

struct UrlDeleter {
  void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};

using State = EasyTransfer::State;

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* s = static_cast<State*>(user);
  const std::size_t n = size * count;
  // Counted after decompression (CURLOPT_ACCEPT_ENCODING decodes before this callback), so a
  // small compressed body cannot expand past the cap.
  if (s->body.size() + n > s->max_bytes) {
    s->over_cap = true;
    return 0;  // anything but n makes curl abort with CURLE_WRITE_ERROR
  }
  s->body.append(data, n);
  return n;
}

// True when `line` starts with header `name` followed by a colon (case-insensitive).
bool is_header(const std::string& line, std::string_view name) {
  return line.size() > name.size() && line[name.size()] == ':' &&
         lower(line.substr(0, name.size())) == name;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* s = static_cast<State*>(user);
  const std::size_t n = size * count;
  const std::string line(data, n);
  const auto value = [&](std::string_view name) { return trim(line.substr(name.size() + 1)); };
  if (line.rfind("HTTP/", 0) == 0) {
    // "HTTP/1.1 404 Not Found": a new response starts (after a redirect or 100 Continue).
    s->location.clear();
    s->etag.clear();
    s->last_modified.clear();
    s->retry_after.clear();
    s->cache_control.clear();
    const auto code_start = line.find(' ');
    const auto reason_start =
        code_start == std::string::npos ? std::string::npos : line.find(' ', code_start + 1);
    s->reason = reason_start == std::string::npos ? "" : trim(line.substr(reason_start + 1));
    const long status = code_start == std::string::npos
                            ? 0
                            : std::strtol(line.c_str() + code_start + 1, nullptr, 10);
    if (status >= 200) s->statuses.push_back(status);  // 1xx are interim, not responses
  } else if (is_header(line, "location")) {
    s->location = value("location");
  } else if (is_header(line, "etag")) {
    s->etag = value("etag");
  } else if (is_header(line, "last-modified")) {
    s->last_modified = value("last-modified");
  } else if (is_header(line, "retry-after")) {
    s->retry_after = value("retry-after");
  } else if (is_header(line, "cache-control")) {
    s->cache_control = value("cache-control");
  }
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* s = static_cast<State*>(user);
  return (s->should_stop && *s->should_stop && (*s->should_stop)()) ? 1 : 0;
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

std::string describe_cap(std::size_t max_bytes) {
  return max_bytes % (1024 * 1024) == 0 ? std::to_string(max_bytes / (1024 * 1024)) + " MiB"
                                        : std::to_string(max_bytes) + " bytes";
}

}  // namespace

void global_init_once() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (result != CURLE_OK) {
    throw Error(std::string("cannot initialise libcurl: ") + curl_easy_strerror(result));
  }
}

EasyTransfer::EasyTransfer(const std::string& url, const FetchOptions& options,
                           const Validators& validators)
    : url_(url), options_(options) {
  global_init_once();
  handle_ = curl_easy_init();
  if (!handle_) throw Error(url + ": cannot create a libcurl handle");
  CURL* h = handle_;
  state_.max_bytes = options_.max_bytes;
  state_.should_stop = &options_.should_stop;

  set(h, CURLOPT_URL, url_.c_str());
  set(h, CURLOPT_ERRORBUFFER, error_buffer_);
  // Only http and https, for the first request and for every redirect (libcurl ≥ 7.85).
  set(h, CURLOPT_PROTOCOLS_STR, "http,https");
  set(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(h, CURLOPT_FOLLOWLOCATION, 1L);
  set(h, CURLOPT_MAXREDIRS, options_.max_redirects);
  set(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes (gzip, br, zstd…)
  set(h, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
  set(h, CURLOPT_TIMEOUT, options_.total_timeout_seconds);
  // Below LOW_SPEED_LIMIT bytes/s for LOW_SPEED_TIME seconds: a stalled transfer, aborted
  // (https://curl.se/libcurl/c/CURLOPT_LOW_SPEED_LIMIT.html).
  set(h, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes);
  set(h, CURLOPT_LOW_SPEED_TIME, options_.low_speed_seconds);
  set(h, CURLOPT_SSL_VERIFYPEER, 1L);
  set(h, CURLOPT_SSL_VERIFYHOST, 2L);
  set(h, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe beside lede's signal handlers
  set(h, CURLOPT_USERAGENT, user_agent().c_str());
  // Refuse early when the server announces a body over the cap; the write callback enforces
  // it for the rest (chunked, compressed).
  set(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
  set(h, CURLOPT_WRITEFUNCTION, on_body);
  set(h, CURLOPT_WRITEDATA, &state_);
  set(h, CURLOPT_HEADERFUNCTION, on_header);
  set(h, CURLOPT_HEADERDATA, &state_);
  set(h, CURLOPT_XFERINFOFUNCTION, on_progress);
  set(h, CURLOPT_XFERINFODATA, &state_);
  set(h, CURLOPT_NOPROGRESS, 0L);
  // A conditional GET (RFC 9110 §13.1): the server answers 304 with no body when unchanged.
  if (!validators.etag.empty()) {
    headers_ = curl_slist_append(headers_, ("If-None-Match: " + validators.etag).c_str());
  }
  if (!validators.last_modified.empty()) {
    headers_ =
        curl_slist_append(headers_, ("If-Modified-Since: " + validators.last_modified).c_str());
  }
  if (headers_) set(h, CURLOPT_HTTPHEADER, headers_);
}

EasyTransfer::~EasyTransfer() {
  curl_easy_cleanup(handle_);
  curl_slist_free_all(headers_);
}

Result EasyTransfer::finish(CURLcode rc) {
  CURL* h = handle_;
  Result result;
  Response& response = result.response;
  const char* effective = info<const char*>(h, CURLINFO_EFFECTIVE_URL);
  response.final_url = effective ? effective : url_;
  response.status = info<long>(h, CURLINFO_RESPONSE_CODE);
  response.validators = {state_.etag, state_.last_modified};
  response.retry_after = state_.retry_after;
  response.cache_control = state_.cache_control;
  if (state_.statuses.size() > 1) {
    response.moved_permanently =
        std::all_of(state_.statuses.begin(), state_.statuses.end() - 1,
                    [](long status) { return status == 301 || status == 308; });
  }

  if (rc != CURLE_OK) {
    if (state_.over_cap || rc == CURLE_FILESIZE_EXCEEDED) {
      result.error = url_ + ": response larger than the " + describe_cap(options_.max_bytes) +
                     " limit; transfer aborted";
    } else if (rc == CURLE_UNSUPPORTED_PROTOCOL && !state_.location.empty()) {
      // REDIR_PROTOCOLS_STR refused the redirect target: curl reports only "unsupported
      // protocol", so name the target from the Location header.
      result.error = url_ + ": redirect to a non-HTTP URL refused (" +
                     resolve_location(response.final_url, state_.location) + ")";
    } else if (rc == CURLE_TOO_MANY_REDIRECTS) {
      result.error = url_ + ": more than " + std::to_string(options_.max_redirects) + " redirects";
    } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
      result.error = url_ + ": transfer interrupted";
    } else {
      result.error = url_ + ": " + (error_buffer_[0] ? error_buffer_ : curl_easy_strerror(rc));
    }
    return result;
  }
  if (response.status >= 400) {
    const std::string reason =
        state_.reason.empty() ? standard_reason(response.status) : state_.reason;
    result.error =
        url_ + ": HTTP " + std::to_string(response.status) + (reason.empty() ? "" : " " + reason);
  }
  const char* content_type = info<const char*>(h, CURLINFO_CONTENT_TYPE);
  if (content_type) parse_content_type(content_type, response.content_type, response.charset);
  response.body = std::move(state_.body);
  return result;
}

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

}  // namespace lede::http

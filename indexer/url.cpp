// URLs with libxml2's RFC 3986 parser (uri.h): xmlBuildURI resolves references, xmlParseURIRaw
// splits a URL into parts without unescaping them, so "%2F" in a path keeps its meaning.
#include "indexer/url.hpp"

#include <algorithm>
#include <array>
#include <memory>

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

namespace lede::url {

namespace {

struct UriDeleter {
  void operator()(xmlURI* uri) const { xmlFreeURI(uri); }
};
using UriPtr = std::unique_ptr<xmlURI, UriDeleter>;

struct XmlCharDeleter {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// Browsers' leniency, which feeds rely on: surrounding spaces and controls are trimmed,
/// tabs and newlines inside dropped, and bytes a URI may not hold (space, non-ASCII, quotes,
/// angle brackets, …) percent-encoded so that the RFC 3986 parser accepts the result.
/// @see WHATWG URL Standard §4.4 (basic URL parser: leading/trailing C0 and space stripped)
std::string prepare(std::string_view raw) {
  while (!raw.empty() && static_cast<unsigned char>(raw.front()) <= 0x20) raw.remove_prefix(1);
  while (!raw.empty() && static_cast<unsigned char>(raw.back()) <= 0x20) raw.remove_suffix(1);
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(raw.size());
  for (const char ch : raw) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    const bool unsafe = c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' ||
                        c == '^' || c == '`' || c == '{' || c == '|' || c == '}';
    if (unsafe) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

/// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
std::string_view scheme_of(std::string_view s) {
  if (s.empty() || !is_ascii_alpha(s[0])) return {};
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return s.substr(0, i);
    const bool ok = is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!ok) return {};
  }
  return {};
}

UriPtr parse(const std::string& prepared) {
  // raw = 1: keep every part percent-encoded exactly as written.
  return UriPtr(xmlParseURIRaw(prepared.c_str(), 1));
}

bool is_http_scheme(const xmlURI& uri) {
  if (!uri.scheme) return false;
  const std::string scheme = lower_ascii(uri.scheme);
  return scheme == "http" || scheme == "https";
}

bool has_host(const xmlURI& uri) {
  return uri.server && uri.server[0] != '\0';
}

/// Query parameters that only say where a click came from (analytics), not what is linked.
bool is_tracking_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 12> names = {
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
      "igshid", "_ga",   "yclid", "ref_src", "_hsenc", "_hsmi"};
  const std::string lowered = lower_ascii(name);
  if (lowered.rfind("utm_", 0) == 0) return true;
  for (std::string_view n : names) {
    if (lowered == n) return true;
  }
  return false;
}

/// The query without tracking parameters, other parameters kept in order; "" if none remain.
std::string strip_tracking(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty() || is_tracking_parameter(param.substr(0, param.find('=')))) continue;
    if (!out.empty()) out += '&';
    out += param;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// RFC 3986 §6.2.2.2: percent-encoded unreserved characters are decoded ("%7E" → "~"), other
/// escapes get upper-case hex digits ("%2f" → "%2F").
std::string normalize_percent_encoding(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int hi = i + 2 < s.size() && s[i] == '%' ? hex_value(s[i + 1]) : -1;
    const int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
    if (lo < 0) {
      out += s[i];
      continue;
    }
    const char decoded = static_cast<char>(hi * 16 + lo);
    const bool unreserved = is_ascii_alpha(decoded) || (decoded >= '0' && decoded <= '9') ||
                            decoded == '-' || decoded == '.' || decoded == '_' || decoded == '~';
    if (unreserved) {
      out += decoded;
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += '%';
      out += hex[hi];
      out += hex[lo];
    }
    i += 2;
  }
  return out;
}

/// RFC 3986 §5.2.4 remove_dot_segments, for paths written with "." or ".." segments.
std::string remove_dot_segments(std::string_view path) {
  std::string out;
  while (!path.empty()) {
    if (path.starts_with("../")) {
      path.remove_prefix(3);
    } else if (path.starts_with("./")) {
      path.remove_prefix(2);
    } else if (path.starts_with("/./")) {
      path.remove_prefix(2);
    } else if (path == "/.") {
      path = "/";
    } else if (path.starts_with("/../") || path == "/..") {
      path = path.size() == 3 ? std::string_view("/") : path.substr(3);
      const std::size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      const std::size_t next = path.find('/', 1);
      out.append(path.substr(0, next));
      path = next == std::string_view::npos ? std::string_view() : path.substr(next);
    }
  }
  return out;
}

/// libxml2 2.9 leaves dot segments in some merged paths ("/./g" against "http://a/b"); RFC
/// 3986 §5.2.2 removes them from every resolved path.
std::string normalize_path_dots(const std::string& url) {
  const std::size_t authority = url.find("//");
  const std::size_t path_start =
      authority == std::string::npos ? url.find(':') + 1 : url.find('/', authority + 2);
  if (path_start == std::string::npos || path_start >= url.size()) return url;
  const std::size_t path_end = std::min(url.find_first_of("?#", path_start), url.size());
  const std::string_view path = std::string_view(url).substr(path_start, path_end - path_start);
  if (path.find("/.") == std::string_view::npos) return url;
  return url.substr(0, path_start) + remove_dot_segments(path) + url.substr(path_end);
}

}  // namespace

bool is_http(std::string_view url) {
  const std::string prepared = prepare(url);
  const UriPtr uri = parse(prepared);
  return uri && is_http_scheme(*uri) && has_host(*uri);
}

std::string resolve(std::string_view base, std::string_view reference) {
  const std::string ref = prepare(reference);
  if (!scheme_of(ref).empty()) return ref;
  const std::string base_prepared = prepare(base);
  if (scheme_of(base_prepared).empty()) return "";
  const std::unique_ptr<xmlChar, XmlCharDeleter> built{
      xmlBuildURI(reinterpret_cast<const xmlChar*>(ref.c_str()),
                  reinterpret_cast<const xmlChar*>(base_prepared.c_str()))};
  if (!built) return "";
  std::string result(reinterpret_cast<const char*>(built.get()));
  if (scheme_of(result).empty()) return "";
  return normalize_path_dots(result);
}

std::string host(std::string_view url) {
  const std::string prepared = prepare(url);
  const UriPtr uri = parse(prepared);
  if (!uri || !has_host(*uri)) return "";
  return lower_ascii(uri->server);
}

std::optional<std::string> canonical(std::string_view url) {
  const std::string prepared = prepare(url);
  const UriPtr uri = parse(prepared);
  if (!uri || !is_http_scheme(*uri) || !has_host(*uri)) return std::nullopt;

  const std::string scheme = lower_ascii(uri->scheme);
  std::string out = scheme + "://";
  if (uri->user) {
    out += uri->user;
    out += '@';
  }
  out += lower_ascii(uri->server);  // raw parsing keeps an IPv6 literal's brackets
  const bool default_port = uri->port <= 0 || (scheme == "http" && uri->port == 80) ||
                            (scheme == "https" && uri->port == 443);
  if (!default_port) {
    out += ':';
    out += std::to_string(uri->port);
  }

  std::string path = uri->path ? normalize_percent_encoding(uri->path) : "";
  if (path.find("/.") != std::string::npos) path = remove_dot_segments(path);
  out += path.empty() ? "/" : path;

  const char* raw_query = uri->query_raw ? uri->query_raw : uri->query;
  if (raw_query) {
    const std::string query = strip_tracking(raw_query);
    if (!query.empty()) {
      out += '?';
      out += query;
    }
  }
  return out;
}

}  // namespace lede::url

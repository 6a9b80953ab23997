#include "indexer/update/autodiscovery.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <sstream>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "indexer/url.hpp"

namespace lede::update {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool has_token(const std::string& list, std::string_view token) {
  std::istringstream words(lower(list));
  std::string word;
  while (words >> word) {
    if (word == token) return true;
  }
  return false;
}

bool is_feed_type(std::string type) {
  type = lower(type.substr(0, type.find(';')));
  type.erase(
      std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
      type.end());
  return type == "application/rss+xml" || type == "application/atom+xml" ||
         type == "application/rdf+xml" || type == "application/feed+json" ||
         type == "application/json";
}

struct Finder {
  std::string base;
  std::vector<std::string> found;

  void walk(xmlNode* node) {
    for (; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string name = reinterpret_cast<const char*>(node->name);
      if (name == "base") {
        const std::string href = attribute(node, "href");
        if (!href.empty()) base = url::resolve(base, href);
      } else if ((name == "link" || name == "a") &&
                 has_token(attribute(node, "rel"), "alternate") &&
                 is_feed_type(attribute(node, "type"))) {
        const std::string target = url::resolve(base, attribute(node, "href"));
        if (url::is_http(target) && std::find(found.begin(), found.end(), target) == found.end()) {
          found.push_back(target);
        }
      }
      walk(node->children);
    }
  }
};

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

bool looks_like_html(std::string_view bytes, std::string_view media_type) {
  if (media_type == "text/html" || media_type == "application/xhtml+xml") return true;
  const std::string head = lower(bytes.substr(0, 512));
  const auto start = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (start == std::string::npos) return false;
  const std::string_view s = std::string_view(head).substr(start);
  return s.starts_with("<!doctype html") || s.starts_with("<html");
}

std::vector<std::string> discover_feeds(std::string_view html, std::string_view page_url) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  constexpr int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                          HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  const int size = static_cast<int>(std::min<std::size_t>(html.size(), INT32_MAX));
  const std::unique_ptr<xmlDoc, DocDeleter> doc{
      htmlReadMemory(html.data(), size, nullptr, nullptr, options)};
  Finder finder{std::string(page_url), {}};
  if (doc) finder.walk(xmlDocGetRootElement(doc.get()));
  return finder.found;
}

}  // namespace lede::update

#include "indexer/opml.hpp"

#include <algorithm>
#include <filesystem>

#include <pugixml.hpp>

#include "common/error.hpp"
#include "indexer/url.hpp"

namespace lede::opml {

namespace {

std::size_t line_of(std::string_view bytes, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  const auto end = bytes.begin() + std::min<std::ptrdiff_t>(offset, bytes.size());
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), end, '\n'));
}

std::string where(const feed::Origin& origin, std::size_t line) {
  return origin.location + (line ? ":" + std::to_string(line) : "");
}

void collect(const pugi::xml_node& parent, std::string_view bytes, const feed::Origin& origin,
             Subscriptions& out) {
  for (const pugi::xml_node& outline : parent.children("outline")) {
    const std::string xml_url = outline.attribute("xmlUrl").as_string();
    if (!xml_url.empty()) {
      const std::string at = where(origin, line_of(bytes, outline.offset_debug()));
      const bool remote_opml = !origin.base_url.empty();
      if (url::is_http(xml_url)) {
        out.feeds.push_back({sources::Kind::url, xml_url});
      } else if (sources::has_scheme(xml_url)) {
        out.errors.push_back(at + ": non-HTTP feed URL refused (" + xml_url + ")");
      } else if (remote_opml) {
        const std::string resolved = url::resolve(origin.base_url, xml_url);
        if (url::is_http(resolved)) {
          out.feeds.push_back({sources::Kind::url, resolved});
        } else {
          out.errors.push_back(at + ": cannot resolve feed URL \"" + xml_url + "\"");
        }
      } else {
        // A local OPML may list feeds by path, relative to the OPML file's folder.
        const std::filesystem::path path(xml_url);
        const auto folder = std::filesystem::path(origin.location).parent_path();
        out.feeds.push_back(
            {sources::Kind::file, path.is_absolute() ? xml_url : (folder / path).string()});
      }
    }
    collect(outline, bytes, origin, out);  // folders of subscriptions nest outlines
  }
}

}  // namespace

Subscriptions read(std::string_view bytes, const feed::Origin& origin) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size());
  if (!parsed) {
    throw Error(where(origin, line_of(bytes, parsed.offset)) +
                ": not well-formed OPML: " + parsed.description());
  }
  const pugi::xml_node body = doc.child("opml").child("body");
  if (!body) throw Error(origin.location + ": OPML without a <body>");
  Subscriptions out;
  collect(body, bytes, origin, out);
  return out;
}

}  // namespace lede::opml

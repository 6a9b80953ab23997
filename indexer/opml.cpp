#include "indexer/opml.hpp"

#include <algorithm>
#include <filesystem>

#include <pugixml.hpp>

#include "common/error.hpp"
#include "indexer/feed/xml_support.hpp"
#include "indexer/url.hpp"

namespace lede::opml {

namespace {

std::string where(const feed::Origin& origin, std::size_t line) {
  return origin.location + (line ? ":" + std::to_string(line) : "");
}

void add(const pugi::xml_node& outline, const feed::xml::LineIndex& lines,
         const feed::Origin& origin, Subscriptions& out) {
  const std::string xml_url = outline.attribute("xmlUrl").as_string();
  if (!xml_url.empty()) {
    const std::string at = where(origin, lines.line_of(outline));
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
}

// Every outline in document order. Folders of subscriptions nest outlines, as deep as a file
// makes them: the walk climbs parent links instead of recursing, so no depth overflows the stack.
void collect(const pugi::xml_node& body, const feed::xml::LineIndex& lines,
             const feed::Origin& origin, Subscriptions& out) {
  pugi::xml_node node = body.child("outline");
  while (node) {
    add(node, lines, origin, out);
    if (const pugi::xml_node child = node.child("outline")) {
      node = child;
      continue;
    }
    for (; node != body; node = node.parent()) {
      if (const pugi::xml_node next = node.next_sibling("outline")) {
        node = next;
        break;
      }
    }
    if (node == body) return;
  }
}

}  // namespace

Subscriptions read(std::string_view bytes, const feed::Origin& origin) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size());
  if (!parsed) {
    throw Error(where(origin, feed::xml::LineIndex(bytes).line_at(parsed.offset)) +
                ": not well-formed OPML: " + parsed.description());
  }
  const pugi::xml_node body = doc.child("opml").child("body");
  if (!body) throw Error(origin.location + ": OPML without a <body>");
  Subscriptions out;
  collect(body, feed::xml::LineIndex(bytes), origin, out);
  return out;
}

}  // namespace lede::opml

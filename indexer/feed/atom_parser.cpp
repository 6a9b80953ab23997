// Atom 1.0 (RFC 4287) and Atom 0.3: text constructs (text, html, xhtml; 0.3's escaped and
// base64 modes), rel="alternate" links, xml:base at every level, authors with inheritance
// from the entry's source and the feed (RFC 4287 §4.1.2), categories, every date element.
// @see RFC 4287 §3.1 (text constructs), §4.2.7 (links);
// https://www.ietf.org/archive/id/draft-ietf-atompub-format-03.txt
#include <algorithm>
#include <string>

#include "common/text.hpp"
#include "indexer/feed/format_parsers.hpp"
#include "indexer/url.hpp"

namespace lede::feed {
namespace {

std::string trimmed(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const std::size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// RFC 4648 §4; characters outside the alphabet (line breaks) are skipped.
std::string decode_base64(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    else
      continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

bool is_xhtml_type(std::string_view type) {
  return type == "xhtml" || type == "application/xhtml+xml";
}
bool is_html_type(std::string_view type) {
  return type == "html" || type == "text/html";
}

// RFC 4287 §3.1: type="text" (default), "html" or "xhtml" (the children of one xhtml:div);
// Atom 0.3 uses MIME types and mode="xml" (default), "escaped" or "base64".
Text text_construct(const pugi::xml_node& node) {
  const std::string type = lowered(trimmed(node.attribute("type").value()));
  const std::string mode = lowered(trimmed(node.attribute("mode").value()));
  const bool html = is_html_type(type) || is_xhtml_type(type);
  if (mode == "base64") return Text{text::repair_utf8(decode_base64(xml::text_of(node))), html};
  if (mode == "escaped") return Text{xml::text_of(node), html};
  if (is_xhtml_type(type)) {
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_element && xml::local_name(child) == "div") {
        return Text{xml::serialize_children(child), true};
      }
    }
    return Text{xml::serialize_children(node), true};
  }
  if (html || type.empty() || type == "text" || type.starts_with("text/")) {
    return xml::content_of(node, html);
  }
  if (type.ends_with("+xml") || type.ends_with("/xml")) return Text{xml::text_of(node), false};
  // RFC 4287 §4.1.3.3: any other media type is base64; kept when it decodes to text.
  return Text{text::repair_utf8(decode_base64(xml::text_of(node))), false};
}

bool is_alternate_link(const pugi::xml_node& node) {
  const std::string_view rel = node.attribute("rel").value();
  return rel.empty() || rel == "alternate";
}

// href="…"; some feeds put the URL in the element's text instead.
std::string href_of(const pugi::xml_node& link) {
  if (const pugi::xml_attribute href = link.attribute("href")) return trimmed(href.value());
  return trimmed(xml::text_of(link));
}

class AtomReader {
 public:
  explicit AtomReader(const xml::ParseInput& input)
      : input_(input),
        root_(input.document.document_element()),
        root_ns_(xml::namespace_uri(root_)) {}

  Feed read() {
    feed_.format = root_ns_ == xml::ns::atom10 ? "atom1.0"
                   : root_ns_ == xml::ns::atom03 ||
                           std::string_view(root_.attribute("version").value()) == "0.3"
                       ? "atom0.3"
                       : "atom";
    feed_.language = xml::language_of(root_);
    feed_authors_ = authors_in(root_);
    for (const pugi::xml_node& child : root_.children()) {
      if (child.type() != pugi::node_element || !is_atom(child)) continue;
      const std::string_view name = xml::local_name(child);
      if (name == "title") feed_.title = xml::as_html(text_construct(child));
      if (name == "link" && is_alternate_link(child) && feed_.link.empty()) {
        feed_.link = url::resolve(xml::base_of(child, input_.origin.base_url), href_of(child));
      }
      if (name == "updated" || name == "modified") {
        feed_.dates.push_back({trimmed(xml::text_of(child)), DateSource::feed});
      }
    }
    for (const pugi::xml_node& child : root_.children()) {
      if (xml::local_name(child) == "entry" && is_atom(child)) {
        feed_.items.push_back(read_entry(child));
      }
    }
    return std::move(feed_);
  }

 private:
  bool is_atom(const pugi::xml_node& node) const {
    const std::string uri = xml::namespace_uri(node);
    return uri == root_ns_ || uri == xml::ns::atom10 || uri == xml::ns::atom03;
  }

  std::vector<std::string> authors_in(const pugi::xml_node& parent) const {
    std::vector<std::string> authors;
    for (const pugi::xml_node& child : parent.children()) {
      if (child.type() != pugi::node_element) continue;
      if (xml::local_name(child) == "author" && is_atom(child)) {
        for (const pugi::xml_node& part : child.children()) {
          if (xml::local_name(part) == "name" && is_atom(part)) {
            authors.push_back(trimmed(xml::text_of(part)));
          }
        }
      } else if (xml::is(child, xml::ns::dc, "creator")) {
        authors.push_back(trimmed(xml::text_of(child)));
      }
    }
    return authors;
  }

  Item read_entry(const pugi::xml_node& entry) {
    Item item;
    item.line = input_.lines.line_of(entry);
    item.authors = authors_in(entry);
    for (const pugi::xml_node& child : entry.children()) {
      if (child.type() != pugi::node_element) continue;
      if (is_atom(child)) {
        read_atom_child(child, item);
      } else if (xml::namespace_uri(child) == xml::ns::dc) {
        const std::string_view name = xml::local_name(child);
        const std::string value = trimmed(xml::text_of(child));
        if (name == "subject") item.categories.push_back(value);
        if (name == "date") item.dates.push_back({value, DateSource::dc_date});
        if (name == "language") item.language = value;
      }
    }
    if (item.language.empty()) item.language = xml::language_of(entry);
    if (item.authors.empty()) item.authors = feed_authors_;
    return item;
  }

  void read_atom_child(const pugi::xml_node& child, Item& item) {
    const std::string_view name = xml::local_name(child);
    const auto value = [&] { return trimmed(xml::text_of(child)); };
    if (name == "title") item.title = text_construct(child);
    if (name == "link" && is_alternate_link(child) && item.link.empty()) {
      std::string base = xml::base_of(child, input_.origin.base_url);
      if (base.empty()) base = feed_.link;
      item.link = url::resolve(base, href_of(child));
    }
    if (name == "id") item.guid = value();
    if (name == "category") {
      std::string term = trimmed(child.attribute("term").value());
      if (term.empty()) term = trimmed(child.attribute("label").value());
      if (!term.empty()) item.categories.push_back(std::move(term));
    }
    if (name == "summary") item.summary = text_construct(child);
    if (name == "content" && !child.attribute("src")) item.content = text_construct(child);
    if (name == "published" || name == "issued" || name == "created") {
      item.dates.push_back({value(), DateSource::published});
    }
    if (name == "updated" || name == "modified") {
      item.dates.push_back({value(), DateSource::updated});
    }
    if (name == "source" && item.authors.empty()) item.authors = authors_in(child);
  }

  const xml::ParseInput& input_;
  pugi::xml_node root_;
  std::string root_ns_;
  std::vector<std::string> feed_authors_;
  Feed feed_;
};

}  // namespace

Feed parse_atom(const xml::ParseInput& input) {
  return AtomReader(input).read();
}

}  // namespace lede::feed

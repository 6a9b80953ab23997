#include "indexer/feed/xml_support.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <libxml/HTMLparser.h>
#include <xapian.h>

#include "indexer/url.hpp"

namespace lede::feed::xml {
namespace {

std::string_view prefix_of(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

bool is_void_element(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kVoid{
      "area",  "base", "br",   "col",   "embed",  "hr",    "img",
      "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

void append_escaped(std::string& out, std::string_view text, bool in_attribute) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += in_attribute ? "&quot;" : "\"";
        break;
      default:
        out += c;
    }
  }
}

// Depth-first over the descendants of `root`, without recursion: a hostile feed nests elements
// 100,000 deep, which would overflow the stack of a recursive walk. enter(node) says whether to
// go into the node's children; leave(node) follows every enter, after the children.
template <typename Enter, typename Leave>
void walk_descendants(const pugi::xml_node& root, Enter&& enter, Leave&& leave) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (enter(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    for (;;) {
      leave(node);
      if (const pugi::xml_node next = node.next_sibling()) {
        node = next;
        break;
      }
      node = node.parent();
      if (node == root) return;
    }
  }
}

void serialize_start_tag(const pugi::xml_node& node, std::string& out) {
  const std::string_view name = local_name(node);
  out += '<';
  out += name;
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    const std::string_view attribute_name = attribute.name();
    if (attribute_name == "xmlns" || attribute_name.starts_with("xmlns:")) continue;
    out += ' ';
    out += attribute_name.substr(attribute_name.find(':') + 1);
    out += "=\"";
    append_escaped(out, attribute.value(), true);
    out += '"';
  }
  out += is_void_element(name) && !node.first_child() ? " />" : ">";
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_alnum(char c) {
  return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

}  // namespace

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string namespace_uri(const pugi::xml_node& node) {
  const std::string_view prefix = prefix_of(node.name());
  if (prefix == "xml") return std::string(ns::xml);
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  }
  return "";
}

bool is(const pugi::xml_node& node, std::string_view uri, std::string_view local) {
  return node.type() == pugi::node_element && local_name(node) == local &&
         namespace_uri(node) == uri;
}

std::string text_of(const pugi::xml_node& node) {
  std::string out;
  walk_descendants(
      node,
      [&](const pugi::xml_node& n) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
        return n.type() == pugi::node_element;
      },
      [](const pugi::xml_node&) {});
  return out;
}

std::string serialize_children(const pugi::xml_node& node) {
  std::string out;
  walk_descendants(
      node,
      [&](const pugi::xml_node& n) {
        switch (n.type()) {
          case pugi::node_pcdata:
          case pugi::node_cdata:
            append_escaped(out, n.value(), false);
            return false;
          case pugi::node_element:
            serialize_start_tag(n, out);
            return true;
          default:
            return false;  // comments, processing instructions
        }
      },
      [&](const pugi::xml_node& n) {
        if (n.type() != pugi::node_element) return;
        const std::string_view name = local_name(n);
        if (is_void_element(name) && !n.first_child()) return;  // written as <br />
        out += "</";
        out += name;
        out += '>';
      });
  return out;
}

Text content_of(const pugi::xml_node& node, bool declared_html) {
  const bool has_elements =
      std::any_of(node.children().begin(), node.children().end(),
                  [](const pugi::xml_node& n) { return n.type() == pugi::node_element; });
  if (has_elements) return Text{serialize_children(node), true};
  Text text{text_of(node), declared_html};
  return text;
}

std::string base_of(const pugi::xml_node& node, const std::string& document_base) {
  std::vector<std::string_view> bases;  // innermost first
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute("xml:base")) bases.push_back(a.value());
  }
  std::string base = document_base;
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
    std::string resolved = url::resolve(base, *it);
    if (!resolved.empty()) base = std::move(resolved);
  }
  return base;
}

std::string language_tag(std::string_view written) {
  const std::size_t begin = written.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const std::size_t end = written.find_last_not_of(" \t\r\n");
  std::string tag(written.substr(begin, end - begin + 1));
  std::replace(tag.begin(), tag.end(), '_', '-');
  return tag;
}

std::string language_of(const pugi::xml_node& node) {
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute("xml:lang")) return language_tag(a.value());
  }
  return "";
}

std::string as_html(const Text& text) {
  if (text.is_html) return text.value;
  std::string out;
  append_escaped(out, text.value, false);
  return out;
}

namespace {

/// The lower-cased tag name at text[at, …) and whether libxml2's HTML 4 table knows it.
std::pair<std::string, bool> tag_name_at(std::string_view text, std::size_t at) {
  std::string name;
  while (at < text.size() && is_ascii_alnum(text[at]) && name.size() < 16) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[at++])));
  }
  const bool known =
      !name.empty() && htmlTagLookup(reinterpret_cast<const xmlChar*>(name.c_str())) != nullptr;
  return {name, known};
}

}  // namespace

bool looks_like_html(std::string_view text) {
  // Like feedparser's heuristic: an entity reference, a comment, the end tag of a known HTML
  // element, or a known void element (<br>, <img …>). A lone "<BP>" or "<B>" in a wire headline
  // is a ticker symbol, not markup.
  static constexpr std::string_view void_elements[] = {"br", "img", "hr", "wbr"};
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char next = text[i + 1];
    if (text[i] == '<') {
      if (text.substr(i, 4) == "<!--") return true;
      if (next == '/' && tag_name_at(text, i + 2).second) return true;
      if (is_ascii_alpha(next)) {
        const auto [name, known] = tag_name_at(text, i + 1);
        const bool is_void = std::find(std::begin(void_elements), std::end(void_elements), name) !=
                             std::end(void_elements);
        if (known && is_void) return true;
      }
    }
    if (text[i] == '&' && (is_ascii_alpha(next) || next == '#')) {
      std::size_t j = i + 2;
      while (j < text.size() && j < i + 34 && is_ascii_alnum(text[j])) ++j;
      if (j < text.size() && text[j] == ';') return true;
    }
  }
  return false;
}

std::string replace_html_entities(std::string_view utf8) {
  std::string out;
  std::size_t copied = 0;  // utf8[0, copied) is already in out
  for (std::size_t i = utf8.find('&'); i != std::string_view::npos; i = utf8.find('&', i + 1)) {
    std::size_t j = i + 1;
    while (j < utf8.size() && j < i + 34 && is_ascii_alnum(utf8[j])) ++j;
    if (j == i + 1 || j >= utf8.size() || utf8[j] != ';' || !is_ascii_alpha(utf8[i + 1])) {
      continue;
    }
    const std::string name(utf8.substr(i + 1, j - i - 1));
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
      continue;
    }
    // libxml2's HTML 4 entity table (HTMLparser.h) rather than a table of our own.
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    if (entity == nullptr) continue;
    out.append(utf8.substr(copied, i - copied));
    const unsigned cp = entity->value;
    if (cp == '<' || cp == '&' || cp == '>' || cp == '"' || cp == '\'') {
      out += "&#" + std::to_string(cp) + ";";  // keep markup characters escaped
    } else {
      Xapian::Unicode::append_utf8(out, cp);
    }
    copied = j + 1;
  }
  if (copied == 0) return std::string(utf8);
  out.append(utf8.substr(copied));
  return out;
}

LineIndex::LineIndex(std::string_view buffer) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < buffer.size(); ++i) {
    if (buffer[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::line_at(std::ptrdiff_t offset) const {
  if (offset < 0) return 0;
  const auto it =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(offset));
  return static_cast<std::size_t>(it - line_starts_.begin());
}

}  // namespace lede::feed::xml

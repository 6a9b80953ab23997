/**
 * @file
 * @brief What the XML feed parsers share: namespaces over pugixml, element text, xml:base,
 * line numbers, XHTML serialisation and the lenient reading of HTML named entities.
 *
 * pugixml does not process namespaces, so elements are matched by (namespace URI, local name)
 * after looking their prefix up in the xmlns attributes of their ancestors.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "indexer/feed/feed.hpp"

namespace lede::feed::xml {

namespace ns {
inline constexpr std::string_view atom10 = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view atom03 = "http://purl.org/atom/ns#";
inline constexpr std::string_view rss10 = "http://purl.org/rss/1.0/";
inline constexpr std::string_view rss090 = "http://my.netscape.com/rdf/simple/0.9/";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view content = "http://purl.org/rss/1.0/modules/content/";
inline constexpr std::string_view dc = "http://purl.org/dc/elements/1.1/";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view xhtml = "http://www.w3.org/1999/xhtml";
inline constexpr std::string_view sy = "http://purl.org/rss/1.0/modules/syndication/";
inline constexpr std::string_view xml = "http://www.w3.org/XML/1998/namespace";
}  // namespace ns

/// The part of a qualified name after the colon.
std::string_view local_name(const pugi::xml_node& node);
/// The namespace URI of an element ("" for none), from the xmlns declarations in scope.
std::string namespace_uri(const pugi::xml_node& node);
/// True when `node` is an element `local` in namespace `uri`.
bool is(const pugi::xml_node& node, std::string_view uri, std::string_view local);

/// The concatenated text and CDATA inside an element (descendants included).
std::string text_of(const pugi::xml_node& node);
/// The children of `node` written out as HTML (prefixes dropped, text escaped).
std::string serialize_children(const pugi::xml_node& node);
/// Element text when it is plain, or its children serialised (is_html) when it has elements.
Text content_of(const pugi::xml_node& node, bool declared_html);

/// The base URL in effect at `node`: every xml:base from the root down, resolved against
/// `document_base`.
std::string base_of(const pugi::xml_node& node, const std::string& document_base);
/// A language tag as BCP 47 writes it: trimmed, "en_US" → "en-US".
std::string language_tag(std::string_view written);
/// The xml:lang in effect at `node`, "" when none.
std::string language_of(const pugi::xml_node& node);

/// The text as HTML: HTML as is, plain text escaped. Feed titles are handed on this way so
/// that normalisation decodes every one of them exactly once.
std::string as_html(const Text& text);

/// True when `text` holds HTML escaped into the feed: entity references, comments, end tags
/// of HTML elements or void elements; a lone "<BP>" (a ticker symbol) is not markup.
bool looks_like_html(std::string_view text);

/// Replaces HTML named entities XML does not predefine (&nbsp; &eacute; …) by their
/// characters, so that pugixml (which knows only the five XML ones) reads them. Line breaks
/// are never added or removed.
std::string replace_html_entities(std::string_view utf8);

/// 1-based line numbers for byte offsets of one buffer.
class LineIndex {
 public:
  explicit LineIndex(std::string_view buffer);
  std::size_t line_at(std::ptrdiff_t offset) const;
  std::size_t line_of(const pugi::xml_node& node) const { return line_at(node.offset_debug()); }

 private:
  std::vector<std::size_t> line_starts_;
};

/// Context a format parser needs beyond the document.
struct ParseInput {
  const pugi::xml_document& document;
  const LineIndex& lines;
  const Origin& origin;
};

}  // namespace lede::feed::xml

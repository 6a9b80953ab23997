#include "indexer/feed/feed.hpp"

#include <pugixml.hpp>

#include "common/error.hpp"
#include "indexer/feed/encoding.hpp"
#include "indexer/feed/format_parsers.hpp"
#include "indexer/feed/xml_support.hpp"

namespace lede::feed {
namespace {

std::string location_line(const Origin& origin, std::size_t line) {
  return origin.location + ":" + std::to_string(line) + ": ";
}

bool starts_like_json(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

// pugixml keeps only the five XML entities; feeds often use HTML ones too (&nbsp;, &eacute;,
// or the HTML entities the Netscape RSS 0.91 DTD declares). They are replaced by their
// characters before parsing — the lenient reading browsers and feed readers apply.
Feed parse_xml(std::string utf8, const Origin& origin) {
  utf8 = xml::replace_html_entities(utf8);
  const xml::LineIndex lines(utf8);
  pugi::xml_document document;
  // parse_ws_pcdata keeps the spaces between inline elements of XHTML content.
  const pugi::xml_parse_result result = document.load_buffer(
      utf8.data(), utf8.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!result) {
    throw Error(location_line(origin, lines.line_at(result.offset)) + "not well-formed XML (" +
                result.description() + ")");
  }
  const pugi::xml_node root = document.document_element();
  const std::string_view name = xml::local_name(root);
  const xml::ParseInput input{document, lines, origin};
  if (name == "rss" || name == "RDF" || name == "channel") return parse_rss(input);
  if (name == "feed") return parse_atom(input);
  throw Error(location_line(origin, lines.line_of(root)) + "not a feed (root element <" +
              std::string(root.name()) + ">)");
}

}  // namespace

Feed parse(std::string_view bytes, const Origin& origin) {
  std::string utf8 = decode_feed_bytes(bytes, origin.http_charset);
  if (starts_like_json(utf8)) return parse_json_feed(utf8, origin);
  return parse_xml(std::move(utf8), origin);
}

}  // namespace lede::feed

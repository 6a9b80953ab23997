// JSON Feed 1.0 and 1.1 with nlohmann-json. Fields of the wrong JSON type are ignored rather
// than fatal; a document that is not JSON, or not a JSON Feed, is an error.
// @see https://www.jsonfeed.org/version/1.1/
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "indexer/feed/format_parsers.hpp"
#include "indexer/json_error.hpp"
#include "indexer/url.hpp"

namespace lede::feed {
namespace {

using nlohmann::json;

std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return "";
  return it->is_string() ? it->get<std::string>() : "";
}

// JSON Feed 1.0 producers often write ids as numbers; 1.1 says string.
std::string id_field(const json& object) {
  const auto it = object.find("id");
  if (it != object.end() && it->is_number_integer()) return std::to_string(it->get<long long>());
  return string_field(object, "id");
}

// 1.1 "authors": [{"name": …}], 1.0 "author": {"name": …}.
std::vector<std::string> authors_of(const json& object) {
  std::vector<std::string> names;
  const auto add = [&](const json& author) {
    if (author.is_object()) {
      if (std::string name = string_field(author, "name"); !name.empty()) {
        names.push_back(std::move(name));
      }
    }
  };
  if (const auto it = object.find("authors"); it != object.end() && it->is_array()) {
    for (const json& author : *it) add(author);
  }
  if (const auto it = object.find("author"); names.empty() && it != object.end()) add(*it);
  return names;
}

std::string format_of(const json& document) {
  const std::string version = string_field(document, "version");
  if (version.ends_with("/version/1.1")) return "json1.1";
  if (version.ends_with("/version/1")) return "json1.0";
  return "json";
}

Item read_item(const json& object, const Feed& feed, const std::vector<std::string>& authors,
               const Origin& origin) {
  Item item;
  item.guid = id_field(object);
  const std::string base = !origin.base_url.empty() ? origin.base_url : feed.link;
  std::string link = string_field(object, "url");
  if (link.empty()) link = string_field(object, "external_url");
  item.link = url::resolve(base, link);
  item.title = Text{string_field(object, "title"), false};
  if (std::string html = string_field(object, "content_html"); !html.empty()) {
    item.content = Text{std::move(html), true};
  } else {
    item.content = Text{string_field(object, "content_text"), false};
  }
  item.summary = Text{string_field(object, "summary"), false};
  item.authors = authors_of(object);
  if (item.authors.empty()) item.authors = authors;
  if (const auto it = object.find("tags"); it != object.end() && it->is_array()) {
    for (const json& tag : *it) {
      if (tag.is_string()) item.categories.push_back(tag.get<std::string>());
    }
  }
  item.language = string_field(object, "language");
  if (std::string date = string_field(object, "date_published"); !date.empty()) {
    item.dates.push_back({std::move(date), DateSource::published});
  }
  if (std::string date = string_field(object, "date_modified"); !date.empty()) {
    item.dates.push_back({std::move(date), DateSource::updated});
  }
  return item;
}

}  // namespace

Feed parse_json_feed(std::string_view utf8, const Origin& origin) {
  json document;
  try {
    document = json::parse(utf8);
  } catch (const json::parse_error& e) {
    const xml::LineIndex lines(utf8);
    throw Error(origin.location + ":" +
                std::to_string(lines.line_at(static_cast<std::ptrdiff_t>(e.byte) - 1)) +
                ": not valid JSON (" + json_error_reason(e) + ")");
  } catch (const json::exception& e) {
    // The parser's other refusal, "number overflow parsing '1e999'": a number no double holds
    // (found by fuzz_feed; uncaught, it ended lede-index).
    throw Error(origin.location + ": not valid JSON (" + json_error_reason(e) + ")");
  }
  const auto items = document.is_object() ? document.find("items") : document.end();
  if (!document.is_object() || items == document.end() || !items->is_array()) {
    throw Error(origin.location + ":1: not a feed (JSON without a JSON Feed \"items\" list)");
  }
  Feed feed;
  feed.format = format_of(document);
  feed.title = xml::as_html(Text{string_field(document, "title"), false});
  feed.link = url::resolve(origin.base_url, string_field(document, "home_page_url"));
  feed.language = string_field(document, "language");
  const std::vector<std::string> authors = authors_of(document);
  for (const json& object : *items) {
    if (object.is_object()) feed.items.push_back(read_item(object, feed, authors, origin));
  }
  return feed;
}

}  // namespace lede::feed

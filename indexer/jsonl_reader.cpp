#include "indexer/jsonl_reader.hpp"

#include <nlohmann/json.hpp>

#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "indexer/identity.hpp"
#include "indexer/json_error.hpp"
#include "indexer/source_reader.hpp"
#include "indexer/url.hpp"

namespace lede::jsonl {

namespace {

using nlohmann::json;

std::string string_field(const json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "";
  if (!it->is_string()) throw Error(std::string("\"") + key + "\" is not a string");
  return text::repair_utf8(it->get_ref<const std::string&>());
}

std::vector<std::string> string_list(const json& record, const char* key) {
  std::vector<std::string> out;
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return out;
  if (!it->is_array()) throw Error(std::string("\"") + key + "\" is not a list");
  for (const json& v : *it) {
    if (!v.is_string()) throw Error(std::string("\"") + key + "\" holds a non-string");
    out.push_back(text::repair_utf8(v.get_ref<const std::string&>()));
  }
  return out;
}

Article to_article(const json& record, const ReadContext& context) {
  if (!record.is_object()) throw Error("not a JSON object");
  Article a;
  a.title = text::fold_whitespace(string_field(record, "title"));
  a.body = string_field(record, "body");
  a.summary = text::fold_whitespace(string_field(record, "summary"));
  if (a.title.empty() && a.body.empty()) throw Error("record has neither title nor body");
  a.guid = string_field(record, "id");
  const std::string link = string_field(record, "link");
  if (!link.empty()) {
    if (!url::is_http(link)) throw Error("\"link\" is not an http(s) URL: " + link);
    a.link = link;
  }
  a.source = string_field(record, "source");
  a.host = url::host(a.link);
  a.categories = string_list(record, "categories");
  std::string language = string_field(record, "language");
  a.language = language.empty() ? context.default_language : language;
  const std::string published = string_field(record, "published");
  if (published.empty()) {
    a.published = context.now;
    a.date_source = DateSource::first_seen;
  } else if (const auto t = dates::parse_iso8601(published)) {
    a.published = *t;
    a.date_source = DateSource::published;
  } else {
    throw Error("\"published\" is not an RFC 3339 time: " + published);
  }
  a.future_date = a.published > context.now;
  a.id = article_identity(a, context.location);
  return a;
}

}  // namespace

void read(std::string_view bytes, const ReadContext& context, const ArticleSink& on_article,
          const ErrorSink& on_error) {
  const LineSource next_line = [&](std::string& line, bool& too_long) {
    too_long = false;
    if (bytes.empty()) return false;
    const auto eol = bytes.find('\n');
    line.assign(bytes.substr(0, eol));
    bytes.remove_prefix(eol == std::string_view::npos ? bytes.size() : eol + 1);
    return true;
  };
  read(next_line, bytes.size(), context, on_article, on_error);
}

void read(const LineSource& next_line, std::size_t max_line_bytes, const ReadContext& context,
          const ArticleSink& on_article, const ErrorSink& on_error) {
  std::size_t line_number = 0;
  std::string line;
  for (bool too_long = false; next_line(line, too_long);) {
    ++line_number;
    const std::string where = context.location + ":" + std::to_string(line_number) + ": ";
    if (too_long) {
      on_error(where + "line longer than the " + sources::size_text(max_line_bytes) +
               " limit (--max-line); skipped");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Article article;
    try {
      // Invalid UTF-8 becomes U+FFFD before parsing: nlohmann-json would refuse the line.
      article = to_article(json::parse(text::repair_utf8(line)), context);
    } catch (const json::parse_error& e) {
      on_error(where + "invalid JSON at column " + std::to_string(e.byte) + ": " +
               json_error_reason(e));
      continue;
    } catch (const json::exception& e) {
      // The parser's other refusal: out_of_range.406, "number overflow parsing '1e999'", a
      // number no double holds (found by fuzzing; it stopped lede-index with exit 2).
      on_error(where + "invalid JSON: " + json_error_reason(e));
      continue;
    } catch (const Error& e) {
      on_error(where + e.what());
      continue;
    }
    if (!on_article(std::move(article))) return;
  }
}

}  // namespace lede::jsonl

#include "common/stored_article_v1.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/stored_article.hpp"

namespace lede {

namespace {

// The decoder of schema version 1, as it was (unknown keys ignored, missing keys empty).
Article decode_json_object(std::string_view data) {
  const auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw Error("corrupt document data (version 1: not a JSON object)");
  try {
    Article a;
    a.id = j.value("id", "");
    a.title = j.value("title", "");
    a.link = j.value("link", "");
    a.guid = j.value("guid", "");
    a.authors = j.value("authors", std::vector<std::string>{});
    a.categories = j.value("categories", std::vector<std::string>{});
    a.source = j.value("source", "");
    a.feed = j.value("feed", "");
    a.host = j.value("host", "");
    a.language = j.value("lang", "");
    a.summary = j.value("summary", "");
    a.body = j.value("body", "");
    a.published = j.value("published", UnixSeconds{0});
    a.date_source = date_source_from_string(j.value("date_source", ""));
    a.future_date = j.value("future_date", false);
    return a;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("corrupt document data (version 1: ") + e.what() + ")");
  }
}

}  // namespace

Article decode_document_data_of_any_version(std::string_view data) {
  // Version 1 data is a JSON object; the current format starts with a byte below ' '.
  if (!data.empty() && data.front() == '{') return decode_json_object(data);
  return decode_document_data(data);
}

}  // namespace lede

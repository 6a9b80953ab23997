#include "common/stored_article.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace lede {

std::string encode_document_data(const Article& a) {
  nlohmann::json j = {
      {"id", a.id},
      {"title", a.title},
      {"link", a.link},
      {"guid", a.guid},
      {"authors", a.authors},
      {"categories", a.categories},
      {"source", a.source},
      {"host", a.host},
      {"lang", a.language},
      {"summary", a.summary},
      {"body", a.body},
      {"published", a.published},
      {"date_source", to_string(a.date_source)},
      {"future_date", a.future_date},
  };
  // Only articles fetched by `update` carry their feed; others keep the data they always had.
  if (!a.feed.empty()) j["feed"] = a.feed;
  // Replace rather than throw on invalid UTF-8: text is repaired upstream, this is a backstop.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article decode_document_data(std::string_view data) {
  const auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw Error("corrupt document data (not a JSON object)");
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
}

}  // namespace lede

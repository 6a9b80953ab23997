#include "indexer/subscriptions/listing.hpp"

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "common/dates.hpp"
#include "common/sanitize.hpp"

namespace lede::subscriptions {

namespace {

std::string when(UnixSeconds t, UnixSeconds now) {
  if (t == 0) return "never";
  return dates::format_rfc3339(t) + " (" + dates::relative_age(t, now) + ")";
}

std::string status_text(const Subscription& s) {
  if (s.last_fetched == 0) return "not fetched yet";
  std::string out = s.last_status ? "HTTP " + std::to_string(s.last_status) : "no answer";
  // "HTTP 429 Too Many Requests" says its status itself.
  if (s.last_error.rfind("HTTP ", 0) == 0)
    out = s.last_error;
  else if (!s.last_error.empty())
    out += ": " + s.last_error;
  return text::sanitize_for_terminal(out);
}

nlohmann::json time_or_null(UnixSeconds t) {
  return t ? nlohmann::json(dates::format_rfc3339(t)) : nlohmann::json(nullptr);
}

nlohmann::json string_or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

std::vector<FeedRow> list_feeds(const Xapian::Database& db) {
  std::vector<FeedRow> rows;
  for (Subscription& s : load_all(db)) {
    const Xapian::doccount n = article_count(db, s);
    rows.push_back({std::move(s), n});
  }
  return rows;
}

std::string format_feeds(const std::vector<FeedRow>& rows, UnixSeconds now) {
  std::ostringstream out;
  for (const FeedRow& row : rows) {
    const Subscription& s = row.subscription;
    out << text::sanitize_for_terminal(s.url) << "\n";
    if (!s.display_name().empty()) {
      out << "  title:        " << text::sanitize_for_terminal(s.display_name()) << "\n";
    }
    out << "  articles:     " << row.articles << "\n"
        << "  last fetched: " << when(s.last_fetched, now) << "\n"
        << "  last status:  " << status_text(s) << "\n"
        << "  next due:     "
        << (std::max(s.next_due, s.not_before) <= now
                ? "now"
                : when(std::max(s.next_due, s.not_before), now))
        << "\n"
        << "  errors:       " << s.consecutive_errors << " in a row\n";
    if (!s.discovered_from.empty()) {
      out << "  found on:     " << text::sanitize_for_terminal(s.discovered_from) << "\n";
    }
  }
  out << rows.size() << (rows.size() == 1 ? " feed" : " feeds") << "\n";
  return out.str();
}

std::string feeds_json(const std::vector<FeedRow>& rows) {
  std::string out;
  for (const FeedRow& row : rows) {
    const Subscription& s = row.subscription;
    const nlohmann::json j = {
        {"id", s.id},
        {"url", s.url},
        {"name", string_or_null(s.name)},
        {"title", string_or_null(s.title)},
        {"language", string_or_null(s.language)},
        {"articles", row.articles},
        {"last_fetched", time_or_null(s.last_fetched)},
        {"last_status", s.last_status},
        {"last_error", string_or_null(s.last_error)},
        {"next_due", time_or_null(std::max(s.next_due, s.not_before))},
        {"consecutive_errors", s.consecutive_errors},
        {"etag", string_or_null(s.etag)},
        {"last_modified", string_or_null(s.last_modified)},
        {"discovered_from", string_or_null(s.discovered_from)},
    };
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

std::string export_opml(const std::vector<Subscription>& subscriptions) {
  pugi::xml_document doc;
  auto declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node opml = doc.append_child("opml");
  opml.append_attribute("version") = "2.0";
  opml.append_child("head").append_child("title").text() = "lede subscriptions";
  pugi::xml_node body = opml.append_child("body");
  for (const Subscription& s : subscriptions) {
    pugi::xml_node outline = body.append_child("outline");
    const std::string text = s.display_name().empty() ? s.url : s.display_name();
    outline.append_attribute("type") = "rss";
    outline.append_attribute("text") = text.c_str();
    outline.append_attribute("title") = text.c_str();
    outline.append_attribute("xmlUrl") = s.url.c_str();
    if (!s.language.empty()) outline.append_attribute("language") = s.language.c_str();
  }
  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

}  // namespace lede::subscriptions

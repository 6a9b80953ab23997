// RSS 0.90/0.91/0.92/2.0 and RSS 1.0 (RDF) with the common modules: content:encoded,
// dc:creator/date/subject/language/title/description, dcterms dates, xhtml:body, atom:link.
// @see https://www.rssboard.org/rss-specification, https://web.resource.org/rss/1.0/spec
#include <string>

#include "indexer/feed/format_parsers.hpp"
#include "indexer/url.hpp"

namespace lede::feed {
namespace {

using xml::ns::atom10;
using xml::ns::content;
using xml::ns::dc;
using xml::ns::dcterms;

std::string trimmed(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const std::size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

// Plain RSS elements: no namespace, RSS 1.0's, RSS 0.90's, or the Userland/Harvard RSS 2.0
// namespaces some generators declare.
bool is_rss_namespace(std::string_view uri) {
  return uri.empty() || uri == xml::ns::rss10 || uri == xml::ns::rss090 ||
         uri.starts_with("http://backend.userland.com/rss") ||
         uri.starts_with("http://blogs.law.harvard.edu/tech/rss");
}

std::string format_of(const pugi::xml_node& root) {
  if (xml::local_name(root) == "RDF") {
    return xml::namespace_uri(root.child("channel")) == xml::ns::rss090 ||
                   xml::namespace_uri(root) == xml::ns::rss090
               ? "rss0.90"
               : "rss1.0";
  }
  const std::string version = trimmed(root.attribute("version").value());
  if (version.empty()) return "rss";
  return "rss" + (version == "2.0.1" ? std::string("2.0") : version);
}

bool is_alternate_link(const pugi::xml_node& node) {
  const std::string_view rel = node.attribute("rel").value();
  return rel.empty() || rel == "alternate";
}

class RssReader {
 public:
  explicit RssReader(const xml::ParseInput& input) : input_(input) {}

  Feed read() {
    const pugi::xml_node root = input_.document.document_element();
    feed_.format = format_of(root);
    pugi::xml_node channel = root;
    for (const pugi::xml_node& child : root.children()) {
      if (xml::local_name(child) == "channel") channel = child;
    }
    read_channel(channel);
    read_items(channel);
    if (channel != root) read_items(root);  // RSS 1.0 puts items beside the channel
    return std::move(feed_);
  }

 private:
  std::string resolve_link(const pugi::xml_node& node, std::string_view reference) const {
    std::string base = xml::base_of(node, input_.origin.base_url);
    if (base.empty()) base = feed_.link;
    return url::resolve(base, trimmed(reference));
  }

  void read_items(const pugi::xml_node& parent) {
    for (const pugi::xml_node& child : parent.children()) {
      if (xml::local_name(child) == "item" && is_rss_namespace(xml::namespace_uri(child))) {
        feed_.items.push_back(read_item(child));
      }
    }
  }

  void read_channel(const pugi::xml_node& channel) {
    std::string atom_link;
    long ttl_minutes = 0, sy_frequency = 0;
    std::string sy_period;
    for (const pugi::xml_node& child : channel.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string uri = xml::namespace_uri(child);
      const std::string_view name = xml::local_name(child);
      if (is_rss_namespace(uri)) {
        if (name == "title") feed_.title = xml::as_html(title_of(child));
        if (name == "link" && feed_.link.empty()) {
          feed_.link = url::resolve(xml::base_of(child, input_.origin.base_url),
                                    trimmed(xml::text_of(child)));
        }
        if (name == "language") feed_.language = xml::language_tag(xml::text_of(child));
        if (name == "lastBuildDate" || name == "pubDate") {
          feed_.dates.push_back({trimmed(xml::text_of(child)), DateSource::feed});
        }
        if (name == "ttl") ttl_minutes = positive_number(xml::text_of(child));
      } else if (uri == xml::ns::sy) {
        if (name == "updatePeriod") sy_period = trimmed(xml::text_of(child));
        if (name == "updateFrequency") sy_frequency = positive_number(xml::text_of(child));
      } else if (uri == dc) {
        if (name == "title" && feed_.title.empty()) feed_.title = xml::as_html(title_of(child));
        if (name == "language" && feed_.language.empty()) {
          feed_.language = xml::language_tag(xml::text_of(child));
        }
        if (name == "date") feed_.dates.push_back({trimmed(xml::text_of(child)), DateSource::feed});
      } else if (uri == dcterms && name == "modified") {
        feed_.dates.push_back({trimmed(xml::text_of(child)), DateSource::feed});
      } else if (uri == atom10 && name == "link" && is_alternate_link(child) && atom_link.empty()) {
        atom_link = url::resolve(xml::base_of(child, input_.origin.base_url),
                                 trimmed(child.attribute("href").value()));
      }
    }
    if (feed_.link.empty()) feed_.link = atom_link;
    if (feed_.language.empty()) feed_.language = xml::language_of(channel);
    feed_.update_interval_seconds =
        ttl_minutes > 0 ? ttl_minutes * 60 : sy_interval(sy_period, sy_frequency);
  }

  // "12" → 12; anything that is not a positive whole number (or is absurdly large) → 0.
  static long positive_number(std::string_view text) {
    const std::string t = trimmed(text);
    if (t.empty() || t.size() > 7 || t.find_first_not_of("0123456789") != std::string::npos) {
      return 0;
    }
    return std::stol(t);
  }

  // sy:updatePeriod (hourly, daily, weekly, monthly, yearly; default daily) divided by
  // sy:updateFrequency (default 1). Nothing when neither element is present.
  static long sy_interval(const std::string& period, long frequency) {
    if (period.empty() && frequency == 0) return 0;
    long seconds = 86400;
    if (period == "hourly") seconds = 3600;
    if (period == "weekly") seconds = 7 * 86400;
    if (period == "monthly") seconds = 30 * 86400;
    if (period == "yearly") seconds = 365 * 86400;
    return seconds / (frequency > 0 ? frequency : 1);
  }

  Item read_item(const pugi::xml_node& node) {
    Item item;
    item.line = input_.lines.line_of(node);
    std::string guid_link, atom_link;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      read_item_child(child, item, guid_link, atom_link);
    }
    if (item.link.empty()) item.link = !atom_link.empty() ? atom_link : guid_link;
    if (item.guid.empty()) item.guid = trimmed(node.attribute("rdf:about").value());
    if (item.language.empty()) item.language = xml::language_of(node);
    return item;
  }

  void read_item_child(const pugi::xml_node& child, Item& item, std::string& guid_link,
                       std::string& atom_link) {
    const std::string uri = xml::namespace_uri(child);
    const std::string_view name = xml::local_name(child);
    const auto value = [&] { return trimmed(xml::text_of(child)); };
    if (is_rss_namespace(uri)) {
      if (name == "title") item.title = title_of(child);
      if (name == "link" && item.link.empty()) item.link = resolve_link(child, xml::text_of(child));
      if (name == "guid") {
        item.guid = value();
        if (std::string_view(child.attribute("isPermaLink").value()) != "false") {
          const std::string resolved = resolve_link(child, item.guid);
          if (url::is_http(resolved)) guid_link = resolved;
        }
      }
      if (name == "description") item.summary = xml::content_of(child, true);
      if (name == "author") item.authors.push_back(value());
      if (name == "category") item.categories.push_back(value());
      if (name == "pubDate") item.dates.push_back({value(), DateSource::published});
      if (name == "body") item.content = Text{xml::serialize_children(child), true};
      // <fullitem> is an old Userland name for the full content, still seen in the wild.
      if (name == "fullitem" && item.content.value.empty()) {
        item.content = xml::content_of(child, true);
      }
    } else if (uri == content && name == "encoded") {
      item.content = xml::content_of(child, true);
    } else if (uri == xml::ns::xhtml && name == "body") {
      item.content = Text{xml::serialize_children(child), true};
    } else if (uri == dc) {
      if (name == "title" && item.title.value.empty()) item.title = title_of(child);
      if (name == "creator" || name == "author") item.authors.push_back(value());
      if (name == "subject") item.categories.push_back(value());
      if (name == "date") item.dates.push_back({value(), DateSource::dc_date});
      if (name == "language") item.language = value();
      if (name == "description" && item.summary.value.empty()) {
        item.summary = xml::content_of(child, true);
      }
      if (name == "identifier" && item.guid.empty()) item.guid = value();
    } else if (uri == dcterms) {
      if (name == "issued" || name == "created") {
        item.dates.push_back({value(), DateSource::published});
      }
      if (name == "modified") item.dates.push_back({value(), DateSource::updated});
    } else if (uri == atom10) {
      if (name == "link" && is_alternate_link(child) && atom_link.empty()) {
        atom_link = resolve_link(child, child.attribute("href").value());
      }
      if (name == "published") item.dates.push_back({value(), DateSource::published});
      if (name == "updated") item.dates.push_back({value(), DateSource::updated});
    }
  }

  // RSS titles carry no type: HTML escaped into them (often twice) is recognised by its look.
  static Text title_of(const pugi::xml_node& node) {
    Text title = xml::content_of(node, false);
    if (!title.is_html) title.is_html = xml::looks_like_html(title.value);
    return title;
  }

  const xml::ParseInput& input_;
  Feed feed_;
};

}  // namespace

Feed parse_rss(const xml::ParseInput& input) {
  return RssReader(input).read();
}

}  // namespace lede::feed

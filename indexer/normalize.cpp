#include "indexer/normalize.hpp"

#include <algorithm>

#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "indexer/html_text.hpp"
#include "indexer/identity.hpp"
#include "indexer/url.hpp"

namespace lede {
namespace {

// Caps keep one pathological item from growing memory without bound; they are far above any
// real article.
constexpr std::size_t kMaxBodyBytes = 1 << 20;
constexpr std::size_t kMaxFieldBytes = 64 * 1024;
constexpr std::size_t kMaxSummaryChars = 300;
constexpr UnixSeconds kFutureTolerance = 24 * 60 * 60;

std::string capped(std::string_view text, std::size_t max_bytes) {
  return std::string(text::truncate_utf8(text, max_bytes));
}

// Text that is not HTML still needs its UTF-8 repaired: the XML parser decodes a character
// reference to a surrogate (&#xD800;) into bytes that are not UTF-8 (found by fuzz_feed).
std::string folded(std::string_view raw) {
  return text::fold_whitespace(text::repair_utf8(raw));
}

// Plain text keeps its paragraphs (blank-line separated); whitespace inside one is folded.
std::string plain_paragraphs(std::string_view plain) {
  std::string out;
  std::size_t start = 0;
  while (start <= plain.size()) {
    std::size_t end = plain.find("\n\n", start);
    if (end == std::string_view::npos) end = plain.size();
    const std::string paragraph = folded(plain.substr(start, end - start));
    if (!paragraph.empty()) out += (out.empty() ? "" : "\n\n") + paragraph;
    start = end + 2;
  }
  return out;
}

std::string to_text(const feed::Text& text) {
  // Input is capped before parsing too: 4× the output cap leaves room for markup.
  const std::string_view input = text::truncate_utf8(text.value, 4 * kMaxBodyBytes);
  return capped(text.is_html ? html::to_text(input) : plain_paragraphs(input), kMaxBodyBytes);
}

std::string to_line(const feed::Text& text) {
  const std::string_view input = text::truncate_utf8(text.value, 4 * kMaxFieldBytes);
  return capped(text.is_html ? html::to_line(input) : folded(input), kMaxFieldBytes);
}

// The first paragraph of `body`, cut at a word boundary to at most kMaxSummaryChars bytes.
std::string lead_paragraph(std::string_view body) {
  std::string_view first = body.substr(0, body.find("\n\n"));
  if (first.size() <= kMaxSummaryChars) return std::string(first);
  first = text::truncate_utf8(first, kMaxSummaryChars);
  if (const std::size_t space = first.rfind(' '); space != std::string_view::npos && space > 0) {
    first = first.substr(0, space);
  }
  return std::string(first) + "…";
}

// "en-US" → "en", "EN_gb" → "en", " de " → "de".
std::string primary_language(std::string_view tag) {
  const std::size_t begin = tag.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  tag.remove_prefix(begin);
  tag = tag.substr(0, tag.find_first_of("-_ \t\r\n"));
  std::string out = text::repair_utf8(tag);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The first parseable date, trying the sources in the order of DateSource's preference.
void choose_date(const feed::Item& item, const feed::Feed& feed, const NormalizeContext& ctx,
                 Article& article) {
  for (const DateSource source :
       {DateSource::published, DateSource::updated, DateSource::dc_date}) {
    for (const feed::RawDate& date : item.dates) {
      if (date.source != source) continue;
      if (const auto t = dates::parse_feed_date(date.text)) {
        article.published = *t;
        article.date_source = source;
        return;
      }
    }
  }
  for (const feed::RawDate& date : feed.dates) {
    if (const auto t = dates::parse_feed_date(date.text)) {
      article.published = *t;
      article.date_source = DateSource::feed;
      return;
    }
  }
  article.published = ctx.now;
  article.date_source = DateSource::first_seen;
}

std::vector<std::string> cleaned_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::string line = capped(folded(value), kMaxFieldBytes);
    if (!line.empty() && std::find(out.begin(), out.end(), line) == out.end()) {
      out.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace

Article normalize(const feed::Item& item, const feed::Feed& feed, const NormalizeContext& ctx) {
  Article article;
  article.title = to_line(item.title);
  // Article links are http(s) only (common/article.hpp): a feed may say javascript:, file:
  // or something no URL parser reads, and lede-query would print it as the story's address.
  if (url::is_http(item.link)) article.link = item.link;
  article.guid = capped(folded(item.guid), kMaxFieldBytes);

  const std::string summary = to_text(item.summary);
  std::string content = to_text(item.content);
  article.body = content.size() >= summary.size() ? std::move(content) : summary;
  article.summary =
      summary.empty() ? lead_paragraph(article.body) : capped(summary, kMaxFieldBytes);
  if (article.title.empty() && article.link.empty() && article.body.empty()) {
    throw Error("item has no title, link or content");
  }

  article.authors = cleaned_list(item.authors);
  article.categories = cleaned_list(item.categories);
  article.source = capped(html::to_line(feed.title), kMaxFieldBytes);
  article.host = url::host(!article.link.empty() ? article.link : feed.link);
  article.language = primary_language(item.language);
  if (article.language.empty()) article.language = primary_language(feed.language);
  if (article.language.empty()) article.language = primary_language(ctx.default_language);

  choose_date(item, feed, ctx, article);
  article.future_date = article.published > ctx.now + kFutureTolerance;
  article.id = article_identity(article, ctx.feed_key);
  return article;
}

}  // namespace lede

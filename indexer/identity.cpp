// Identity: canonical link, else guid, else a hash of where, what and when.
#include "indexer/identity.hpp"

#include "common/dates.hpp"
#include "common/text.hpp"
#include "indexer/url.hpp"

namespace lede {

namespace {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string article_identity(const Article& article, std::string_view feed_key) {
  if (std::optional<std::string> link = url::canonical(article.link)) return *link;
  if (const std::string_view guid = trim(article.guid); !guid.empty()) return std::string(guid);
  std::string key(feed_key);
  key += '\n';
  key += article.title;
  key += '\n';
  key += dates::format_rfc3339(article.published);
  return "hash:" + text::hex_hash(key);
}

}  // namespace lede

#include "indexer/feed_ingest.hpp"

#include "common/error.hpp"

namespace lede {

std::size_t write_feed(IndexWriter& writer, const feed::Feed& parsed, const std::string& location,
                       const NormalizeContext& context, const std::string& feed_id,
                       const FeedWriteHooks& hooks) {
  std::size_t skipped = 0;
  for (const feed::Item& item : parsed.items) {
    if (hooks.should_stop && hooks.should_stop()) break;
    Article article;
    try {
      article = normalize(item, parsed, context);
    } catch (const Error& e) {
      ++skipped;
      // "LOCATION:LINE: what", as compilers and grep write it.
      if (hooks.on_problem) {
        hooks.on_problem(location + (item.line ? ":" + std::to_string(item.line) : "") + ": " +
                         e.what());
      }
      continue;
    }
    article.feed = feed_id;
    writer.write(article);
    if (hooks.on_article) hooks.on_article();
  }
  return skipped;
}

}  // namespace lede

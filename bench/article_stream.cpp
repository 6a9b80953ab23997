#include "bench/article_stream.hpp"

#include <ctime>
#include <exception>

#include "common/error.hpp"
#include "indexer/feed/feed.hpp"
#include "indexer/ingest.hpp"
#include "indexer/jsonl_reader.hpp"
#include "indexer/normalize.hpp"
#include "indexer/sources.hpp"

namespace lede::bench {

namespace {

/// Carries an exception of the caller's sink (its database failed) past the per-source
/// handler, which is only for problems with the sources themselves.
struct SinkFailed {
  std::exception_ptr error;
};

}  // namespace

StreamCounts for_each_article(const std::vector<std::string>& arguments,
                              const std::function<void(const Article&)>& sink,
                              const std::function<void(const std::string&)>& on_problem) {
  const auto on_article = [&sink](const Article& article) {
    try {
      sink(article);
    } catch (...) {
      throw SinkFailed{std::current_exception()};
    }
  };
  StreamCounts counts;
  const UnixSeconds now = std::time(nullptr);
  const sources::Expansion expansion = sources::expand(arguments);
  for (const std::string& error : expansion.errors) {
    ++counts.sources_failed;
    on_problem(error);
  }
  for (const sources::Source& source : expansion.sources) {
    try {
      if (source.kind == sources::Kind::url) throw Error(source.location + ": URLs are not read");
      // As lede::ingest() reads them: JSON Lines streamed a line at a time (a dump may be far
      // larger than the --max-size cap on a document read whole), feeds read whole.
      const http::FetchOptions fetch;
      sources::Opened opened = sources::open(source, fetch);
      const sources::Format format = sources::sniff(opened.reader->peek(sources::sniff_bytes));
      if (format == sources::Format::json_lines) {
        const jsonl::ReadContext context{opened.origin.location, "en", now};
        const std::size_t max_line = IngestOptions{}.max_line_bytes;
        jsonl::read(
            [&](std::string& line, bool& too_long) {
              return opened.reader->next_line(line, max_line, too_long);
            },
            max_line, context,
            [&](Article&& article) {
              ++counts.articles;
              on_article(article);
              return true;
            },
            [&](const std::string& error) {
              ++counts.skipped;
              on_problem(error);
            });
        continue;
      }
      const sources::Loaded loaded{opened.reader->read_all(fetch.max_bytes), opened.origin};
      opened.reader.reset();
      switch (format) {
        case sources::Format::opml:
          throw Error(source.location + ": OPML lists are not read");
        case sources::Format::json_lines:
          break;  // streamed above
        case sources::Format::json_feed:
        case sources::Format::xml_feed: {
          const feed::Feed parsed = feed::parse(loaded.bytes, loaded.origin);
          const NormalizeContext context{loaded.origin.location, "en", now};
          for (const feed::Item& item : parsed.items) {
            try {
              const Article article = normalize(item, parsed, context);
              ++counts.articles;
              on_article(article);
            } catch (const Error& e) {
              ++counts.skipped;
              on_problem(loaded.origin.location + ":" + std::to_string(item.line) + ": " +
                         e.what());
            }
          }
          break;
        }
      }
    } catch (const SinkFailed& failed) {
      std::rethrow_exception(failed.error);
    } catch (const Error& e) {
      ++counts.sources_failed;
      on_problem(e.what());
    }
  }
  return counts;
}

}  // namespace lede::bench

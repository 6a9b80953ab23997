// The baselines read their articles through bench::for_each_article, as lede::ingest() reads
// them: a JSON Lines dump is streamed a line at a time, so one larger than the cap on a document
// read whole (http::FetchOptions::max_bytes, 64 MiB) is read to its last line, as lede reads it.
#include "bench/article_stream.hpp"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "indexer/fetch.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede::bench {
namespace {

TEST(ArticleStream, StreamsJsonLinesLargerThanTheWholeDocumentCap) {
  const test::TempDir dir;
  const auto path = dir / "big.jsonl";
  const std::string body(64 * 1024, 'x');  // one 64 KiB word per article: cheap to parse
  std::size_t written = 0;
  std::size_t lines = 0;
  {
    std::ofstream out(path, std::ios::binary);
    while (written <= http::FetchOptions{}.max_bytes) {
      const std::string line = R"({"id":"a)" + std::to_string(lines) + R"(","title":"Title )" +
                               std::to_string(lines) + R"(","body":")" + body +
                               R"(","published":"1987-02-26T15:01:01Z"})" + "\n";
      out << line;
      written += line.size();
      ++lines;
    }
  }
  std::size_t seen = 0;
  std::string last_title;
  std::string problems;
  const StreamCounts counts = for_each_article(
      {path.string()},
      [&](const Article& article) {
        ++seen;
        last_title = article.title;
      },
      [&](const std::string& problem) { problems += problem + '\n'; });
  EXPECT_EQ(problems, "");
  EXPECT_EQ(counts.sources_failed, 0u);
  EXPECT_EQ(counts.skipped, 0u);
  EXPECT_EQ(counts.articles, lines);
  EXPECT_EQ(seen, lines);
  EXPECT_EQ(last_title, "Title " + std::to_string(lines - 1));
}

}  // namespace
}  // namespace lede::bench

// lede-index stats as text: the biggest sources first, the long tail summed up.
#include "indexer/stats.hpp"

#include <string>

#include <gtest/gtest.h>

namespace lede {
namespace {

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

TEST(StatsText, ListsTheTenBiggestSourcesAndCountsTheRest) {
  ArchiveStats stats;
  stats.path = "/tmp/archive";
  stats.articles = 120;
  for (int i = 0; i < 12; ++i) stats.sources.emplace_back("Feed " + std::to_string(i), 12 - i);
  const std::string text = format_stats(stats);
  EXPECT_NE(text.find("sources:        12\n"), std::string::npos) << text;
  EXPECT_EQ(count_of(text, "\tFeed "), 10u) << text;
  EXPECT_NE(text.find("\tFeed 9\n"), std::string::npos);
  EXPECT_EQ(text.find("\tFeed 10\n"), std::string::npos);
  EXPECT_NE(text.find("… and 2 more (--json lists all)"), std::string::npos) << text;
}

TEST(StatsText, SourceNamesAreSanitised) {
  ArchiveStats stats;
  stats.sources.emplace_back("Evil\x1b]0;title\x07 Feed", 1);
  const std::string text = format_stats(stats);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(text.find("Evil Feed"), std::string::npos) << text;
}

}  // namespace
}  // namespace lede

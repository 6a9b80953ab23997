// Tests of article identity (indexer/identity.hpp): canonical link, else guid, else hash.
#include "indexer/identity.hpp"

#include <string>

#include <gtest/gtest.h>

#include "common/dates.hpp"
#include "common/text.hpp"

namespace lede {
namespace {

Article make(std::string link, std::string guid, std::string title = "Title",
             UnixSeconds published = 541350140) {
  Article a;
  a.link = std::move(link);
  a.guid = std::move(guid);
  a.title = std::move(title);
  a.published = published;
  return a;
}

TEST(IdentityArticle, IsTheCanonicalLinkFirst) {
  EXPECT_EQ(article_identity(make("HTTPS://Example.com:443/story?utm_source=rss#top", "g1"), "f"),
            "https://example.com/story");
  // The same story through another feed, with other tracking: the same identity.
  EXPECT_EQ(article_identity(make("https://example.com/story?utm_medium=atom", "other"), "f2"),
            article_identity(make("https://EXAMPLE.com/story", "g1"), "f"));
}

TEST(IdentityArticle, FallsBackToTheTrimmedGuid) {
  EXPECT_EQ(article_identity(make("", "reuters21578-229"), "feed"), "reuters21578-229");
  EXPECT_EQ(article_identity(make("", "  \n urn:uuid:1234 \t"), "feed"), "urn:uuid:1234");
  // A link that is not http(s) is no identity.
  EXPECT_EQ(article_identity(make("javascript:alert(1)", "guid-7"), "feed"), "guid-7");
  EXPECT_EQ(article_identity(make("/relative/only", "guid-8"), "feed"), "guid-8");
}

TEST(IdentityArticle, HashesFeedTitleAndDateLast) {
  const Article a = make("", "   ", "Oil prices rise", 541350140);
  const std::string expected =
      "hash:" + text::hex_hash("feeds/day.xml\nOil prices rise\n1987-02-26T15:02:20Z");
  EXPECT_EQ(article_identity(a, "feeds/day.xml"), expected);
  EXPECT_EQ(expected.size(), 5u + 16u);

  // Each part matters.
  EXPECT_NE(article_identity(a, "feeds/other.xml"), expected);
  EXPECT_NE(article_identity(make("", "", "Oil prices fall", 541350140), "feeds/day.xml"),
            expected);
  EXPECT_NE(article_identity(make("", "", "Oil prices rise", 541350141), "feeds/day.xml"),
            expected);
  // And it is stable.
  EXPECT_EQ(article_identity(a, "feeds/day.xml"), article_identity(a, "feeds/day.xml"));
}

}  // namespace
}  // namespace lede

// How often a feed asks to be fetched: RSS 2.0 <ttl> and the syndication module.
#include <gtest/gtest.h>

#include "indexer/feed/feed.hpp"

namespace lede::feed {
namespace {

long interval_of(const std::string& channel_children, const std::string& root = "") {
  const std::string xml =
      "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"" + root +
      "><channel><title>T</title>" + channel_children + "</channel></rss>";
  return parse(xml, Origin{"t.xml", "", ""}).update_interval_seconds;
}

TEST(FeedInterval, TtlAndSyndicationModule) {
  EXPECT_EQ(interval_of(""), 0);
  EXPECT_EQ(interval_of("<ttl>60</ttl>"), 3600);
  EXPECT_EQ(interval_of("<ttl> 15 </ttl>"), 900);
  EXPECT_EQ(interval_of("<ttl>soon</ttl>"), 0);
  EXPECT_EQ(interval_of("<ttl>-5</ttl>"), 0);
  EXPECT_EQ(interval_of("<sy:updatePeriod>hourly</sy:updatePeriod>"), 3600);
  EXPECT_EQ(interval_of("<sy:updatePeriod>hourly</sy:updatePeriod>"
                        "<sy:updateFrequency>2</sy:updateFrequency>"),
            1800);
  EXPECT_EQ(interval_of("<sy:updateFrequency>4</sy:updateFrequency>"), 86400 / 4);  // daily
  EXPECT_EQ(interval_of("<sy:updatePeriod>weekly</sy:updatePeriod>"), 7 * 86400);
  // ttl wins when both are given.
  EXPECT_EQ(interval_of("<ttl>30</ttl><sy:updatePeriod>daily</sy:updatePeriod>"), 1800);
}

TEST(FeedInterval, RssOneModuleToo) {
  const std::string rdf =
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" "
      "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
      "<channel rdf:about=\"x\"><title>T</title><link>https://x.example/</link>"
      "<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>24</sy:updateFrequency>"
      "</channel></rdf:RDF>";
  EXPECT_EQ(parse(rdf, Origin{"t.rdf", "", ""}).update_interval_seconds, 3600);
}

}  // namespace
}  // namespace lede::feed

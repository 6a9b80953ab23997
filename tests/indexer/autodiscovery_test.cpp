// Feed autodiscovery: <link rel="alternate"> feeds found in HTML pages.
#include "indexer/update/autodiscovery.hpp"

#include <gtest/gtest.h>

namespace lede::update {
namespace {

using Links = std::vector<std::string>;

TEST(Autodiscovery, FindsFeedLinksInDocumentOrder) {
  struct Case {
    const char* html;
    Links expected;
  };
  const Case cases[] = {
      {R"(<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">)"
       R"(<link rel="alternate" type="application/atom+xml" href="atom.xml"></head></html>)",
       {"https://site.example/rss.xml", "https://site.example/news/atom.xml"}},
      // rel is a token list, any case; type may carry parameters; JSON Feed too.
      {R"(<LINK REL="Alternate Feed" TYPE="application/feed+json; charset=utf-8" HREF="f.json">)",
       {"https://site.example/news/f.json"}},
      // <base href> moves the base; duplicates are listed once.
      {R"(<base href="https://cdn.example/x/"><link rel=alternate type=application/rss+xml )"
       R"(href=r.xml><link rel=alternate type=application/rss+xml href=r.xml>)",
       {"https://cdn.example/x/r.xml"}},
      // Not feeds: stylesheets, other languages' pages, non-http links.
      {R"(<link rel="stylesheet" href="s.css"><link rel="alternate" hreflang="fr" )"
       R"(type="text/html" href="/fr/"><link rel="alternate" type="application/rss+xml" )"
       R"x(href="javascript:alert(1)">)x",
       {}},
      {"", {}},
      {"<p>no head at all", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(discover_feeds(c.html, "https://site.example/news/index.html"), c.expected) << c.html;
  }
}

TEST(Autodiscovery, TellsHtmlFromFeeds) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html>", ""));
  EXPECT_TRUE(looks_like_html("\n  <HTML lang=en>", "application/octet-stream"));
  EXPECT_TRUE(looks_like_html("anything", "text/html"));
  EXPECT_FALSE(looks_like_html("<?xml version=\"1.0\"?><rss/>", "text/xml"));
  EXPECT_FALSE(looks_like_html("{\"version\": \"https://jsonfeed.org/version/1.1\"}", ""));
}

}  // namespace
}  // namespace lede::update

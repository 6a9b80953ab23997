// Table tests of URL resolution, hosts and canonical links (indexer/url.hpp).
#include "indexer/url.hpp"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lede::url {
namespace {

struct ResolveCase {
  std::string base, reference, expected;
};

void check_resolve(const std::vector<ResolveCase>& cases) {
  for (const ResolveCase& c : cases) {
    EXPECT_EQ(resolve(c.base, c.reference), c.expected)
        << "base: " << c.base << " reference: " << c.reference;
  }
}

TEST(UrlResolve, FollowsRfc3986NormalExamples) {
  // RFC 3986 §5.4.1, base "http://a/b/c/d;p?q".
  const std::string base = "http://a/b/c/d;p?q";
  check_resolve({
      {base, "g:h", "g:h"},
      {base, "g", "http://a/b/c/g"},
      {base, "./g", "http://a/b/c/g"},
      {base, "g/", "http://a/b/c/g/"},
      {base, "/g", "http://a/g"},
      {base, "//g", "http://g"},
      {base, "?y", "http://a/b/c/d;p?y"},
      {base, "g?y", "http://a/b/c/g?y"},
      {base, "#s", "http://a/b/c/d;p?q#s"},
      {base, "g#s", "http://a/b/c/g#s"},
      {base, "g?y#s", "http://a/b/c/g?y#s"},
      {base, ";x", "http://a/b/c/;x"},
      {base, "g;x", "http://a/b/c/g;x"},
      {base, "", "http://a/b/c/d;p?q"},
      {base, ".", "http://a/b/c/"},
      {base, "./", "http://a/b/c/"},
      {base, "..", "http://a/b/"},
      {base, "../", "http://a/b/"},
      {base, "../g", "http://a/b/g"},
      {base, "../..", "http://a/"},
      {base, "../../", "http://a/"},
      {base, "../../g", "http://a/g"},
  });
}

TEST(UrlResolve, FollowsRfc3986AbnormalExamples) {
  // RFC 3986 §5.4.2.
  const std::string base = "http://a/b/c/d;p?q";
  check_resolve({
      {base, "../../../g", "http://a/g"},
      {base, "../../../../g", "http://a/g"},
      {base, "/./g", "http://a/g"},
      {base, "/../g", "http://a/g"},
      {base, "g.", "http://a/b/c/g."},
      {base, ".g", "http://a/b/c/.g"},
      {base, "g..", "http://a/b/c/g.."},
      {base, "..g", "http://a/b/c/..g"},
      {base, "./../g", "http://a/b/g"},
      {base, "./g/.", "http://a/b/c/g/"},
      {base, "g/./h", "http://a/b/c/g/h"},
      {base, "g/../h", "http://a/b/c/h"},
      {base, "g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {base, "g;x=1/../y", "http://a/b/c/y"},
      {base, "g?y/./x", "http://a/b/c/g?y/./x"},
      {base, "g#s/../x", "http://a/b/c/g#s/../x"},
  });
}

TEST(UrlResolve, HandlesWhatFeedsWrite) {
  check_resolve({
      {"https://example.org/feed.xml", "/2024/05/story.html",
       "https://example.org/2024/05/story.html"},
      {"https://example.org/news/feed.xml", "story.html", "https://example.org/news/story.html"},
      {"https://example.org", "story", "https://example.org/story"},
      {"https://example.org/feed", "https://other.example/x", "https://other.example/x"},
      {"", "https://other.example/x", "https://other.example/x"},
      {"https://example.org/", "  /padded  ", "https://example.org/padded"},
      {"https://example.org/", "a b/\u00fc", "https://example.org/a%20b/%C3%BC"},
      {"https://example.org/", "line\nbreak", "https://example.org/linebreak"},
      // Nothing usable: a relative reference without an absolute base.
      {"", "relative/path", ""},
      {"", "", ""},
      {"not a base", "story", ""},
  });
}

TEST(UrlIsHttp, AcceptsOnlyAbsoluteHttpWithAHost) {
  EXPECT_TRUE(is_http("http://example.org"));
  EXPECT_TRUE(is_http("https://example.org/a?b#c"));
  EXPECT_TRUE(is_http("HTTPS://Example.org/"));
  EXPECT_TRUE(is_http("  http://example.org/  "));
  EXPECT_FALSE(is_http(""));
  EXPECT_FALSE(is_http("example.org"));
  EXPECT_FALSE(is_http("/relative"));
  EXPECT_FALSE(is_http("//example.org/x"));
  EXPECT_FALSE(is_http("http:///path-only"));
  EXPECT_FALSE(is_http("ftp://example.org/"));
  EXPECT_FALSE(is_http("file:///etc/passwd"));
  EXPECT_FALSE(is_http("javascript:alert(1)"));
  EXPECT_FALSE(is_http("data:text/html,hi"));
  EXPECT_FALSE(is_http("mailto:a@example.org"));
}

TEST(UrlHost, IsLowerCasedWithoutPort) {
  EXPECT_EQ(host("https://Example.ORG:8443/x"), "example.org");
  EXPECT_EQ(host("http://user:pw@news.example.org/"), "news.example.org");
  EXPECT_EQ(host("http://[::1]:8080/"), "[::1]");
  EXPECT_EQ(host("http://127.0.0.1/x"), "127.0.0.1");
  EXPECT_EQ(host("/relative"), "");
  EXPECT_EQ(host(""), "");
  EXPECT_EQ(host("mailto:a@example.org"), "");
}

struct CanonicalCase {
  std::string input;
  std::optional<std::string> expected;
};

TEST(UrlCanonical, NormalisesIdentityParts) {
  const std::vector<CanonicalCase> cases = {
      {"http://example.com/a", "http://example.com/a"},
      {"HTTP://Example.COM/Path", "http://example.com/Path"},  // the path keeps its case
      {"https://example.com", "https://example.com/"},
      {"https://example.com?x=1", "https://example.com/?x=1"},
      {"http://example.com:80/a", "http://example.com/a"},
      {"https://example.com:443/a", "https://example.com/a"},
      {"http://example.com:8080/a", "http://example.com:8080/a"},
      {"https://example.com:80/a", "https://example.com:80/a"},
      {"http://example.com/a#section-2", "http://example.com/a"},
      {"http://example.com/a?", "http://example.com/a"},
      {"http://example.com/a/./b/../c", "http://example.com/a/c"},
      {"http://example.com/%7euser/%2fslash", "http://example.com/~user/%2Fslash"},
      {"http://example.com/a b", "http://example.com/a%20b"},
      {"  https://example.com/x  ", "https://example.com/x"},
      {"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
      {"https://user@example.com/x", "https://user@example.com/x"},
  };
  for (const CanonicalCase& c : cases) {
    EXPECT_EQ(canonical(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(UrlCanonical, DropsTrackingParametersAndKeepsTheRestInOrder) {
  const std::vector<CanonicalCase> cases = {
      {"https://e.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "https://e.com/a"},
      {"https://e.com/a?id=7&utm_source=rss&page=2", "https://e.com/a?id=7&page=2"},
      {"https://e.com/a?UTM_Source=rss&id=7", "https://e.com/a?id=7"},
      {"https://e.com/a?fbclid=1&gclid=2&dclid=3&msclkid=4&b=1", "https://e.com/a?b=1"},
      {"https://e.com/a?mc_cid=1&mc_eid=2&igshid=3&_ga=4&yclid=5&ref_src=6", "https://e.com/a"},
      {"https://e.com/a?z=1&a=2&m=3", "https://e.com/a?z=1&a=2&m=3"},  // order kept
      {"https://e.com/a?ref=home&source=x", "https://e.com/a?ref=home&source=x"},
      {"https://e.com/a?q=a%20b&utm_term=x#frag", "https://e.com/a?q=a%20b"},
      {"https://e.com/a?flag&utm_source", "https://e.com/a?flag"},
      {"https://e.com/a?a=1&&b=2", "https://e.com/a?a=1&b=2"},
      {"https://e.com/a?notutm_source=1", "https://e.com/a?notutm_source=1"},
  };
  for (const CanonicalCase& c : cases) {
    EXPECT_EQ(canonical(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(UrlCanonical, RefusesAnythingButHttp) {
  for (const char* input :
       {"", "   ", "javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd",
        "ftp://example.com/a", "data:text/html,<b>x</b>", "mailto:a@example.com",
        "urn:uuid:3241ace2-ca21-dd12-2341-1412ce31fad2", "tag:example.com,2024:1", "/relative/path",
        "example.com/a", "//example.com/a", "http:///no-host"}) {
    EXPECT_EQ(canonical(input), std::nullopt) << "input: " << input;
  }
}

TEST(UrlCanonical, IsIdempotent) {
  for (const char* input :
       {"HTTP://Example.COM:80/a/./b?utm_source=x&k=v#f", "https://e.com", "http://e.com/%7e"}) {
    const std::optional<std::string> once = canonical(input);
    ASSERT_TRUE(once.has_value()) << input;
    EXPECT_EQ(canonical(*once), once) << input;
  }
}

}  // namespace
}  // namespace lede::url

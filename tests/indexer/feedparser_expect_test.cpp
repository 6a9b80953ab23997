// The test-only evaluator of feedparser's Expect: headers (feedparser_expect.hpp).
#include "tests/indexer/feedparser_expect.hpp"

#include <gtest/gtest.h>

namespace lede::test {
namespace {

TEST(FeedparserExpect, PythonLiterals) {
  EXPECT_EQ(python_string("u'a\\'b'"), "a'b");
  EXPECT_EQ(python_string("'Crazy -' + '- x\\n'"), "Crazy -- x\n");
  EXPECT_EQ(python_string("'Freir\\xe4ume'"), "Freiräume");
  EXPECT_EQ(python_string("u'\\u2014'"), "—");
  EXPECT_EQ(python_string("\"and == 'x'\""), "and == 'x'");
  EXPECT_EQ(python_string("entries[0]"), std::nullopt);
  EXPECT_EQ(python_int_tuple("(2003, 12, 31, 10, 14, 55, 2, 365, 0)"),
            (std::vector<long long>{2003, 12, 31, 10, 14, 55, 2, 365, 0}));
  EXPECT_EQ(split_top_level("a == 'x and y' and b", "and").size(), 2u);
  EXPECT_EQ(split_top_level("brand == 1", "and").size(), 1u);
}

struct Fixture {
  feed::Feed feed;
  ParsedSubject subject;
  Fixture() {
    feed.title = "Example &lt;b&gt;";
    feed.link = "http://example.com/";
    feed::Item item;
    item.title = {"Example <b>Atom</b>", true};
    item.guid = "tag:x";
    item.authors = {"Example author (me@example.com)"};
    item.summary = {"safe <b>description</b>", true};
    item.dates = {{"2003-12-31T10:14:55Z", DateSource::updated}};
    feed.items.push_back(item);
    Article a;
    a.title = "Example Atom";
    a.authors = item.authors;
    a.categories = {"cat"};
    subject.feed = &feed;
    subject.articles.push_back(a);
  }
};

TEST(FeedparserExpect, Verdicts) {
  const Fixture f;
  const auto outcome = [&](const char* e) { return evaluate_expectation(e, f.subject).outcome; };
  EXPECT_EQ(outcome("not bozo and entries[0]['title'] == u'Example <b>Atom</b>'"), Outcome::pass);
  EXPECT_EQ(outcome("entries[0]['title'] == 'Other'"), Outcome::fail);
  EXPECT_EQ(outcome("feed['title'] == 'Example <b>'"), Outcome::pass);
  EXPECT_EQ(outcome("entries[0]['description'] == 'safe <b>description</b>'"), Outcome::pass);
  EXPECT_EQ(outcome("entries[0]['author_detail']['name'] == 'Example author'"), Outcome::pass);
  EXPECT_EQ(outcome("entries[0]['updated_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)"),
            Outcome::pass);
  EXPECT_EQ(outcome("entries[0]['updated_parsed'] == (2004, 12, 31, 10, 14, 55, 2, 365, 0)"),
            Outcome::fail);
  EXPECT_EQ(outcome("entries[0]['tags'][0]['term'] == 'cat'"), Outcome::pass);
  EXPECT_EQ(outcome("entries[1]['title'] == 'missing entry'"), Outcome::fail);
  // Not covered: bozo alone, other operators, names lede does not model.
  EXPECT_EQ(outcome("not bozo"), Outcome::not_covered);
  EXPECT_EQ(outcome("len(entries) == 1"), Outcome::not_covered);
  EXPECT_EQ(outcome("entries[0]['itunes_block'] == 1"), Outcome::not_covered);
  EXPECT_EQ(outcome("'x' in entries[0]"), Outcome::not_covered);
  EXPECT_EQ(outcome("entries[0]['title_detail']['language'] == 'en'"), Outcome::not_covered);
  // One failing covered clause fails the expectation; uncovered ones are ignored.
  EXPECT_EQ(outcome("feed['itunes_x'] == 1 and entries[0]['id'] == 'tag:y'"), Outcome::fail);
  EXPECT_EQ(outcome("feed['itunes_x'] == 1 and entries[0]['id'] == 'tag:x'"), Outcome::pass);
}

}  // namespace
}  // namespace lede::test

// The document data: every field survives the round trip, added fields are skipped by older
// readers, and damaged data is refused with an error instead of read past its end.
#include "common/stored_article.hpp"

#include <gtest/gtest.h>

#include "common/error.hpp"

namespace lede {
namespace {

Article full_article() {
  Article a;
  a.id = "https://news.example/2024/05/01/rates";
  a.title = "Rates \"held\" — café, 日本";
  a.link = a.id;
  a.guid = "urn:uuid:1234";
  a.authors = {"Jane Doe", "", "J. Smith"};
  a.categories = {"Economy", "Central banks"};
  a.source = "Example News";
  a.feed = "3f2a9c0d5e6b7a81";
  a.host = "news.example";
  a.language = "en";
  a.summary = "Short.";
  a.body = std::string(300, 'x') + "\n\nSecond paragraph with a tab\tand a NUL \0 byte";
  a.body += std::string("\0end", 4);
  a.published = -86'400 * 365;  // before 1970
  a.date_source = DateSource::dc_date;
  a.future_date = true;
  return a;
}

void expect_same(const Article& a, const Article& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.link, b.link);
  EXPECT_EQ(a.guid, b.guid);
  EXPECT_EQ(a.authors, b.authors);
  EXPECT_EQ(a.categories, b.categories);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.feed, b.feed);
  EXPECT_EQ(a.host, b.host);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.summary, b.summary);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.date_source, b.date_source);
  EXPECT_EQ(a.future_date, b.future_date);
}

TEST(StoredArticleTest, EveryFieldRoundTrips) {
  const Article a = full_article();
  expect_same(decode_document_data(encode_document_data(a)), a);
}

TEST(StoredArticleTest, AnEmptyArticleRoundTrips) {
  const Article empty;
  expect_same(decode_document_data(encode_document_data(empty)), empty);
}

TEST(StoredArticleTest, InvalidUtf8IsStoredAsReplacementCharacters) {
  Article a;
  a.title = "bad \xFF byte";
  EXPECT_EQ(decode_document_data(encode_document_data(a)).title, "bad \xEF\xBF\xBD byte");
}

TEST(StoredArticleTest, AFieldAddedLaterIsSkipped) {
  const Article a = full_article();
  std::string data = encode_document_data(a);
  data += '\x7F';  // an unknown tag, with a 3-byte payload
  data += '\x03';
  data += "new";
  expect_same(decode_document_data(data), a);
}

TEST(StoredArticleTest, DamagedDataIsRefused) {
  const std::string data = encode_document_data(full_article());
  EXPECT_THROW(decode_document_data(""), Error);
  EXPECT_THROW(decode_document_data(R"({"id":"x"})"), Error);  // JSON: schema version 1
  for (const std::size_t cut : {std::size_t{2}, data.size() / 2, data.size() - 1}) {
    EXPECT_THROW(decode_document_data(std::string_view(data).substr(0, cut)), Error) << cut;
  }
}

}  // namespace
}  // namespace lede

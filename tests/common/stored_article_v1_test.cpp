// The document data of schema version 1 (a JSON object), read by rebuild: every key of the
// record version 1 wrote, the current format read as before, and anything else refused.
#include "common/stored_article_v1.hpp"

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "common/stored_article.hpp"

namespace lede {
namespace {

// A record exactly as version 1's encoder wrote it (nlohmann-json, keys in its order).
constexpr std::string_view version1_record =
    R"({"authors":["Jane Doe","J. Smith"],"body":"First.\n\nSecond.","categories":["Economy"],)"
    R"("date_source":"dc:date","feed":"3f2a9c0d5e6b7a81","future_date":true,)"
    R"("guid":"urn:uuid:1234","host":"news.example","id":"https://news.example/rates",)"
    R"("lang":"fr","link":"https://news.example/rates","published":-31536000,)"
    R"("source":"Example News","summary":"First.","title":"Rates \"held\" — café"})";

TEST(StoredArticleV1Test, EveryKeyOfAVersion1RecordIsRead) {
  const Article a = decode_document_data_of_any_version(version1_record);
  EXPECT_EQ(a.id, "https://news.example/rates");
  EXPECT_EQ(a.title, "Rates \"held\" — café");
  EXPECT_EQ(a.link, "https://news.example/rates");
  EXPECT_EQ(a.guid, "urn:uuid:1234");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe", "J. Smith"}));
  EXPECT_EQ(a.categories, (std::vector<std::string>{"Economy"}));
  EXPECT_EQ(a.source, "Example News");
  EXPECT_EQ(a.feed, "3f2a9c0d5e6b7a81");
  EXPECT_EQ(a.host, "news.example");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.summary, "First.");
  EXPECT_EQ(a.body, "First.\n\nSecond.");
  EXPECT_EQ(a.published, -31536000);
  EXPECT_EQ(a.date_source, DateSource::dc_date);
  EXPECT_TRUE(a.future_date);
  // Re-encoded in the current format, it reads back the same.
  const Article again = decode_document_data(encode_document_data(a));
  EXPECT_EQ(again.body, a.body);
  EXPECT_EQ(again.feed, a.feed);
  EXPECT_EQ(again.published, a.published);
}

TEST(StoredArticleV1Test, MissingKeysAreEmptyAsVersion1ReadThem) {
  const Article a = decode_document_data_of_any_version(R"({"id":"x","title":"T"})");
  EXPECT_EQ(a.id, "x");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.feed, "");
  EXPECT_EQ(a.published, 0);
  EXPECT_EQ(a.date_source, DateSource::first_seen);
  EXPECT_FALSE(a.future_date);
}

TEST(StoredArticleV1Test, TheCurrentFormatIsReadAsItIs) {
  Article a;
  a.id = "https://news.example/a";
  a.title = "{not JSON}";
  a.feed = "0123456789abcdef";
  const Article b = decode_document_data_of_any_version(encode_document_data(a));
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.title, a.title);
  EXPECT_EQ(b.feed, a.feed);
}

TEST(StoredArticleV1Test, AnythingElseIsRefused) {
  for (const std::string_view bad :
       {std::string_view(""), std::string_view("not JSON"), std::string_view("{\"id\":"),
        std::string_view(R"({"id":["a list"]})"), std::string_view(R"({"published":"soon"})")}) {
    EXPECT_THROW(decode_document_data_of_any_version(bad), Error) << bad;
  }
}

}  // namespace
}  // namespace lede

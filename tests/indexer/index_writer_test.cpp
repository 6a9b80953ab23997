// IndexWriter: idempotent re-indexing, replacement of changed items, counts, batch commits.
#include "indexer/index_writer.hpp"

#include <gtest/gtest.h>

#include "common/database.hpp"
#include "common/dates.hpp"
#include "common/stored_article.hpp"
#include "indexer/document_builder.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

Article article(int n, const std::string& title) {
  Article a;
  a.id = "https://news.example/" + std::to_string(n);
  a.link = a.id;
  a.title = title;
  a.body = "Body of story " + std::to_string(n) + ".";
  a.source = "Example News";
  a.host = "news.example";
  a.language = "en";
  a.published = dates::from_civil(2024, 5, 1) + n * 60;
  a.date_source = DateSource::published;
  return a;
}

Article stored(const Xapian::Database& db, const Article& a) {
  const std::string term = DocumentBuilder::unique_term(a.id);
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) throw std::runtime_error("not stored: " + a.id);
  return decode_document_data(db.get_document(*it).get_data());
}

class IndexWriterTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::string path = (dir / "db").string();
  Xapian::WritableDatabase db = open_for_writing(path);
};

TEST_F(IndexWriterTest, SameArticlesTwiceLeaveTheSameDocumentsAndCountUnchanged) {
  {
    IndexWriter writer(db);
    for (int n = 0; n < 5; ++n)
      EXPECT_EQ(writer.write(article(n, "Story")), IndexWriter::Outcome::added);
    writer.commit();
    EXPECT_EQ(writer.counts().added, 5u);
  }
  const Xapian::docid last_docid = db.get_lastdocid();
  IndexWriter again(db);
  for (int n = 0; n < 5; ++n) {
    EXPECT_EQ(again.write(article(n, "Story")), IndexWriter::Outcome::unchanged);
  }
  again.commit();
  EXPECT_EQ(db.get_doccount(), 5u);
  EXPECT_EQ(again.counts().unchanged, 5u);
  EXPECT_EQ(again.counts().added + again.counts().updated, 0u);
  EXPECT_EQ(db.get_lastdocid(), last_docid);  // unchanged writes nothing at all
}

TEST_F(IndexWriterTest, AChangedItemReplacesTheOldOne) {
  IndexWriter writer(db);
  writer.write(article(1, "Rates cut"));
  writer.write(article(2, "Other"));
  writer.commit();
  EXPECT_EQ(writer.write(article(1, "Rates held at 4%")), IndexWriter::Outcome::updated);
  writer.commit();
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(writer.counts().updated, 1u);
  EXPECT_EQ(stored(db, article(1, "")).title, "Rates held at 4%");
  // The old title's words are gone from the index, the new ones are there.
  EXPECT_EQ(db.get_termfreq("Scut"), 0u);
  EXPECT_EQ(db.get_termfreq("4"), 1u);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("S4"));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

TEST_F(IndexWriterTest, DuplicatesWithinOneBatchAreSeenBeforeCommit) {
  IndexWriter writer(db, /*batch_size=*/100);
  EXPECT_EQ(writer.write(article(7, "Same")), IndexWriter::Outcome::added);
  EXPECT_EQ(writer.write(article(7, "Same")), IndexWriter::Outcome::unchanged);
  EXPECT_EQ(writer.write(article(7, "Changed")), IndexWriter::Outcome::updated);
  writer.commit();
  EXPECT_EQ(db.get_doccount(), 1u);
}

TEST_F(IndexWriterTest, UndatedItemsKeepTheTimeFirstSeen) {
  IndexWriter writer(db);
  Article a = article(3, "Undated");
  a.date_source = DateSource::first_seen;
  a.published = dates::from_civil(2024, 6, 1);
  writer.write(a);
  a.published = dates::from_civil(2024, 6, 2);  // seen again a day later
  EXPECT_EQ(writer.write(a), IndexWriter::Outcome::unchanged);
  writer.commit();
  EXPECT_EQ(stored(db, a).published, dates::from_civil(2024, 6, 1));
}

TEST_F(IndexWriterTest, CommitsEveryBatchSoAnotherReaderSeesThem) {
  IndexWriter writer(db, /*batch_size=*/3);
  for (int n = 0; n < 7; ++n) writer.write(article(n, "Story"));
  // Two batches of 3 are committed; the 7th waits for commit().
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 6u);
  writer.commit();
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 7u);
}

TEST_F(IndexWriterTest, FailedInputsAreRememberedUntilTheySucceed) {
  IndexWriter writer(db);
  writer.note_failure("https://a.example/feed", "https://a.example/feed: HTTP 404 Not Found");
  writer.commit();
  EXPECT_EQ(db.get_metadata(std::string(failed_input_key_prefix) + "https://a.example/feed"),
            "https://a.example/feed: HTTP 404 Not Found");
  writer.note_success("https://a.example/feed");
  writer.commit();
  EXPECT_EQ(db.get_metadata(std::string(failed_input_key_prefix) + "https://a.example/feed"), "");
}

}  // namespace
}  // namespace lede

// A search whose revision a writer overwrote (Xapian::DatabaseModifiedError) reopens the
// database and runs again: provoked deterministically by committing twice while a reader holds
// an older revision, as xapian-core's own test databasemodified1 does.
#include <gtest/gtest.h>

#include "query/search.hpp"
#include "tests/query/tiny_archive.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede::query {
namespace {

const UnixSeconds now = dates::from_civil(2024, 6, 30, 12);

std::vector<Article> stories(int first, int count, const std::string& words) {
  std::vector<Article> out;
  for (int i = first; i < first + count; ++i) {
    out.push_back(test::make_article(
        "s" + std::to_string(i), "Harbour story " + std::to_string(i),
        "The harbour " + words + " report number " + std::to_string(i) + ".", now - 3600 * i));
  }
  return out;
}

// Adds (or replaces) `articles` through an open writer and commits.
void write(Xapian::WritableDatabase& writer, const std::vector<Article>& articles) {
  DocumentBuilder builder(&writer);
  for (const Article& article : articles) {
    writer.replace_document(DocumentBuilder::unique_term(article.id), builder.build(article));
  }
  writer.commit();
}

SearchRequest harbour() {
  SearchRequest request;
  request.text = "harbour";
  request.now = now;
  request.exact_count = true;
  return request;
}

TEST(SearchDuringWrites, AnOverwrittenRevisionIsReopenedAndTheSearchRunsAgain) {
  test::TempDir dir;
  const std::string path = (dir / "db").string();
  test::write_archive(path, stories(0, 500, "morning"));

  Xapian::Database reader(path);  // holds the revision of the first commit
  Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
  write(writer, stories(500, 200, "noon"));      // revision + 1: the reader's is kept
  write(writer, stories(0, 500, "evening"));     // revision + 2: the reader's blocks are free
  write(writer, stories(700, 100, "midnight"));  // ... and reused

  // The condition is real: a plain Enquire on the reader fails as Xapian documents.
  Xapian::Enquire raw(reader);
  raw.set_query(Xapian::Query("harbour"));
  ASSERT_THROW(raw.get_mset(0, 10, 1000), Xapian::DatabaseModifiedError)
      << "the writer did not overwrite the reader's revision: this test would prove nothing";

  const SearchResult result = search(reader, harbour());
  EXPECT_EQ(result.reopened, 1u);
  EXPECT_EQ(result.estimated_matches, 800u);  // the latest revision, not the one first opened
  ASSERT_FALSE(result.hits.empty());
  // The replaced stories are read as the writer left them, never a mix of revisions.
  EXPECT_EQ(reader.get_doccount(), 800u);
}

TEST(SearchDuringWrites, AnUntouchedRevisionIsSearchedWithoutReopening) {
  test::TempDir dir;
  const std::string path = (dir / "db").string();
  test::write_archive(path, stories(0, 50, "morning"));
  Xapian::Database reader(path);
  Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
  write(writer, stories(50, 10, "noon"));  // one commit: the reader's revision survives

  const SearchResult result = search(reader, harbour());
  EXPECT_EQ(result.reopened, 0u);
  EXPECT_EQ(result.estimated_matches, 50u);  // the revision it opened, consistently
}

}  // namespace
}  // namespace lede::query

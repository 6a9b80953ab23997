// SpellingBatch: the spelling data IndexWriter adds at commit is exactly what Xapian's
// TermGenerator (FLAG_SPELLING) adds word by word: the same words with the same frequencies.
#include "indexer/spelling_batch.hpp"

#include <map>

#include <gtest/gtest.h>

#include "common/database.hpp"
#include "common/dates.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/index_writer.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

std::vector<Article> articles() {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"Oil prices rise", "Crude oil prices rose 3% on Monday. OPEC's ministers meet in Vienna."},
      {"U.S. rates", "The U.S. Federal Reserve kept rates at 5.25%; AT&T and C++ fans cheered."},
      {"Oil, again", "Oil oil OIL: prices, prices and more prices. Café owners in Zürich agree."},
      {"A", "x y z a b c — the the the"},
  };
  std::vector<Article> out;
  for (std::size_t n = 0; n < texts.size(); ++n) {
    Article a;
    a.id = "https://news.example/" + std::to_string(n);
    a.title = texts[n].first;
    a.body = texts[n].second;
    a.summary = n == 1 ? "A summary that the body does not contain." : "";
    a.authors = {"Jane Doe"};
    a.source = "Example News";
    a.language = n == 2 ? "de" : "en";
    a.published = dates::from_civil(2024, 5, 1) + static_cast<UnixSeconds>(n) * 60;
    out.push_back(a);
  }
  return out;
}

std::map<std::string, Xapian::doccount> spellings(const Xapian::Database& db) {
  std::map<std::string, Xapian::doccount> out;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    out[*it] = it.get_termfreq();
  }
  return out;
}

TEST(SpellingBatchTest, IndexWriterRecordsWhatTheTermGeneratorWould) {
  test::TempDir dir;
  Xapian::WritableDatabase by_generator = open_for_writing((dir / "generator").string());
  DocumentBuilder builder(&by_generator);  // FLAG_SPELLING: one add_spelling per occurrence
  for (const Article& a : articles()) by_generator.add_document(builder.build(a));
  by_generator.commit();

  Xapian::WritableDatabase by_writer = open_for_writing((dir / "writer").string());
  IndexWriter writer(by_writer, 3);  // a commit inside the run, and one at the end
  for (const Article& a : articles()) writer.write(a);
  writer.commit();

  const auto expected = spellings(by_generator);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(expected.at("prices"), 5u);
  EXPECT_EQ(spellings(by_writer), expected);
  EXPECT_EQ(by_writer.get_spelling_suggestion("pricse"), "prices");
}

TEST(SpellingBatchTest, CountsOnlyUnprefixedWordsAndForgetsThemOnceFlushed) {
  Xapian::Document doc;
  doc.add_posting("oil", 1);
  doc.add_posting("oil", 7);
  doc.add_posting("Soil", 1);          // a prefixed (title) term
  doc.add_term("Zoil");                // a stem
  doc.add_boolean_term("Qhttps://x");  // an id
  SpellingBatch batch;
  batch.add_words_of(doc);
  EXPECT_EQ(batch.distinct_words(), 1u);

  test::TempDir dir;
  Xapian::WritableDatabase db = open_for_writing((dir / "db").string());
  batch.flush_into(db);
  db.commit();
  EXPECT_EQ(batch.distinct_words(), 0u);
  EXPECT_EQ(spellings(db), (std::map<std::string, Xapian::doccount>{{"oil", 2}}));
}

}  // namespace
}  // namespace lede

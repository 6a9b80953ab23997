// The ingest pipeline as a library call: problems reported and counted, interrupts keep work.
#include "indexer/ingest.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "common/database.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;

void write_feed(const fs::path& path, const std::string& name, int items) {
  std::ostringstream out;
  out << "<rss version=\"2.0\"><channel><title>" << name << "</title>";
  for (int i = 0; i < items; ++i) {
    out << "<item><title>" << name << " " << i << "</title><link>https://ingest.example/" << name
        << "/" << i << "</link></item>";
  }
  std::ofstream(path) << out.str() << "</channel></rss>";
}

TEST(Ingest, AnInterruptStopsAtTheNextItemAndCommitsWhatWasDone) {
  test::TempDir dir;
  write_feed(dir / "a.xml", "a", 10);
  write_feed(dir / "b.xml", "b", 10);
  const std::string path = (dir / "db").string();
  IngestSummary summary;
  {
    Xapian::WritableDatabase db = open_for_writing(path);
    IngestOptions options;
    options.sources = {(dir / "a.xml").string(), (dir / "b.xml").string()};
    int polls = 0;
    options.should_stop = [&] { return ++polls > 5; };
    summary = ingest(db, options);
  }
  EXPECT_TRUE(summary.interrupted);
  EXPECT_GT(summary.added, 0u);
  EXPECT_LT(summary.added, 20u);
  // Committed: a fresh reader sees exactly what the summary says was added.
  EXPECT_EQ(Xapian::Database(path).get_doccount(), summary.added);
}

TEST(Ingest, ProblemsAreReportedCountedAndTheRunGoesOn) {
  test::TempDir dir;
  write_feed(dir / "good.xml", "good", 2);
  std::ofstream(dir / "bad.xml") << "<rss><channel>";
  std::ofstream(dir / "dump.jsonl") << "{\"title\": \"ok\"}\n[]\n";
  Xapian::WritableDatabase db = open_for_writing((dir / "db").string());
  IngestOptions options;
  options.sources = {(dir / "bad.xml").string(), (dir / "good.xml").string(),
                     (dir / "dump.jsonl").string(), (dir / "nowhere").string()};
  std::vector<std::string> problems;
  options.on_problem = [&](const std::string& p) { problems.push_back(p); };
  std::vector<IngestProgress> progress;
  options.on_progress = [&](const IngestProgress& p) { progress.push_back(p); };
  const IngestSummary s = ingest(db, options);
  EXPECT_EQ(s.added, 3u);
  EXPECT_EQ(s.skipped, 1u);
  EXPECT_EQ(s.sources_ok, 2u);
  EXPECT_EQ(s.sources_failed, 2u);
  EXPECT_FALSE(s.complete());
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0], (dir / "nowhere").string() + ": no such file or folder");
  EXPECT_EQ(problems[1].rfind((dir / "bad.xml").string() + ":", 0), 0u) << problems[1];
  EXPECT_EQ(problems[2], (dir / "dump.jsonl").string() + ":2: not a JSON object");
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().sources_done, 4u);
  EXPECT_EQ(progress.back().sources_total, 4u);
  EXPECT_EQ(progress.back().articles, 3u);
}

}  // namespace
}  // namespace lede

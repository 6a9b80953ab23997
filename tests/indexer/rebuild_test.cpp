// rebuild and compact as library calls: the same archive afterwards, one article once, the
// metadata carried over, the lock held, and a live database untouched by a run that stops.
#include "indexer/rebuild.hpp"

#include <atomic>
#include <fstream>
#include <functional>
#include <memory>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/database.hpp"
#include "common/error.hpp"
#include "common/generation.hpp"
#include "common/schema.hpp"
#include "common/stored_article.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/ingest.hpp"
#include "indexer/parallel_index.hpp"
#include "tests/support/archive_snapshot.hpp"
#include "tests/support/sample_archive.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;
using Kind = generation::Layout::Kind;
using test::snapshot;

constexpr int sample_feeds = 12;
constexpr int sample_items = 40;

class Rebuild : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_sample_feeds(feeds, sample_feeds, sample_items);
    Xapian::WritableDatabase live = open_for_writing(db.string());
    IngestOptions options;
    options.sources = {feeds.string()};
    ASSERT_TRUE(ingest(live, options).complete());
    live.set_metadata("lede.feed:https://wire.example/feed", R"({"name":"Wire"})");
    live.set_metadata("lede.failed:/gone/feed.xml", "/gone/feed.xml: no such file or folder");
    live.set_metadata("other.tool:key", "kept as it is");
    live.add_synonym("cb", "central bank");
    live.commit();
  }

  test::ArchiveSnapshot live_snapshot() const { return snapshot(open_for_reading(db.string())); }

  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(db)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  RebuildSummary rebuild_stored(std::size_t workers, SwitchCallbacks callbacks = {}) {
    RebuildOptions options;
    options.db = db.string();
    options.workers = workers;
    options.callbacks = std::move(callbacks);
    return rebuild(options);
  }

  // Turns the live archive into one as lede's schema version 1 left it: the document data of
  // every article a JSON object (as version 1 wrote it), the version recorded 1. `change`
  // edits each article first.
  void make_version1_archive(const std::function<void(Article&)>& change = {}) {
    Xapian::WritableDatabase live = open_for_writing(db.string());
    for (auto it = live.postlist_begin(""); it != live.postlist_end(""); ++it) {
      Article article = decode_document_data(live.get_document(*it).get_data());
      if (change) change(article);
      Xapian::Document document = live.get_document(*it);
      document.set_data(version1_data(article));
      live.replace_document(*it, document);
    }
    live.set_metadata("lede.schema_version", "1");
    live.commit();
  }

  // Version 1's encoder (common/stored_article.cpp before schema version 2).
  static std::string version1_data(const Article& a) {
    nlohmann::json j = {
        {"id", a.id},
        {"title", a.title},
        {"link", a.link},
        {"guid", a.guid},
        {"authors", a.authors},
        {"categories", a.categories},
        {"source", a.source},
        {"host", a.host},
        {"lang", a.language},
        {"summary", a.summary},
        {"body", a.body},
        {"published", a.published},
        {"date_source", to_string(a.date_source)},
        {"future_date", a.future_date},
    };
    if (!a.feed.empty()) j["feed"] = a.feed;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  test::TempDir dir;
  fs::path feeds = dir / "feeds";
  fs::path db = dir / "db";
};

TEST_F(Rebuild, FromTheStoredArticlesGivesTheSameArchiveWithAnyNumberOfWorkers) {
  const test::ArchiveSnapshot before = live_snapshot();
  ASSERT_EQ(before.doccount, unsigned(sample_feeds * sample_items));
  ASSERT_FALSE(before.spelling.empty());
  unsigned generation = 0;
  for (const std::size_t workers : {1, 2, 3, 7}) {
    const RebuildSummary summary = rebuild_stored(workers);
    EXPECT_TRUE(summary.switched) << summary.not_switched_because;
    EXPECT_EQ(summary.workers, workers);
    EXPECT_EQ(summary.articles_before, before.doccount);
    EXPECT_EQ(summary.articles_after, before.doccount);
    EXPECT_EQ(summary.indexed, before.doccount);
    EXPECT_EQ(summary.duplicates, 0u);
    EXPECT_EQ(summary.generation, ++generation);
    // Every document (terms, wdf, positions, values, data), the spelling table with its
    // frequencies, the metadata and the synonyms: the same.
    const test::ArchiveSnapshot after = live_snapshot();
    EXPECT_EQ(after.documents.size(), before.documents.size());
    EXPECT_TRUE(after.documents == before.documents) << workers << " workers";
    EXPECT_EQ(after.spelling, before.spelling) << workers << " workers";
    EXPECT_EQ(after.metadata, before.metadata);
    EXPECT_EQ(after.synonyms, before.synonyms);
    // Only the live generation, its stub and the lock file (Xapian's) are left.
    EXPECT_EQ(entries(), (std::vector<std::string>{"XAPIANDB", "flintlock",
                                                   generation::directory_name(generation)}));
  }
}

TEST_F(Rebuild, CompactKeepsEverythingAndShrinksTheDatabase) {
  const test::ArchiveSnapshot before = live_snapshot();
  RebuildSummary summary = compact({db.string(), {}});
  EXPECT_TRUE(summary.switched);
  EXPECT_EQ(summary.generation, 1u);
  EXPECT_EQ(summary.articles_after, before.doccount);
  EXPECT_LT(summary.bytes_after, summary.bytes_before);
  EXPECT_TRUE(live_snapshot() == before);
  // Again, on the generation layout.
  summary = compact({db.string(), {}});
  EXPECT_EQ(summary.generation, 2u);
  EXPECT_TRUE(live_snapshot() == before);
  EXPECT_EQ(entries(), (std::vector<std::string>{"XAPIANDB", "flintlock", "gen-000002"}));
}

TEST_F(Rebuild, TheWriterLockIsHeldFromStartToEnd) {
  std::set<RebuildProgress::Phase> phases;
  SwitchCallbacks callbacks;
  callbacks.on_progress = [&](const RebuildProgress& progress) {
    if (!phases.insert(progress.phase).second) return;
    try {
      open_for_writing(db.string());
      ADD_FAILURE() << "a writer got in during phase " << int(progress.phase);
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("database is locked"), std::string::npos) << e.what();
    }
  };
  EXPECT_TRUE(rebuild_stored(2, callbacks).switched);
  EXPECT_EQ(phases.size(), 3u);  // indexing, merging, switching
  phases.clear();
  EXPECT_TRUE(compact({db.string(), callbacks}).switched);
  EXPECT_EQ(phases.size(), 2u);  // merging, switching
  EXPECT_NO_THROW(open_for_writing(db.string()));
}

TEST_F(Rebuild, AnInterruptedRunLeavesTheLiveDatabaseAndNoStaging) {
  const test::ArchiveSnapshot before = live_snapshot();
  const std::vector<std::string> layout = entries();
  auto stop_after = [&](int polls_allowed) {
    SwitchCallbacks callbacks;
    auto polls = std::make_shared<std::atomic<int>>(0);  // the workers poll from their threads
    callbacks.should_stop = [polls, polls_allowed] { return ++*polls > polls_allowed; };
    return rebuild_stored(2, callbacks);
  };
  // Before the first article, half-way through the workers, and at every later point the run
  // looks: after indexing (one poll per stored article), after removing duplicates, after
  // merging, after moving the new database into place; the next one is past the switch.
  std::vector<int> points = {0, 3, 50, sample_feeds * sample_items / 2};
  for (int p = sample_feeds * sample_items - 2; p < sample_feeds * sample_items + 10; ++p) {
    points.push_back(p);
  }
  bool switched = false;
  int interrupted_late = 0;
  for (const int polls_allowed : points) {
    const RebuildSummary summary = stop_after(polls_allowed);
    if (summary.switched) {
      switched = true;
      break;
    }
    EXPECT_TRUE(summary.interrupted) << polls_allowed;
    EXPECT_EQ(summary.generation, 0u);
    EXPECT_EQ(entries(), layout) << polls_allowed;
    EXPECT_TRUE(live_snapshot() == before) << polls_allowed;
    if (polls_allowed >= sample_feeds * sample_items) ++interrupted_late;
  }
  EXPECT_TRUE(switched);
  EXPECT_EQ(interrupted_late, 4);  // after indexing, duplicates, merging, moving into place
  EXPECT_TRUE(live_snapshot() == before);
}

TEST_F(Rebuild, LeftoversOfAKilledRunAreRemovedByTheNextRun) {
  ASSERT_TRUE(rebuild_stored(1).switched);  // generation 1
  fs::create_directories(db / "staging-000002" / "part-1");
  std::ofstream(db / "staging-000002" / "part-1" / "postlist.glass") << "half";
  fs::create_directories(db / "gen-000002");  // moved into place, never switched to
  std::ofstream(db / "XAPIANDB.tmp") << "auto gen-0000";
  std::ofstream(db / "termlist.glass") << "a plain database's file, left after the switch";
  const RebuildSummary summary = compact({db.string(), {}});
  EXPECT_EQ(summary.leftovers_removed, 4u);
  EXPECT_EQ(summary.generation, 2u);
  EXPECT_EQ(entries(), (std::vector<std::string>{"XAPIANDB", "flintlock", "gen-000002"}));
}

TEST_F(Rebuild, AStubBesideAPlainDatabaseIsALeftoverToo) {
  fs::create_directories(db / "gen-000001");
  std::ofstream(db / "XAPIANDB") << "auto gen-000001\n";  // switch written, iamglass not removed
  EXPECT_EQ(generation::resolve(db).kind, Kind::plain);
  const RebuildSummary summary = rebuild_stored(2);
  EXPECT_EQ(summary.leftovers_removed, 2u);
  EXPECT_EQ(summary.generation, 1u);
  EXPECT_EQ(summary.articles_after, unsigned(sample_feeds * sample_items));
}

TEST_F(Rebuild, FromSourcesEachArticleIsKeptOnceAndUndatedOnesKeepTheirFirstSeenTime) {
  // Undated articles were first seen long ago, by a lede of schema version 1.
  make_version1_archive([](Article& article) {
    if (article.date_source == DateSource::first_seen) article.published = 1000000000;
  });
  // The same feed twice, under two names that sort far apart: two different workers read it.
  fs::copy_file(feeds / "sample-001.xml", feeds / "zz-copy-of-001.xml");
  RebuildOptions options;
  options.db = db.string();
  options.sources = {feeds.string()};
  options.workers = 3;
  const RebuildSummary summary = rebuild(options);
  ASSERT_TRUE(summary.switched) << summary.not_switched_because;
  EXPECT_TRUE(summary.from_sources);
  EXPECT_EQ(summary.sources_ok, unsigned(sample_feeds + 1));
  EXPECT_EQ(summary.indexed, unsigned((sample_feeds + 1) * sample_items));
  EXPECT_EQ(summary.duplicates, unsigned(sample_items));
  EXPECT_EQ(summary.articles_after, unsigned(sample_feeds * sample_items));

  const Xapian::Database rebuilt = open_for_reading(db.string());
  EXPECT_EQ(test::repeated_unique_terms(rebuilt), std::vector<std::string>{});
  std::size_t undated = 0;
  for (auto it = rebuilt.postlist_begin(""); it != rebuilt.postlist_end(""); ++it) {
    const Article article = decode_document_data(rebuilt.get_document(*it).get_data());
    if (article.date_source != DateSource::first_seen) continue;
    ++undated;
    EXPECT_EQ(article.published, 1000000000) << article.id;
  }
  EXPECT_EQ(undated, unsigned(sample_feeds * sample_items / 5));
  // Subscriptions and notes on inputs this rebuild did not read are carried over.
  EXPECT_EQ(rebuilt.get_metadata("lede.feed:https://wire.example/feed"), R"({"name":"Wire"})");
  EXPECT_EQ(rebuilt.get_metadata("lede.failed:/gone/feed.xml"),
            "/gone/feed.xml: no such file or folder");
  EXPECT_EQ(rebuilt.get_metadata("other.tool:key"), "kept as it is");
  EXPECT_EQ(rebuilt.get_metadata("lede.schema_version"), std::to_string(schema::version));
}

TEST_F(Rebuild, TheNotesOfSourcesTheRebuildReadAreUpdated) {
  {
    Xapian::WritableDatabase live = open_for_writing(db.string());
    const std::string recovered = (feeds / "sample-002.xml").string();
    live.set_metadata("lede.failed:" + recovered, recovered + ": failed once");
    live.commit();
  }
  RebuildOptions options;
  options.db = db.string();
  options.sources = {(feeds / "sample-001.xml").string(), (feeds / "sample-002.xml").string()};
  options.workers = 2;
  const RebuildSummary summary = rebuild(options);
  ASSERT_TRUE(summary.switched);
  EXPECT_EQ(summary.articles_after, unsigned(2 * sample_items));
  const Xapian::Database rebuilt = open_for_reading(db.string());
  EXPECT_EQ(rebuilt.get_metadata("lede.failed:" + (feeds / "sample-002.xml").string()), "");
  EXPECT_EQ(rebuilt.get_metadata("lede.failed:/gone/feed.xml"),
            "/gone/feed.xml: no such file or folder");
}

TEST_F(Rebuild, ASourceThatFailsKeepsTheLiveDatabase) {
  const test::ArchiveSnapshot before = live_snapshot();
  const std::vector<std::string> layout = entries();
  std::vector<std::string> problems;
  RebuildOptions options;
  options.db = db.string();
  options.sources = {feeds.string(), (dir / "missing.xml").string()};
  options.workers = 2;
  options.callbacks.on_problem = [&](const std::string& p) { problems.push_back(p); };
  const RebuildSummary summary = rebuild(options);
  EXPECT_FALSE(summary.switched);
  EXPECT_FALSE(summary.interrupted);
  EXPECT_EQ(summary.not_switched_because, "1 source failed");
  EXPECT_EQ(summary.sources_failed, 1u);
  EXPECT_EQ(problems, (std::vector<std::string>{(dir / "missing.xml").string() +
                                                ": no such file or folder"}));
  EXPECT_EQ(entries(), layout);
  EXPECT_TRUE(live_snapshot() == before);
}

TEST_F(Rebuild, AnUnreadableStoredArticleKeepsTheLiveDatabase) {
  {
    Xapian::WritableDatabase live = open_for_writing(db.string());
    Xapian::Document broken = live.get_document(7);
    broken.set_data("not JSON");
    live.replace_document(7, broken);
    live.commit();
  }
  std::vector<std::string> problems;
  SwitchCallbacks callbacks;
  callbacks.on_problem = [&](const std::string& p) { problems.push_back(p); };
  const RebuildSummary summary = rebuild_stored(2, callbacks);
  EXPECT_FALSE(summary.switched);
  EXPECT_EQ(summary.unreadable, 1u);
  EXPECT_EQ(summary.not_switched_because, "1 stored articles could not be read");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], generation::resolve(db).directory.string() +
                             ": document 7: corrupt document data (unknown format)");
  EXPECT_EQ(generation::resolve(db).kind, Kind::plain);
}

TEST_F(Rebuild, AVersion1ArchiveIsRebuiltIntoWhatThisLedeMakes) {
  const test::ArchiveSnapshot current = live_snapshot();
  make_version1_archive();
  try {
    open_for_reading(db.string());
    ADD_FAILURE() << "a version-1 archive was opened";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("rebuild"), std::string::npos) << e.what();
  }
  const RebuildSummary summary = rebuild_stored(2);
  ASSERT_TRUE(summary.switched) << summary.not_switched_because;
  EXPECT_EQ(summary.unreadable, 0u);
  // Document for document (data in this version's format), spelling, metadata (with this
  // version) and synonyms: what `add` made of the same feeds.
  EXPECT_TRUE(live_snapshot() == current);
}

TEST_F(Rebuild, AnUnknownSchemaVersionWithThisVersionsDataIsRebuiltToo) {
  {
    Xapian::WritableDatabase live = open_for_writing(db.string());
    live.set_metadata("lede.schema_version", "0");
    live.commit();
  }
  EXPECT_THROW(open_for_reading(db.string()), Error);
  const RebuildSummary summary = rebuild_stored(2);
  ASSERT_TRUE(summary.switched);
  EXPECT_EQ(open_for_reading(db.string()).get_metadata("lede.schema_version"),
            std::to_string(schema::version));
}

TEST_F(Rebuild, AStubOfShardsIsRefused) {
  const fs::path stub = dir / "archive.stub";
  std::ofstream(stub) << "auto db\n";
  RebuildOptions options;
  options.db = stub.string();
  try {
    rebuild(options);
    ADD_FAILURE() << "rebuilt a stub";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("not on a stub file of shards"), std::string::npos)
        << e.what();
  }
}

TEST(RebuildOfNothing, AMissingDatabaseBecomesAnEmptyOne) {
  test::TempDir dir;
  RebuildOptions options;
  options.db = (dir / "new").string();
  options.workers = 4;
  const RebuildSummary summary = rebuild(options);
  EXPECT_TRUE(summary.switched);
  EXPECT_EQ(summary.workers, 1u);
  EXPECT_EQ(summary.articles_after, 0u);
  EXPECT_EQ(open_for_reading(options.db).get_doccount(), 0u);
}

TEST(SplitEvenly, ContiguousNonEmptyRunsOfAboutEqualWeight) {
  using Starts = std::vector<std::size_t>;
  EXPECT_EQ(split_evenly({}, 4), Starts{});
  EXPECT_EQ(split_evenly({5}, 4), Starts{0});
  EXPECT_EQ(split_evenly({1, 1, 1, 1}, 2), (Starts{0, 2}));
  EXPECT_EQ(split_evenly({1, 1, 1, 1}, 4), (Starts{0, 1, 2, 3}));
  EXPECT_EQ(split_evenly({1, 1, 1, 1}, 9), (Starts{0, 1, 2, 3}));
  EXPECT_EQ(split_evenly({100, 1, 1, 1}, 2), (Starts{0, 1}));
  EXPECT_EQ(split_evenly({1, 1, 1, 100}, 2), (Starts{0, 3}));
  EXPECT_EQ(split_evenly({100, 100, 1, 1}, 3), (Starts{0, 1, 2}));
  EXPECT_EQ(split_evenly({3, 3, 3, 3, 3, 3}, 3), (Starts{0, 2, 4}));
  EXPECT_EQ(split_evenly({1, 1, 1}, 0), Starts{0});
}

}  // namespace
}  // namespace lede

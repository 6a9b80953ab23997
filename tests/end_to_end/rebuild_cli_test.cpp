// lede-index rebuild and compact as users run them, while readers read: every query answers,
// with the same answer, across the switches; a SIGKILL at any point leaves the live database
// whole (xapian-check passes, the same articles), and the next run removes what it left.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <xapian.h>

#include "common/database.hpp"
#include "common/error.hpp"
#include "common/generation.hpp"
#include "tests/support/archive_snapshot.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/sample_archive.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_paths.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Kind = generation::Layout::Kind;

test::ProcessResult lede_index(const fs::path& db, std::vector<std::string> args) {
  args.insert(args.begin(), {test::tool_path("indexer", "lede-index"), "--db", db.string()});
  return test::run_process(args);
}

std::vector<std::string> lede_index_argv(const fs::path& db, std::vector<std::string> args) {
  args.insert(args.begin(),
              {test::tool_path("indexer", "lede-index"), "--db", db.string(), "--quiet"});
  return args;
}

// What the database folder holds of Xapian's and the generation layout's files (other files,
// such as a lock of lede-index's own, are not the rebuild's business).
std::vector<std::string> entries(const fs::path& db) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(db)) {
    const std::string name = entry.path().filename().string();
    const bool layout = name.rfind("XAPIANDB", 0) == 0 || name.rfind("gen-", 0) == 0 ||
                        name.rfind("staging-", 0) == 0 || name.rfind("iamglass", 0) == 0 ||
                        name == "flintlock" ||
                        (name.size() > 6 && name.substr(name.size() - 6) == ".glass");
    if (layout) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool has_staging(const fs::path& db) {
  const auto names = entries(db);
  return std::any_of(names.begin(), names.end(),
                     [](const std::string& n) { return n.rfind("staging-", 0) == 0; });
}

// xapian-check on what the path holds: the stub file of a generation layout names the live one.
test::ProcessResult xapian_check(const fs::path& db) {
  const std::string program = test::find_program("xapian-check");
  if (program.empty()) return {127, "", "xapian-check is not installed (scripts/install-deps.sh)"};
  const bool stub = generation::resolve(db).kind == Kind::generations;
  return test::run_process({program, (stub ? db / "XAPIANDB" : db).string()});
}

// What a reader must get before, during and after a rebuild: the same answers.
struct Answers {
  Xapian::doccount articles = 0;
  Xapian::doccount phrase_matches = 0;  ///< needs the position table
  std::string suggestion;               ///< needs the spelling table
  friend bool operator==(const Answers&, const Answers&) = default;
};

struct Questions {
  std::string word;         ///< for lede-query --count
  std::string phrase[2];    ///< two words in a row
  std::string misspelling;  ///< for Xapian's spelling suggestion
};

Answers answers(const Xapian::Database& db, const Questions& q) {
  Answers a;
  a.articles = db.get_doccount();
  Xapian::Enquire enquire(db);
  const Xapian::Query words[] = {Xapian::Query(q.phrase[0]), Xapian::Query(q.phrase[1])};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(words), std::end(words)));
  a.phrase_matches = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  a.suggestion = db.get_spelling_suggestion(q.misspelling);
  return a;
}

std::string query_count(const fs::path& db, const std::string& word) {
  return test::run_process(
             {test::tool_path("query", "lede-query"), "--db", db.string(), "--count", word})
      .out;
}

// Two readers in a loop until stopped: real lede-query processes, and this process opening the
// database afresh each time (many more opens, so many more chances to meet a switch).
class Readers {
 public:
  Readers(fs::path db, Questions questions, Answers expected, std::string expected_count)
      : db_(std::move(db)),
        questions_(std::move(questions)),
        expected_(expected),
        expected_count_(std::move(expected_count)) {
    processes_ = std::thread([this] {
      while (!stop_) {
        const auto r = test::run_process({test::tool_path("query", "lede-query"), "--db",
                                          db_.string(), "--count", questions_.word});
        ++queries_;
        if (r.exit_code != 0 || r.out != expected_count_) {
          fail("lede-query exit " + std::to_string(r.exit_code) + ": " + r.out + r.err);
        }
      }
    });
    opens_ = std::thread([this] {
      while (!stop_) {
        try {
          const Answers got = answers(open_for_reading(db_.string()), questions_);
          ++opens_done_;
          if (!(got == expected_)) {
            fail("open " + std::to_string(opens_done_) + ": " + std::to_string(got.articles) +
                 " articles, " + std::to_string(got.phrase_matches) + " phrase matches, '" +
                 got.suggestion + "'");
          }
        } catch (const std::exception& e) {
          ++opens_done_;
          fail(std::string("open failed: ") + e.what());
        } catch (const Xapian::Error& e) {
          ++opens_done_;
          fail("open failed: " + e.get_description());
        }
      }
    });
  }
  ~Readers() { stop(); }

  void stop() {
    stop_ = true;
    if (processes_.joinable()) processes_.join();
    if (opens_.joinable()) opens_.join();
  }
  std::size_t queries() const { return queries_; }
  std::size_t opens() const { return opens_done_; }
  std::vector<std::string> failures() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return failures_;
  }

 private:
  void fail(const std::string& what) {
    const std::lock_guard<std::mutex> lock(mutex_);
    failures_.push_back(what);
  }

  fs::path db_;
  Questions questions_;
  Answers expected_;
  std::string expected_count_;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> queries_{0}, opens_done_{0};
  mutable std::mutex mutex_;
  std::vector<std::string> failures_;
  std::thread processes_, opens_;
};

// The sample archive's vocabulary (tests/support/sample_archive.cpp).
const Questions sample_questions{"harbour", {"bank", "rates"}, "inflatoin"};

class RebuildCli : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_sample_feeds(dir / "feeds", 8, 40);
    const auto r = lede_index(db, {"--quiet", "add", (dir / "feeds").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expected = answers(open_for_reading(db.string()), sample_questions);
    ASSERT_EQ(expected.articles, 320u);
    ASSERT_GT(expected.phrase_matches, 0u);
    ASSERT_EQ(expected.suggestion, "inflation");
    expected_count = query_count(db, sample_questions.word);
    ASSERT_NE(expected_count, "0\n");
  }

  test::TempDir dir;
  fs::path db = dir / "db";
  Answers expected;
  std::string expected_count;
};

TEST_F(RebuildCli, PrintsTheSummaryAsJsonOrOneLineAndExitsAsDocumented) {
  auto r = lede_index(db, {"--json", "rebuild", "--workers", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto s = nlohmann::json::parse(r.out);
  EXPECT_EQ(s["command"], "rebuild");
  EXPECT_EQ(s["from"], "stored");
  EXPECT_EQ(s["workers"], 2);
  EXPECT_EQ(s["switched"], true);
  EXPECT_EQ(s["not_switched_because"], nullptr);
  EXPECT_EQ(s["generation"], 1);
  EXPECT_EQ(s["articles_before"], 320);
  EXPECT_EQ(s["articles_after"], 320);
  EXPECT_GT(s["bytes_after"].get<long>(), 0);
  EXPECT_TRUE(s["seconds"].is_number());

  r = lede_index(db, {"compact"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("lede-index: compacted: 320 articles, ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("; live generation 2\n"), std::string::npos) << r.err;
  // Compaction writes lede's block size (indexer/merge.hpp): every table says so.
  const auto check = xapian_check(db);
  ASSERT_EQ(check.exit_code, 0) << check.err;
  std::size_t tables = 0;
  for (std::size_t at = 0; (at = check.out.find("blocksize=", at)) != std::string::npos; ++at) {
    EXPECT_EQ(check.out.compare(at, 14, "blocksize=32K "), 0) << check.out.substr(at, 20);
    ++tables;
  }
  EXPECT_GE(tables, 4u) << check.out;

  r = lede_index(db, {"rebuild", "--workers", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.rfind("lede-index: rebuilt from the stored articles with 1 worker: 320 → 320 "
                        "articles, ",
                        0),
            0u)
      << r.err;

  // A source that cannot be read: exit 1, the live database kept, even with --quiet.
  r = lede_index(db, {"--quiet", "rebuild", (dir / "feeds").string(), (dir / "gone.xml").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "lede-index: " + (dir / "gone.xml").string() +
                       ": no such file or folder\nlede-index: rebuild not switched (1 source "
                       "failed): the live database is unchanged (320 articles) after " +
                       r.err.substr(r.err.rfind(" after ") + 7));
  EXPECT_EQ(entries(db), (std::vector<std::string>{"XAPIANDB", "flintlock", "gen-000003"}));

  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"rebuild", "--workers", "0"}, {"compact", "extra"}}) {
    r = lede_index(db, bad);
    EXPECT_EQ(r.exit_code, 2) << bad[0];
    EXPECT_NE(r.err.find("--help"), std::string::npos) << r.err;
  }
  // What was there is still there.
  EXPECT_EQ(answers(open_for_reading(db.string()), sample_questions), expected);
  EXPECT_EQ(xapian_check(db).exit_code, 0) << xapian_check(db).out;
}

TEST_F(RebuildCli, WritersGetTheLockMessageWhileARebuildRuns) {
  test::BackgroundProcess rebuild(lede_index_argv(db, {"rebuild", "--workers", "2"}));
  // While it runs (staging folder present), `add` is refused with the usual message.
  bool seen = false;
  for (int i = 0; i < 2000 && !rebuild.poll(); ++i) {
    if (!has_staging(db)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      continue;
    }
    const auto r = lede_index(db, {"add", (dir / "feeds" / "sample-001.xml").string()});
    if (rebuild.poll()) break;  // it finished meanwhile: no conclusion
    EXPECT_EQ(r.exit_code, 2) << r.err;
    // The rebuild holds lede-index's writer lock: the message names it.
    EXPECT_NE(r.err.find("database is being written by another lede-index (pid " +
                         std::to_string(rebuild.pid()) + ")"),
              std::string::npos)
        << r.err;
    seen = true;
    break;
  }
  EXPECT_EQ(rebuild.wait(), 0);
  if (!seen) GTEST_SKIP() << "the rebuild finished before a writer could try (machine too fast)";
}

TEST_F(RebuildCli, QueriesAnswerTheSameThroughoutRepeatedSwitches) {
  Readers readers(db, sample_questions, expected, expected_count);
  for (int round = 0; round < 4; ++round) {
    EXPECT_EQ(lede_index(db, {"--quiet", "rebuild", "--workers", "2"}).exit_code, 0);
    EXPECT_EQ(lede_index(db, {"--quiet", "compact"}).exit_code, 0);
  }
  readers.stop();
  std::cout << "[ readers  ] " << readers.queries() << " lede-query runs and " << readers.opens()
            << " opens across 8 switches\n";
  EXPECT_EQ(readers.failures(), std::vector<std::string>{});
  EXPECT_GT(readers.queries(), 0u);
  EXPECT_GT(readers.opens(), 8u);
  EXPECT_EQ(generation::resolve(db).number, 8u);
  EXPECT_EQ(query_count(db, sample_questions.word), expected_count);
}

// Kills a run of `args` at `points` seeded random moments within about one run's duration.
struct KillOutcomes {
  int before_switch = 0;  ///< the live generation was still the old one
  int after_switch = 0;   ///< killed after the switch (while retiring the old one)
  int completed = 0;      ///< the run ended before the kill
  int left_staging = 0;   ///< kills that left a staging folder for the next run to remove
};

KillOutcomes kill_at_random_points(const fs::path& db, const std::vector<std::string>& args,
                                   int points, unsigned seed,
                                   const std::function<void(const std::string&)>& verify) {
  const Clock::time_point start = Clock::now();
  EXPECT_EQ(test::run_process(lede_index_argv(db, args)).exit_code, 0);  // how long a run takes
  const double run_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> moment(0.0, 1.1 * run_seconds);
  KillOutcomes outcomes;
  for (int i = 0; i < points; ++i) {
    const unsigned before = generation::resolve(db).number;
    const double delay = moment(random);
    test::BackgroundProcess child(lede_index_argv(db, args));
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    child.kill(SIGKILL);
    const int status = child.wait();
    const unsigned after = generation::resolve(db).number;
    if (status == 0) {
      ++outcomes.completed;
    } else {
      EXPECT_EQ(status, 128 + SIGKILL);
      ++(after == before ? outcomes.before_switch : outcomes.after_switch);
    }
    if (has_staging(db)) ++outcomes.left_staging;
    verify("kill " + std::to_string(i) + " at " + std::to_string(delay) + " s of " +
           std::to_string(run_seconds) + " s");
  }
  return outcomes;
}

TEST_F(RebuildCli, ASigkillAtAnyPointLeavesTheLiveDatabaseWholeAndTheNextRunCleansUp) {
  const test::ArchiveSnapshot before = test::snapshot(open_for_reading(db.string()));
  auto verify = [&](const std::string& when) {
    SCOPED_TRACE(when);
    const auto check = xapian_check(db);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_TRUE(test::snapshot(open_for_reading(db.string())) == before);
    EXPECT_EQ(query_count(db, sample_questions.word), expected_count);
  };
  const KillOutcomes rebuilds =
      kill_at_random_points(db, {"rebuild", "--workers", "2"}, 20, 20261128, verify);
  const KillOutcomes compacts = kill_at_random_points(db, {"compact"}, 20, 4, verify);
  for (const auto& [name, o] : {std::pair{"rebuild", rebuilds}, std::pair{"compact", compacts}}) {
    std::cout << "[ kills    ] " << name << ": " << o.before_switch << " before the switch, "
              << o.after_switch << " after it, " << o.completed << " runs completed first; "
              << o.left_staging << " left a staging folder\n";
  }
  EXPECT_GT(rebuilds.before_switch, 0);
  EXPECT_GT(compacts.before_switch, 0);
  EXPECT_GT(rebuilds.left_staging + compacts.left_staging, 0);

  // The next complete run removes whatever the last kill left.
  const auto r = lede_index(db, {"--json", "rebuild"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const unsigned live = generation::resolve(db).number;
  EXPECT_EQ(entries(db),
            (std::vector<std::string>{"XAPIANDB", "flintlock", generation::directory_name(live)}));
  verify("after a complete run");
}

// The Reuters-21578 archive (20,841 articles): readers throughout a rebuild with 2 workers,
// then a kill half-way through another (the seeded kills of rebuild and compact at every
// moment are above, on a smaller archive).
TEST(ReutersRebuild, QueriesAnswerThroughoutAndAKillHalfWayLeavesTheArchiveWhole) {
  LEDE_REQUIRE_SHARED(feeds, "corpus/reuters21578/feeds");
  test::TempDir dir;
  const fs::path db = dir / "db";
  ASSERT_EQ(lede_index(db, {"--quiet", "add", feeds.string()}).exit_code, 0);
  const Questions questions{"oil", {"crude", "oil"}, "inflatoin"};
  const Answers expected = answers(open_for_reading(db.string()), questions);
  ASSERT_EQ(expected.articles, 20841u);
  ASSERT_GT(expected.phrase_matches, 0u);
  const std::string expected_count = query_count(db, questions.word);

  // Readers throughout a rebuild.
  double rebuild_seconds = 0;
  {
    Readers readers(db, questions, expected, expected_count);
    const Clock::time_point start = Clock::now();
    const auto r = lede_index(db, {"--json", "rebuild", "--workers", "2"});
    rebuild_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // and after the switch
    readers.stop();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto s = nlohmann::json::parse(r.out);
    EXPECT_EQ(s["articles_before"], 20841);
    EXPECT_EQ(s["articles_after"], 20841);
    std::cout << "[ readers  ] " << readers.queries() << " lede-query runs and " << readers.opens()
              << " opens during a " << rebuild_seconds
              << " s rebuild of Reuters-21578; failures: " << readers.failures().size() << "\n";
    EXPECT_EQ(readers.failures(), std::vector<std::string>{});
    EXPECT_GT(readers.queries(), 0u);
  }
  EXPECT_EQ(answers(open_for_reading(db.string()), questions), expected);
  EXPECT_EQ(query_count(db, questions.word), expected_count);

  // A kill half-way through a rebuild: at a seeded moment between 40 % and 60 % of how long one
  // takes. The readers above slowed that one down; a run that finishes before the kill (the
  // machine is shared, its speed varies) says how long one takes now, and the next attempt
  // is timed by it.
  auto verify = [&](const std::string& when) {
    SCOPED_TRACE(when);
    const auto check = xapian_check(db);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_EQ(answers(open_for_reading(db.string()), questions), expected);
    EXPECT_EQ(query_count(db, questions.word), expected_count);
  };
  std::mt19937 random(21578);
  std::uniform_real_distribution<double> half_way(0.4, 0.6);
  bool killed_half_way = false;
  for (int attempt = 1; attempt <= 3 && !killed_half_way; ++attempt) {
    const double delay = half_way(random) * rebuild_seconds;
    const unsigned before = generation::resolve(db).number;
    const Clock::time_point start = Clock::now();
    test::BackgroundProcess child(lede_index_argv(db, {"rebuild", "--workers", "2"}));
    const Clock::time_point kill_at =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay));
    while (Clock::now() < kill_at && !child.poll()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const bool finished_first = child.poll().has_value();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    child.kill(SIGKILL);
    const int status = child.wait();
    const std::string when = "attempt " + std::to_string(attempt) + ": rebuild killed at " +
                             std::to_string(delay) + " s of " + std::to_string(rebuild_seconds) +
                             " s";
    verify(when);
    if (finished_first) {
      EXPECT_EQ(status, 0) << when;
      rebuild_seconds = seconds;
      std::cout << "[ kill     ] " << when << ": it had finished\n";
      continue;
    }
    EXPECT_EQ(status, 128 + SIGKILL) << when;
    if (generation::resolve(db).number != before) continue;  // killed after the switch
    killed_half_way = true;
    EXPECT_TRUE(has_staging(db)) << when;
    std::cout << "[ kill     ] " << when << ": the live database was kept\n";
  }
  EXPECT_TRUE(killed_half_way) << "no rebuild was killed before its switch";
  // The next run (a compaction) removes the staging folder the kill left.
  const auto r = lede_index(db, {"--json", "compact"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(nlohmann::json::parse(r.out)["leftovers_removed"].get<int>(), 1);
  EXPECT_FALSE(has_staging(db));
  verify("after a complete compact");
}

}  // namespace
}  // namespace lede

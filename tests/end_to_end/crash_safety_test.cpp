// lede-index killed with SIGKILL at seeded random points while it indexes: after every kill the
// database opens, passes xapian-check and holds a committed prefix of the work; a last run
// completes it. Once on a generated archive (always), once on Reuters-21578 (when ../shared is
// there).
//
// "A committed prefix": lede-index reads its sources in order and commits every --commit-every
// writes, so after a kill the database must be exactly what one of those commits left, i.e.
//   - its documents are the first N articles of the input, in input order (docids 1..N, each
//     holding the article a clean run gives that docid), and
//   - N is a whole number of batches, or the whole input (the final commit), and
//   - every document is complete: rebuilding it from its stored data gives the same terms,
//     wdfs, positions and values (no half-written document).
// Each run after a kill resumes the way a user would: it is given the file holding article N + 1
// and every file after it.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "common/stored_article.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/feed/feed.hpp"
#include "indexer/normalize.hpp"
#include "indexer/sources.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_paths.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What a clean ingest of the same sources writes, in order: the articles of each file as the
// parser and normaliser make them, each identity once (the first time it is seen). Nothing is
// indexed here: which article each docid must hold needs only the identities, and the
// documents themselves are checked by rebuilding them (expect_complete).
struct Reference {
  std::vector<std::string> files;       ///< the sources, in the order lede-index reads them
  std::vector<std::size_t> after_file;  ///< articles written once files[0..k] are read
  std::vector<std::string> terms;       ///< unique term of docid d at terms[d - 1]
};

// The unique term of every document, by docid ("" where a docid is unused).
std::vector<std::string> unique_terms_by_docid(const Xapian::Database& db) {
  std::vector<std::string> terms(db.get_lastdocid());
  const std::string prefix(schema::unique_id().prefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) terms[*p - 1] = *t;
  }
  return terms;
}

// The articles of `feeds` in lede-index's order: its folder expansion, then each file parsed
// and normalised as indexer/ingest.cpp does.
Reference reference_articles(const fs::path& feeds) {
  Reference reference;
  std::set<std::string> seen;
  const UnixSeconds now = std::time(nullptr);
  for (const sources::Source& source : sources::expand({feeds.string()}).sources) {
    reference.files.push_back(source.location);
    const sources::Loaded loaded = sources::load(source, http::FetchOptions{});
    const feed::Feed parsed = feed::parse(loaded.bytes, loaded.origin);
    const std::string& key =
        loaded.origin.base_url.empty() ? loaded.origin.location : loaded.origin.base_url;
    const NormalizeContext context{key, "en", now};
    for (const feed::Item& item : parsed.items) {
      const std::string term = DocumentBuilder::unique_term(normalize(item, parsed, context).id);
      if (seen.insert(term).second) reference.terms.push_back(term);
    }
    reference.after_file.push_back(reference.terms.size());
  }
  return reference;
}

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const fs::path candidate = fs::path(folder) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

// Everything the index holds for one document's terms: each term, its wdf and its positions,
// in one pass over the termlist.
struct IndexedTerm {
  std::string term;
  Xapian::termcount wdf = 0;
  std::vector<Xapian::termpos> positions;
};

std::vector<IndexedTerm> indexed_terms(const Xapian::Document& doc) {
  std::vector<IndexedTerm> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    IndexedTerm& term = out.emplace_back(IndexedTerm{*t, t.get_wdf(), {}});
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      term.positions.push_back(*p);
    }
  }
  return out;
}

// Rebuilds document `id` from its stored data and compares everything the index holds for it.
void expect_complete(const Xapian::Database& db, Xapian::docid id, DocumentBuilder& builder) {
  const Xapian::Document stored = db.get_document(id);
  const Xapian::Document rebuilt = builder.build(decode_document_data(stored.get_data()));
  const std::vector<IndexedTerm> stored_terms = indexed_terms(stored);
  const std::vector<IndexedTerm> rebuilt_terms = indexed_terms(rebuilt);
  ASSERT_EQ(stored_terms.size(), rebuilt_terms.size()) << "docid " << id;
  for (std::size_t i = 0; i < stored_terms.size(); ++i) {
    ASSERT_EQ(stored_terms[i].term, rebuilt_terms[i].term) << "docid " << id;
    ASSERT_EQ(stored_terms[i].wdf, rebuilt_terms[i].wdf) << "docid " << id << stored_terms[i].term;
    ASSERT_EQ(stored_terms[i].positions, rebuilt_terms[i].positions)
        << "docid " << id << stored_terms[i].term;
  }
  for (auto v = rebuilt.values_begin(); v != rebuilt.values_end(); ++v) {
    ASSERT_EQ(stored.get_value(v.get_valueno()), *v)
        << "docid " << id << " slot " << v.get_valueno();
  }
}

struct KillPoint {
  double delay_ms = 0;
  std::size_t before = 0;  ///< committed articles when the run started
  std::size_t after = 0;   ///< committed articles after the kill
};

// Runs lede-index on the rest of the input, kills it, checks what it left; again and again.
class CrashDrill {
 public:
  CrashDrill(const Reference& reference, fs::path db, std::size_t batch, unsigned seed)
      : reference_(reference), db_(std::move(db)), batch_(batch), rng_(seed) {
    xapian_check_ = find_program("xapian-check");
  }

  void kill_at_random_points(int kills) {
    ASSERT_FALSE(xapian_check_.empty()) << "xapian-check (xapian-tools) is not installed";
    // The delays learn the machine's pace. They start at a second and grow by half after every
    // run that committed nothing new (a slow or busy machine); the longest such run is how long
    // a run takes at least before its first commit (startup, the articles it reads again). Once
    // runs commit, the pace (milliseconds per article committed) spreads the kills left over
    // the work left: a delay is up to that startup plus one and a half times the time of its
    // share, so the kills reach across the input and seldom finish it (which would start a
    // second round from an empty database).
    double max_delay_ms = 1000;
    double startup_ms = 0;
    double advancing_ms = 0;   // time of the runs that committed something
    std::size_t advanced = 0;  // and what they committed
    std::uniform_real_distribution<double> fraction(0.0, 1.0);
    while (static_cast<int>(points_.size()) < kills) {
      if (committed_ == total()) start_again();  // all done before the kills were: a new round
      KillPoint point;
      point.delay_ms = fraction(rng_) * max_delay_ms;
      point.before = committed_;
      const auto started = Clock::now();
      test::ChildProcess run(command(remaining_files()));
      const bool finished =
          run.run_for(std::chrono::milliseconds(static_cast<long>(point.delay_ms)));
      if (!finished) run.kill(SIGKILL);
      const test::ProcessResult result = run.wait();
      indexing_seconds_ += seconds_since(started);
      if (finished) {
        ASSERT_EQ(result.exit_code, 0) << result.err;
      } else {
        ASSERT_EQ(result.exit_code, 128 + SIGKILL) << result.err;
      }
      ASSERT_NO_FATAL_FAILURE(check_committed_prefix());
      ASSERT_GE(committed_, point.before) << "a kill lost committed work";
      point.after = committed_;
      if (!finished) points_.push_back(point);
      if (point.after == point.before) {
        startup_ms = std::max(startup_ms, point.delay_ms);
        max_delay_ms *= 1.5;
      } else {
        advancing_ms += point.delay_ms;
        advanced += point.after - point.before;
        const double pace_ms = advancing_ms / static_cast<double>(advanced);
        const double kills_left = kills - static_cast<double>(points_.size());
        // A run that completed the archive leaves a whole new round of work, not none: with
        // none, every later delay would be zero and kill lede-index before it commits.
        const std::size_t left = committed_ == total() ? total() : total() - committed_;
        const double share = static_cast<double>(left) / (kills_left + 1);
        max_delay_ms = std::max(1.0, startup_ms + 1.5 * pace_ms * share);
      }
    }
  }

  // The last run, given everything, completes the archive.
  nlohmann::json complete() {
    const auto started = Clock::now();
    test::ProcessResult r = test::run_process(command(reference_.files, true));
    indexing_seconds_ += seconds_since(started);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    check_committed_prefix();
    if (::testing::Test::HasFatalFailure()) return {};
    EXPECT_EQ(committed_, total());
    return nlohmann::json::parse(r.out);
  }

  void report(std::ostream& out, const std::string& name) const {
    out << "[crash-safety] " << name << ": " << points_.size() << " SIGKILLs ("
        << kills_after_new_commits() << " after new commits), " << rounds_ << " round(s) over "
        << total() << " articles, commit every " << batch_ << "; committed after each kill:";
    for (const KillPoint& p : points_) {
      out << ' ' << p.after << "@" << static_cast<long>(p.delay_ms) << "ms";
    }
    out << "\n[crash-safety] " << name << ": " << indexing_seconds_ << " s in lede-index runs, "
        << xapian_check_seconds_ << " s in xapian-check, " << prefix_seconds_
        << " s checking prefixes and rebuilding documents\n";
  }

  std::size_t total() const { return reference_.terms.size(); }
  std::size_t kills() const { return points_.size(); }

  /// Kills that came after the run had committed something: those test a database caught
  /// between commits, not only one killed while it starts. The tests ask for a fifth of
  /// them: 6 to 14 of 20 came so on the generated archive with seeds 1-8 and the default, 16-17
  /// on Reuters, on a loaded 2-core machine.
  std::size_t kills_after_new_commits() const {
    return static_cast<std::size_t>(std::count_if(
        points_.begin(), points_.end(), [](const KillPoint& p) { return p.after > p.before; }));
  }

 private:
  std::vector<std::string> command(const std::vector<std::string>& files, bool json = false) const {
    std::vector<std::string> argv = {test::tool_path("indexer", "lede-index"),
                                     "--db",
                                     db_.string(),
                                     json ? "--json" : "--quiet",
                                     "add",
                                     "--commit-every",
                                     std::to_string(batch_)};
    argv.insert(argv.end(), files.begin(), files.end());
    return argv;
  }

  // The file holding article committed_ + 1, and every file after it.
  std::vector<std::string> remaining_files() const {
    std::size_t k = 0;
    while (k < reference_.files.size() && reference_.after_file[k] <= committed_) ++k;
    return {reference_.files.begin() + static_cast<std::ptrdiff_t>(k), reference_.files.end()};
  }

  void start_again() {
    fs::remove_all(db_);
    committed_ = checked_ = 0;
    ++rounds_;
  }

  void check_committed_prefix() {
    // Killed before the database's first commit: no version file, nothing committed (the next
    // lede-index discards what the creation left, see common/interrupted_creation.hpp).
    if (!fs::exists(db_ / "iamglass")) {
      ASSERT_EQ(committed_, 0u) << "committed work vanished";
      return;
    }
    auto started = Clock::now();
    const test::ProcessResult check = test::run_process({xapian_check_, db_.string()});
    xapian_check_seconds_ += seconds_since(started);
    ASSERT_EQ(check.exit_code, 0) << "xapian-check " << db_ << ":\n" << check.out << check.err;

    started = Clock::now();
    const Xapian::Database db(db_.string());
    const std::size_t n = db.get_doccount();
    ASSERT_EQ(db.get_lastdocid(), n) << "docids are not 1..N: a hole, or work lost and redone";
    ASSERT_TRUE(n == total() || n % batch_ == 0)
        << n << " documents: not a whole number of batches of " << batch_;
    const std::vector<std::string> terms = unique_terms_by_docid(db);
    for (std::size_t d = 0; d < n; ++d) {
      ASSERT_EQ(terms[d], reference_.terms[d]) << "docid " << d + 1 << " is not the input's";
    }
    DocumentBuilder builder;
    for (Xapian::docid id = static_cast<Xapian::docid>(checked_) + 1; id <= n; ++id) {
      ASSERT_NO_FATAL_FAILURE(expect_complete(db, id, builder));
    }
    checked_ = committed_ = n;
    prefix_seconds_ += seconds_since(started);
  }

  const Reference& reference_;
  const fs::path db_;
  const std::size_t batch_;
  std::mt19937 rng_;
  std::string xapian_check_;
  std::vector<KillPoint> points_;
  std::size_t committed_ = 0;
  std::size_t checked_ = 0;  ///< documents already rebuilt and compared (committed work stays)
  int rounds_ = 1;
  double indexing_seconds_ = 0;
  double xapian_check_seconds_ = 0;
  double prefix_seconds_ = 0;
};

unsigned seed() {
  const char* text = std::getenv("LEDE_CRASH_SEED");
  return text && *text ? static_cast<unsigned>(std::strtoul(text, nullptr, 10)) : 20261128u;
}

// A generated archive: `feeds` RSS files of `items` stories of varied text each.
void write_fixture_archive(const fs::path& folder, int feeds, int items) {
  static const char* words[] = {"harbour", "grain",  "shipping", "tariff", "council", "bank",
                                "rates",   "strike", "weather",  "market", "crude",   "vote",
                                "ferry",   "wheat",  "exports",  "court",  "budget",  "port"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> word(0, std::size(words) - 1);
  fs::create_directories(folder);
  for (int f = 0; f < feeds; ++f) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Desk " << f
        << "</title><link>https://fixture.example/" << f << "</link>\n";
    for (int i = 0; i < items; ++i) {
      out << "<item><title>" << words[word(rng)] << ' ' << words[word(rng)] << " report " << f
          << '-' << i << "</title><link>https://fixture.example/" << f << '/' << i
          << "</link><pubDate>Wed, " << 10 + i % 18 << " Apr 2024 0" << i % 10
          << ":00:00 GMT</pubDate><category>" << words[word(rng)] << "</category><description>";
      for (int w = 0; w < 60; ++w) out << words[word(rng)] << (w % 12 == 11 ? ". " : " ");
      out << "</description></item>\n";
    }
    out << "</channel></rss>\n";
    char name[32];
    std::snprintf(name, sizeof name, "desk-%02d.xml", f);
    std::ofstream(folder / name) << out.str();
  }
}

TEST(CrashSafety, KilledAtRandomPointsWhileIndexingAGeneratedArchive) {
  test::TempDir dir;
  write_fixture_archive(dir / "feeds", 12, 150);
  const Reference reference = reference_articles(dir / "feeds");
  ASSERT_EQ(reference.terms.size(), 1800u);

  CrashDrill drill(reference, dir / "db", 40, seed());
  ASSERT_NO_FATAL_FAILURE(drill.kill_at_random_points(20));
  const nlohmann::json summary = drill.complete();
  EXPECT_EQ(summary["added"].get<std::size_t>() + summary["unchanged"].get<std::size_t>(), 1800u);
  EXPECT_GE(drill.kills_after_new_commits(), drill.kills() / 5);
  drill.report(std::cout, "generated archive (seed " + std::to_string(seed()) + ")");
}

TEST(CrashSafety, KilledAtRandomPointsWhileIndexingReuters) {
  LEDE_REQUIRE_SHARED(feeds, "corpus/reuters21578/feeds");
  test::TempDir dir;
  const auto start = Clock::now();
  const Reference reference = reference_articles(feeds);
  ASSERT_EQ(reference.terms.size(), 20841u);  // ../shared/corpus/README.md
  const double reference_seconds = seconds_since(start);

  CrashDrill drill(reference, dir / "db", 250, seed());
  ASSERT_NO_FATAL_FAILURE(drill.kill_at_random_points(20));
  const nlohmann::json summary = drill.complete();
  EXPECT_EQ(summary["added"].get<std::size_t>() + summary["unchanged"].get<std::size_t>(), 20841u);
  EXPECT_EQ(summary["skipped"], 0);
  EXPECT_GE(drill.kills_after_new_commits(), drill.kills() / 5);
  drill.report(std::cout, "Reuters-21578 (seed " + std::to_string(seed()) + ")");
  std::cout << "[crash-safety] Reuters: "
            << std::chrono::duration<double>(Clock::now() - start).count()
            << " s in all, the reference (parsing and normalising every file) " << reference_seconds
            << " s\n";
}

}  // namespace
}  // namespace lede

// lede-index as a user runs it: exit codes, --json summary, stats, bad inputs, the lock, stdin.
#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.hpp"
#include "common/writer_lock.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;
using test::run_process;

std::string rss(const std::string& title, int items, int first = 0) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n<title>"
      << title << "</title><link>https://cli.example/</link>\n";
  for (int i = first; i < first + items; ++i) {
    out << "<item><title>" << title << " story " << i << "</title><link>https://cli.example/"
        << title << "/" << i << "</link><pubDate>Wed, 01 May 2024 10:0" << i % 10
        << ":00 GMT</pubDate><description>Text of story " << i << ".</description></item>\n";
  }
  out << "</channel></rss>\n";
  return out.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

class IndexCli : public ::testing::Test {
 protected:
  test::ProcessResult index(std::vector<std::string> args, const test::ProcessOptions& opts = {}) {
    args.insert(args.begin(), {test::tool_path("indexer", "lede-index"), "--db", db});
    return run_process(args, opts);
  }
  Xapian::doccount doc_count() const { return Xapian::Database(db).get_doccount(); }
  nlohmann::json summary(const test::ProcessResult& r) const {
    return nlohmann::json::parse(r.out);  // throws (fails the test) unless one JSON object
  }

  test::TempDir dir;
  std::string db = (dir / "db").string();
};

void expect_every_stderr_line_is_ours(const std::string& err) {
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_EQ(line.rfind("lede-index: ", 0), 0u) << "stray stderr line: " << line;
  }
}

TEST_F(IndexCli, IndexesFilesExitsZeroAndPrintsTheSummaryAsJson) {
  write_file(dir / "a.xml", rss("alpha", 3));
  write_file(dir / "b.xml", rss("beta", 2));
  auto r = index({"--json", "add", (dir / "a.xml").string(), (dir / "b.xml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // --json: the summary is on stdout, and nothing went wrong
  auto s = summary(r);
  EXPECT_EQ(s["added"], 5);
  EXPECT_EQ(s["updated"], 0);
  EXPECT_EQ(s["unchanged"], 0);
  EXPECT_EQ(s["skipped"], 0);
  EXPECT_EQ(s["sources_ok"], 2);
  EXPECT_EQ(s["sources_failed"], 0);
  EXPECT_EQ(s["interrupted"], false);
  EXPECT_TRUE(s["seconds"].is_number());
  EXPECT_EQ(doc_count(), 5u);

  // Again: nothing new, nothing duplicated.
  r = index({"--json", "add", (dir / "a.xml").string(), (dir / "b.xml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  s = summary(r);
  EXPECT_EQ(s["added"], 0);
  EXPECT_EQ(s["unchanged"], 5);
  EXPECT_EQ(doc_count(), 5u);

  // A changed feed: one item more, one title changed.
  std::string changed = rss("alpha", 4);
  changed.replace(changed.find("alpha story 0"), 13, "alpha story zero");
  write_file(dir / "a.xml", changed);
  s = summary(index({"--json", "add", (dir / "a.xml").string()}));
  EXPECT_EQ(s["added"], 1);
  EXPECT_EQ(s["updated"], 1);
  EXPECT_EQ(s["unchanged"], 2);
  EXPECT_EQ(doc_count(), 6u);
}

TEST_F(IndexCli, HumanSummaryLineOnStderr) {
  write_file(dir / "a.xml", rss("alpha", 2));
  const auto r = index({"add", (dir / "a.xml").string()});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("lede-index: 2 added, 0 updated, 0 unchanged, 0 skipped in ", 0), 0u)
      << r.err;
  EXPECT_EQ(index({"--quiet", "add", (dir / "a.xml").string()}).err, "");
}

TEST_F(IndexCli, StatsDescribeTheArchive) {
  write_file(dir / "a.xml", rss("alpha", 3));
  write_file(dir / "b.xml", rss("beta", 1));
  ASSERT_EQ(index({"add", dir.path().string()}).exit_code, 0);
  const auto r = index({"--json", "stats"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto s = nlohmann::json::parse(r.out);
  EXPECT_EQ(s["articles"], 4);
  EXPECT_EQ(s["sources"], nlohmann::json::parse(
                              R"([{"name":"alpha","articles":3},{"name":"beta","articles":1}])"));
  EXPECT_EQ(s["oldest"], "2024-05-01T10:00:00Z");
  EXPECT_EQ(s["newest"], "2024-05-01T10:02:00Z");
  EXPECT_EQ(s["schema_version"], std::to_string(schema::version));
  EXPECT_GT(s["bytes_on_disk"].get<long>(), 0);

  const auto human = index({"stats"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("articles:       4\n"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("schema version: " + std::to_string(schema::version) + "\n"),
            std::string::npos)
      << human.out;
}

TEST_F(IndexCli, ABadFileIsNamedAndTheRestOfTheBatchIsIndexed) {
  write_file(dir / "feeds/1-good.xml", rss("good", 3));
  write_file(dir / "feeds/2-broken.xml", "<rss><channel><item><title>cut off");
  write_file(dir / "feeds/3-dump.jsonl",
             R"({"title": "From the dump", "body": "b", "link": "https://cli.example/d/1"})"
             "\n{oops\n");
  write_file(dir / "feeds/4-later.xml", rss("later", 2));
  const auto r = index({"add", (dir / "feeds").string(), (dir / "missing.xml").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("lede-index: " + (dir / "feeds/2-broken.xml").string()), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("lede-index: " + (dir / "feeds/3-dump.jsonl").string() + ":2: invalid JSON"),
            std::string::npos)
      << r.err;
  EXPECT_NE(
      r.err.find("lede-index: " + (dir / "missing.xml").string() + ": no such file or folder"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("6 added, 0 updated, 0 unchanged, 1 skipped, 2 sources failed"),
            std::string::npos)
      << r.err;
  expect_every_stderr_line_is_ours(r.err);
  EXPECT_EQ(doc_count(), 6u);
}

TEST_F(IndexCli, StandardInput) {
  test::ProcessOptions opts;
  opts.stdin_data = rss("piped", 2);
  auto r = index({"--json", "add", "-"}, opts);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(summary(r)["added"], 2);

  opts.stdin_data = R"({"title": "Dumped", "body": "x", "published": "2024-05-02T00:00:00Z"})";
  r = index({"--json", "add", "-"}, opts);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(summary(r)["added"], 1);
  EXPECT_EQ(doc_count(), 3u);
}

TEST_F(IndexCli, UsageErrorsExitTwoWithOneLine) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{},
                                               {"add"},
                                               {"--no-such-option", "stats"},
                                               {"frobnicate"},
                                               {"add", "--timeout", "-3", "x.xml"}}) {
    const auto r = index(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    expect_every_stderr_line_is_ours(r.err);
    EXPECT_NE(r.err.find("--help"), std::string::npos) << r.err;
  }
}

TEST_F(IndexCli, HelpDocumentsTheExitCodes) {
  const auto r = run_process({test::tool_path("indexer", "lede-index"), "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("130  interrupted"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2    fatal"), std::string::npos) << r.out;
}

TEST_F(IndexCli, ASecondWriterGetsTheLockMessageAndExitTwo) {
  write_file(dir / "a.xml", rss("alpha", 1));
  ASSERT_EQ(index({"add", (dir / "a.xml").string()}).exit_code, 0);
  Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);  // another process is writing
  const auto r = index({"add", (dir / "a.xml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "lede-index: " + db +
                       ": database is locked: another process is writing to it; wait for it to "
                       "finish and try again\n");
}

// A lede-index that holds the writer lock: it waits for its standard input to end.
class HoldingWriter {
 public:
  HoldingWriter(const std::string& db, const std::string& feed)
      : child_({test::tool_path("indexer", "lede-index"), "--db", db, "--quiet", "add", "-"},
               holding_options(feed)) {
    for (int i = 0; i < 500 && writer_lock_holder(db) != child_.pid(); ++i) {
      if (child_.run_for(std::chrono::milliseconds(20))) break;
    }
    if (writer_lock_holder(db) != child_.pid()) {
      throw std::runtime_error("the holding lede-index did not take the lock: " +
                               child_.partial().err);
    }
  }
  pid_t pid() const { return child_.pid(); }
  test::ProcessResult finish() {
    child_.close_stdin();
    return child_.wait();
  }

 private:
  static test::ProcessOptions holding_options(const std::string& feed) {
    test::ProcessOptions options;
    options.stdin_data = feed;
    options.keep_stdin_open = true;
    return options;
  }
  test::ChildProcess child_;
};

TEST_F(IndexCli, ASecondLedeIndexIsToldWhichProcessWritesOrWaitsForIt) {
  write_file(dir / "a.xml", rss("alpha", 2));
  HoldingWriter holder(db, rss("held", 3));
  const std::string message = "lede-index: " + db +
                              ": database is being written by another lede-index (pid " +
                              std::to_string(holder.pid()) +
                              "); wait for it with --wait, or try again when it has finished\n";
  auto r = index({"add", (dir / "a.xml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, message);

  r = index({"add", "--wait=0.3", (dir / "a.xml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "lede-index: " + db + ": waiting for lede-index (pid " +
                       std::to_string(holder.pid()) + ") to finish writing\n" + message);

  r = index({"add", "--wait=soon", (dir / "a.xml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--wait: expected a number of seconds, not 'soon'"), std::string::npos)
      << r.err;

  // --wait with no number waits as long as it takes: here, until the holder has finished.
  test::ChildProcess waiting({test::tool_path("indexer", "lede-index"), "--db", db, "--json", "add",
                              "--wait", (dir / "a.xml").string()});
  EXPECT_FALSE(waiting.run_for(std::chrono::milliseconds(300))) << waiting.partial().err;
  EXPECT_EQ(holder.finish().exit_code, 0);
  r = waiting.wait();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(summary(r)["added"], 2);
  EXPECT_EQ(doc_count(), 5u);  // both writers' work, one after the other
}

// Every subcommand that writes takes the same lock; the ones that only read do not need it.
TEST_F(IndexCli, SubscribeUnsubscribeAndUpdateTakeTheWriterLockToo) {
  HoldingWriter holder(db, rss("held", 1));
  const std::string message = "lede-index: " + db +
                              ": database is being written by another lede-index (pid " +
                              std::to_string(holder.pid()) +
                              "); wait for it with --wait, or try again when it has finished\n";
  const std::vector<std::vector<std::string>> writers = {
      {"subscribe", "https://feeds.example/world.xml"},
      {"unsubscribe", "https://feeds.example/world.xml"},
      {"update"}};
  for (const auto& command : writers) {
    const auto r = index(command);
    EXPECT_EQ(r.exit_code, 2) << command[0];
    EXPECT_EQ(r.err, message) << command[0];
  }
  auto r = index({"update", "--wait=0.2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "lede-index: " + db + ": waiting for lede-index (pid " +
                       std::to_string(holder.pid()) + ") to finish writing\n" + message);
  r = index({"feeds"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(holder.finish().exit_code, 0);

  // With the writer gone, --wait (before the subcommand too) goes straight on.
  r = index({"--wait", "subscribe", "https://feeds.example/world.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = index({"feeds"});
  EXPECT_NE(r.out.find("https://feeds.example/world.xml"), std::string::npos) << r.out;
}

TEST_F(IndexCli, AStaleLockFileFromAKilledWriterIsNoObstacle) {
  write_file(dir / "a.xml", rss("alpha", 2));
  {
    test::ChildProcess killed({test::tool_path("indexer", "lede-index"), "--db", db, "add", "-"},
                              [] {
                                test::ProcessOptions o;
                                o.keep_stdin_open = true;
                                return o;
                              }());
    for (int i = 0; i < 500 && writer_lock_holder(db) != killed.pid(); ++i) {
      killed.run_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(writer_lock_holder(db), killed.pid());
    killed.kill(SIGKILL);
    EXPECT_EQ(killed.wait().exit_code, 128 + SIGKILL);
  }
  EXPECT_EQ(writer_lock_holder(db), 0);  // its pid is still written in the file, unheld
  const auto r = index({"add", (dir / "a.xml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(doc_count(), 2u);
}

TEST_F(IndexCli, StatsOfAMissingDatabaseSaysHowToCreateOne) {
  const auto r = index({"stats"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no database here; create one with: lede-index --db " + db + " add"),
            std::string::npos)
      << r.err;
  expect_every_stderr_line_is_ours(r.err);
}

TEST_F(IndexCli, DefaultDatabaseFromTheEnvironment) {
  write_file(dir / "a.xml", rss("alpha", 2));
  test::ProcessOptions opts;
  opts.env["LEDE_DB"] = (dir / "from-env").string();
  auto r = run_process({test::tool_path("indexer", "lede-index"), "add", (dir / "a.xml").string()},
                       opts);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Xapian::Database((dir / "from-env").string()).get_doccount(), 2u);

  opts.env.clear();
  opts.unset_env = {"LEDE_DB"};
  opts.env["XDG_DATA_HOME"] = (dir / "xdg").string();
  r = run_process({test::tool_path("indexer", "lede-index"), "add", (dir / "a.xml").string()},
                  opts);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Xapian::Database((dir / "xdg/lede/index").string()).get_doccount(), 2u);
}

}  // namespace
}  // namespace lede

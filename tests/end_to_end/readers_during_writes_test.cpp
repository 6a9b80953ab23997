// Readers during writes: while lede-index adds 2,000 articles and then updates all of them,
// committing every 20, two reader processes search in a loop and lede-query runs again and
// again. Every query must succeed: a reader whose revision the writer overwrote
// (Xapian::DatabaseModifiedError) reopens and searches again, and the user never sees it.
//
// The two readers are forked from this test and keep one database open for their whole life,
// as a long-running reader does: they are the ones a writer can overtake. Each lede-query
// process opens the database afresh, so it checks opening and searching mid-commit.
#include <cerrno>
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/database.hpp"
#include "query/search.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;

const char* const queries[] = {"harbour",      "grain OR wheat", "\"port report\"", "ferry -strike",
                               "title:tariff", "budget council", "crude exports",   "vote"};

void write_feeds(const fs::path& folder, const std::string& edition) {
  static const char* words[] = {"harbour", "grain",  "shipping", "tariff", "council", "bank",
                                "rates",   "strike", "ferry",    "wheat",  "exports", "port"};
  fs::create_directories(folder);
  for (int f = 0; f < 8; ++f) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk " << f
        << "</title><link>https://rw.example/</link>\n";
    for (int i = 0; i < 250; ++i) {
      out << "<item><title>" << words[(i + f) % 12] << " port report " << i
          << "</title><link>https://rw.example/" << f << '/' << i
          << "</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate><description>" << edition;
      for (int w = 0; w < 40; ++w) out << ' ' << words[(i * 7 + w * 3 + f) % 12];
      out << "</description></item>\n";
    }
    out << "</channel></rss>\n";
    std::ofstream(folder / ("desk-" + std::to_string(f) + ".xml")) << out.str();
  }
}

struct ReaderCounts {
  long queries = 0;
  long failures = 0;
  long reopened = 0;
};

volatile std::sig_atomic_t stop_requested = 0;
extern "C" void on_stop(int) {
  stop_requested = 1;
}

// A forked reader: one open database, searches until SIGUSR1, then writes its counts to
// `report`. (A signal, not a pipe: a second reader forked later would inherit the first one's
// pipe and keep it open.)
[[noreturn]] void reader_process(const std::string& db_path, int report) {
  ReaderCounts counts;
  std::string first_failure;
  try {
    Xapian::Database db = open_for_reading(db_path);
    for (std::size_t i = 0; !stop_requested; ++i) {
      query::SearchRequest request;
      request.text = queries[i % std::size(queries)];
      request.limit = 20;
      try {
        const query::SearchResult result = query::search(db, request);
        counts.reopened += result.reopened;
      } catch (const std::exception& e) {
        if (first_failure.empty()) first_failure = e.what();
        ++counts.failures;
      } catch (const Xapian::Error& e) {
        if (first_failure.empty()) first_failure = e.get_description();
        ++counts.failures;
      }
      ++counts.queries;
    }
  } catch (...) {
    ++counts.failures;
  }
  const std::string line = std::to_string(counts.queries) + ' ' + std::to_string(counts.failures) +
                           ' ' + std::to_string(counts.reopened) + ' ' + first_failure + '\n';
  [[maybe_unused]] const ssize_t n = write(report, line.data(), line.size());
  _exit(0);
}

class Reader {
 public:
  explicit Reader(const std::string& db_path) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    signal(SIGUSR1, on_stop);  // the child keeps it from the start: no signal is ever lost
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      close(report[0]);
      reader_process(db_path, report[1]);
    }
    signal(SIGUSR1, SIG_DFL);
    close(report[1]);
    report_ = report[0];
  }
  ~Reader() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  ReaderCounts finish(std::string& first_failure) {
    kill(pid_, SIGUSR1);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = read(report_, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
    close(report_);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    ReaderCounts counts;
    std::istringstream in(text);
    in >> counts.queries >> counts.failures >> counts.reopened;
    std::getline(in, first_failure);
    return counts;
  }

 private:
  pid_t pid_ = -1;
  int report_ = -1;
};

TEST(ReadersDuringWrites, EveryQuerySucceedsWhileLedeIndexAddsAndUpdates) {
  test::TempDir dir;
  write_feeds(dir / "first", "First edition.");
  write_feeds(dir / "second", "Second edition, revised.");
  const std::string db = (dir / "db").string();
  const std::string lede_index = test::tool_path("indexer", "lede-index");
  const std::string lede_query = test::tool_path("query", "lede-query");
  // Something to open: the readers start before the writer.
  ASSERT_EQ(test::run_process({lede_index, "--db", db, "add", (dir / "first/desk-0.xml").string()})
                .exit_code,
            0);

  Reader first(db), second(db);
  long cli_queries = 0, cli_failures = 0;
  std::string cli_failure;
  for (const char* edition : {"first", "second"}) {  // adds, then updates of every article
    test::ChildProcess writer({lede_index, "--db", db, "--json", "add", "--commit-every", "20",
                               (dir / edition).string()});
    for (std::size_t i = 0; !writer.run_for(std::chrono::milliseconds(0)); ++i) {
      const test::ProcessResult r = test::run_process(
          {lede_query, "--db", db, "--json", "--limit", "5", queries[i % std::size(queries)]});
      ++cli_queries;
      if ((r.exit_code != 0 && r.exit_code != 1) || !r.err.empty()) {
        ++cli_failures;
        if (cli_failure.empty()) cli_failure = r.err;
      }
    }
    const test::ProcessResult written = writer.wait();
    ASSERT_EQ(written.exit_code, 0) << written.err;
  }
  std::string first_failure, second_failure;
  const ReaderCounts a = first.finish(first_failure);
  const ReaderCounts b = second.finish(second_failure);

  std::cout << "[readers-during-writes] reader 1: " << a.queries << " queries, " << a.failures
            << " failures, " << a.reopened << " reopened; reader 2: " << b.queries << " queries, "
            << b.failures << " failures, " << b.reopened << " reopened; lede-query: " << cli_queries
            << " runs, " << cli_failures << " failures\n";
  EXPECT_GT(a.queries, 0);
  EXPECT_GT(b.queries, 0);
  EXPECT_GT(cli_queries, 0);
  EXPECT_EQ(a.failures, 0) << first_failure;
  EXPECT_EQ(b.failures, 0) << second_failure;
  EXPECT_EQ(cli_failures, 0) << cli_failure;
}

}  // namespace
}  // namespace lede

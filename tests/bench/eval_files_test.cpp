// The test-collection files of lede-bench eval: qrels, queries, run lines.

#include "bench/eval_files.hpp"

#include <fstream>
#include <functional>
#include <sstream>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede::bench {
namespace {

std::string write(const test::TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(EvalFiles, ReadsQrelsPerQuery) {
  const test::TempDir dir;
  const Qrels qrels =
      read_qrels(write(dir, "qrels", "1 0 184 4\n1 0 29 -1\n\n2 0 12\t1\n10 0 5 0\n"));
  ASSERT_EQ(qrels.size(), 3u);
  EXPECT_EQ(qrels.at("1"), (Judgments{{"184", 4}, {"29", -1}}));
  EXPECT_EQ(qrels.at("2"), (Judgments{{"12", 1}}));
  EXPECT_EQ(qrels.at("10"), (Judgments{{"5", 0}}));
}

TEST(EvalFiles, MalformedQrelsLineIsNamed) {
  const test::TempDir dir;
  const std::string path = write(dir, "qrels", "1 0 184 4\n1 0 29\n");
  EXPECT_EQ(error_of([&] { read_qrels(path); }),
            path + ":2: want 4 fields: qid iteration docid relevance");
  const std::string bad_gain = write(dir, "qrels2", "1 0 184 high\n");
  EXPECT_EQ(error_of([&] { read_qrels(bad_gain); }),
            bad_gain + ":1: relevance is not an integer: high");
  EXPECT_NE(error_of([&] { read_qrels((dir / "absent").string()); }).find("cannot open"),
            std::string::npos);
}

TEST(EvalFiles, ReadsQueriesKeepingTheirText) {
  const test::TempDir dir;
  const std::vector<Topic> topics =
      read_topics(write(dir, "q.tsv", "1\tWhat is (TSS)? \"a\" -b\r\n\n2\tx\ty\n"));
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[0].id, "1");
  EXPECT_EQ(topics[0].text, "What is (TSS)? \"a\" -b");
  EXPECT_EQ(topics[1].text, "x\ty");  // only the first tab separates
  const std::string bad = write(dir, "bad.tsv", "1\tok\nno tab here\n");
  EXPECT_EQ(error_of([&] { read_topics(bad); }), bad + ":2: want qid<TAB>query text");
}

TEST(EvalFiles, RunLinesReadBackAsTheSameScores) {
  std::ostringstream out;
  write_run_lines(out, "7", {{"184", 12.5}, {"29", 0.1 + 0.2}}, "lede");
  EXPECT_EQ(out.str(), "7 Q0 184 1 12.5 lede\n7 Q0 29 2 0.30000000000000004 lede\n");
}

}  // namespace
}  // namespace lede::bench

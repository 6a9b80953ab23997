// lede-query as a user and a script meet it: exit codes, JSON Lines parsed back, no escape
// bytes from articles in piped output, NO_COLOR / --color, a closed pipe, a missing database.

#include <fstream>
#include <regex>
#include <sstream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "common/database.hpp"
#include "common/dates.hpp"
#include "indexer/document_builder.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

using nlohmann::json;
using test::ProcessOptions;
using test::ProcessResult;

const std::string evil_title = "\x1b]0;pwned\x07Oil tanker \x1b[31mseized\x1b[0m in the Gulf";

Article article(std::string id, std::string title, std::string body, int day) {
  Article a;
  a.id = "https://wire.example/" + id;
  a.link = a.id;
  a.title = std::move(title);
  a.body = std::move(body);
  a.source = "Wire Service";
  a.host = "wire.example";
  a.language = "en";
  a.published = dates::from_civil(1987, 10, day, 9);
  return a;
}

class QueryCli : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db = open_for_writing(db_path());
    DocumentBuilder builder(&db);
    const std::vector<Article> articles = {
        article("oil-1", "Oil prices climb as OPEC meets",
                "Crude oil prices rose on Monday as OPEC ministers met in Vienna.", 19),
        article("oil-2", evil_title,
                "Gunboats seized an oil tanker \x1b[2J\x1b]8;;http://evil.example\x07 at dawn.",
                20),
        article("wheat-1", "Wheat harvest ends early", "Farmers finished the wheat harvest.", 18),
    };
    for (const Article& a : articles) {
      db.replace_document(DocumentBuilder::unique_term(a.id), builder.build(a));
    }
    db.commit();
  }

  std::string db_path() const { return (dir_ / "db").string(); }

  ProcessResult query(std::vector<std::string> args, ProcessOptions options = {}) const {
    std::vector<std::string> argv = {test::tool_path("query", "lede-query"), "--db", db_path(),
                                     "--now", "1987-10-21"};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::run_process(argv, options);
  }

  test::TempDir dir_;
};

ProcessOptions with_env(const std::string& name, const std::string& value) {
  ProcessOptions options;
  options.env[name] = value;
  return options;
}

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

// lede's own SGR codes; any other ESC byte came from an article.
std::string without_our_styles(const std::string& s) {
  static const std::regex ours("\x1b\\[(0|1|2|1;31)m");
  return std::regex_replace(s, ours, "");
}

bool one_error_line(const std::string& err) {
  return err.rfind("lede-query: ", 0) == 0 && err.find('\n') == err.size() - 1;
}

TEST_F(QueryCli, MatchesExitZeroAndPrintPlainText) {
  const ProcessResult r = query({"oil"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(". Oil prices climb as OPEC meets\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Wire Service · 1987-10-19\n"), std::string::npos) << r.out;  // no age
  EXPECT_NE(r.out.find("Oil tanker seized in the Gulf"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "ESC in piped output";
  EXPECT_EQ(r.out.find('\x07'), std::string::npos);
  EXPECT_EQ(r.out.find("pwned"), std::string::npos);
}

TEST_F(QueryCli, NoMatchExitsOne) {
  const ProcessResult r = query({"zeppelin"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  const ProcessResult count = query({"--count", "zeppelin"});
  EXPECT_EQ(count.exit_code, 1);
  EXPECT_EQ(count.out, "0\n");
}

TEST_F(QueryCli, ErrorsExitTwoWithOneLine) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--no-such-option", "oil"},
                                               {"--limit", "many", "oil"},
                                               {"--sort", "sideways", "oil"},
                                               {"--since", "someday", "oil"},
                                               {"--color", "sometimes", "x"},
                                               {"--half-life", "3 fortnights", "oil"},
                                               {"--facet", "weather", "oil"}}) {
    const ProcessResult r = query(args);
    EXPECT_EQ(r.exit_code, 2) << args.front();
    EXPECT_TRUE(one_error_line(r.err)) << r.err;
    EXPECT_EQ(r.out, "");
  }
  // A pasted page is refused at once, not parsed for seconds (docs/limits.md).
  std::string page;
  for (int i = 0; i < 5000; ++i) page += "word" + std::to_string(i) + " ";
  const ProcessResult too_long = query({page});
  EXPECT_EQ(too_long.exit_code, 2);
  EXPECT_EQ(too_long.err, "lede-query: the query is 5000 words long; at most 1000 are searched\n");
  EXPECT_EQ(too_long.out, "");
  const ProcessResult help = query({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--snippet-length"), std::string::npos);
}

TEST_F(QueryCli, MissingDatabaseSaysHowToCreateOne) {
  const std::string missing = (dir_ / "nowhere").string();
  const ProcessResult r =
      test::run_process({test::tool_path("query", "lede-query"), "--db", missing, "oil"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(one_error_line(r.err)) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lede-index"), std::string::npos) << r.err;
  // The default database comes from $LEDE_DB.
  const ProcessResult from_env = test::run_process({test::tool_path("query", "lede-query"), "oil"},
                                                   with_env("LEDE_DB", missing));
  EXPECT_EQ(from_env.exit_code, 2);
  EXPECT_NE(from_env.err.find(missing), std::string::npos) << from_env.err;
}

TEST_F(QueryCli, JsonLinesParseAndCarryNoEscapes) {
  const ProcessResult r = query({"--json", "--facet", "source", "oil"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("\\u001b"), std::string::npos);
  EXPECT_EQ(r.out.find("\\u0007"), std::string::npos);
  const std::vector<json> lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  for (int i = 0; i < 2; ++i) {
    const json& hit = lines[i];
    EXPECT_EQ(hit.at("type"), "hit");
    EXPECT_EQ(hit.at("rank"), i + 1);
    EXPECT_TRUE(hit.at("published").get<std::string>().starts_with("1987-10-"));
    const std::string text = hit.at("snippet").at("text");
    ASSERT_FALSE(hit.at("snippet").at("spans").empty());
    for (const json& span : hit.at("snippet").at("spans")) {
      const std::size_t begin = span.at(0), end = span.at(1);
      EXPECT_EQ(text.substr(begin, end - begin), "oil");
    }
    EXPECT_EQ(hit.at("title").get<std::string>().find("pwned"), std::string::npos);
  }
  const json& summary = lines.back();
  EXPECT_EQ(summary.at("type"), "summary");
  EXPECT_EQ(summary.at("returned"), 2);
  EXPECT_EQ(summary.at("estimated_matches"), 2);
  EXPECT_EQ(summary.at("sort"), "blend");
  EXPECT_EQ(summary.at("facets").at("counts").at(0).at("value"), "Wire Service");
  EXPECT_EQ(summary.at("facets").at("counts").at(0).at("count"), 2);
}

TEST_F(QueryCli, ColourOnlyWhenAskedAndNeverFromArticles) {
  const ProcessResult no_color = query({"--color", "auto", "oil"}, with_env("NO_COLOR", "1"));
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos);
  const ProcessResult never = query({"--color", "never", "oil"}, with_env("TERM", "xterm"));
  EXPECT_EQ(never.out.find('\x1b'), std::string::npos);

  // --color always wins over NO_COLOR (as in ripgrep), but only lede's styles get through.
  const ProcessResult always = query({"--color", "always", "oil"}, with_env("NO_COLOR", "1"));
  ASSERT_EQ(always.exit_code, 0);
  EXPECT_NE(always.out.find("\x1b[1;31mOil\x1b[0m"), std::string::npos) << always.out;
  const std::string stripped = without_our_styles(always.out);
  EXPECT_EQ(stripped.find('\x1b'), std::string::npos) << always.out;
  EXPECT_EQ(stripped.find('\x07'), std::string::npos);
  EXPECT_EQ(stripped.find("pwned"), std::string::npos);
}

// Runs lede-query with stdout a pipe whose reading end is already closed: every write fails
// with EPIPE, as in `lede-query … | head` once head has gone.
ProcessResult run_into_closed_pipe(const std::vector<std::string>& argv,
                                   const std::string& err_file) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  close(fds[0]);
  const pid_t pid = fork();
  if (pid == 0) {
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fds[1], 1);
    dup2(err, 2);
    // The test runner ignores SIGPIPE; give the child the default a shell would.
    signal(SIGPIPE, SIG_DFL);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream in(err_file);
  r.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return r;
}

TEST_F(QueryCli, ClosedPipeExitsQuietly) {
  for (const char* format : {"--color=never", "--json"}) {
    const ProcessResult r = run_into_closed_pipe(
        {test::tool_path("query", "lede-query"), "--db", db_path(), format, "oil"},
        (dir_ / "stderr").string());
    EXPECT_EQ(r.exit_code, 0) << format;  // not 141 (killed by SIGPIPE), not 2
    EXPECT_EQ(r.err, "") << format;
  }
}

}  // namespace
}  // namespace lede

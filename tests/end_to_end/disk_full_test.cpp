// A full disk while lede-index writes: one clear message, exit 2, and a database that still
// opens, passes xapian-check and holds its last commit.
//
// The disk is a 3 MiB tmpfs mounted by the test in a mount namespace of its own (so nothing
// outside this test process and its children sees it, and it goes when the process ends). Where
// mounting is not permitted (an unprivileged CI container), the honest stand-in is the file size
// limit RLIMIT_FSIZE on lede-index: a write past it fails with EFBIG as a write to a full disk
// fails with ENOSPC, at the same place in Xapian. The test says which one it used.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sched.h>
#include <sys/mount.h>
#include <xapian.h>

#include "tests/support/http_server.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;

constexpr long disk_bytes = 3 * 1024 * 1024;

// A small filesystem at `folder`: a tmpfs when mounting is allowed, else nothing (and
// limit_file_size() says how to stand in for it).
class SmallDisk {
 public:
  explicit SmallDisk(const fs::path& folder) : folder_(folder) {
    fs::create_directories(folder);
    if (unshare(CLONE_NEWNS) != 0) {
      why_not_ = std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
      return;
    }
    // Mounts made here must not propagate back to the machine's namespace.
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
      why_not_ = std::string("making / private: ") + std::strerror(errno);
      return;
    }
    const std::string size = "size=" + std::to_string(disk_bytes);
    if (mount("lede-test", folder.c_str(), "tmpfs", 0, size.c_str()) != 0) {
      why_not_ = std::string("mount -t tmpfs: ") + std::strerror(errno);
      return;
    }
    mounted_ = true;
  }
  ~SmallDisk() {
    if (mounted_) umount2(folder_.c_str(), MNT_DETACH);
  }

  bool mounted() const { return mounted_; }
  std::string description() const {
    return mounted_ ? "a 3 MiB tmpfs" : "RLIMIT_FSIZE of 3 MiB (no tmpfs: " + why_not_ + ")";
  }
  // Options for lede-index: the file size limit when there is no small tmpfs.
  test::ProcessOptions options() const {
    test::ProcessOptions o;
    if (!mounted_) o.max_file_bytes = disk_bytes;
    return o;
  }
  // Makes room again.
  void grow() {
    if (mounted_) {
      const std::string size = "size=" + std::to_string(64 * disk_bytes);
      mount("lede-test", folder_.c_str(), "tmpfs", MS_REMOUNT, size.c_str());
    }
  }

 private:
  fs::path folder_;
  bool mounted_ = false;
  std::string why_not_;
};

std::string feed(const std::string& name, int items, int words_per_item) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" << name
      << "</title><link>https://disk.example/</link>\n";
  for (int i = 0; i < items; ++i) {
    out << "<item><title>" << name << " report " << i << "</title><link>https://disk.example/"
        << name << '/' << i << "</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate>"
        << "<description>";
    for (int w = 0; w < words_per_item; ++w) out << name << i << "w" << w << ' ';
    out << "</description></item>\n";
  }
  out << "</channel></rss>\n";
  return out.str();
}

// What a run of `lede-index COMMAND` that filled the disk must leave: exit 2 with one line
// naming the database, the disk and the command to run again, and a database that passes
// xapian-check holding the first 20 articles and whole batches of 200 of the big feed's 4,000.
// Returns how many articles were committed.
Xapian::doccount expect_full_disk_handled(const test::ProcessResult& r, const SmallDisk& disk,
                                          const std::string& db, const std::string& command) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  const std::string system_error = std::strerror(disk.mounted() ? ENOSPC : EFBIG);
  EXPECT_EQ(r.err.rfind("lede-index: " + db + ": cannot write to the database: the disk is full (" +
                            system_error + "); the database keeps its last commit (",
                        0),
            0u)
      << r.err;
  EXPECT_NE(r.err.find(" articles); free some space and run lede-index " + command + " again\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

  const test::ProcessResult check = test::run_process({"/usr/bin/xapian-check", db});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  const Xapian::Database after(db);
  const Xapian::doccount committed = after.get_doccount();
  EXPECT_GE(committed, 20u);
  EXPECT_EQ((committed - 20) % 200, 0u) << committed;
  EXPECT_LT(committed, 4020u);
  EXPECT_EQ(after.get_lastdocid(), committed);
  return committed;
}

TEST(DiskFull, AClearErrorAndTheLastCommitKept) {
  test::TempDir dir;
  SmallDisk disk(dir / "disk");
  std::cout << "[disk-full] the full disk is " << disk.description() << '\n';
  const std::string db = (dir / "disk/db").string();
  std::ofstream(dir / "small.xml") << feed("small", 20, 20);
  std::ofstream(dir / "big.xml") << feed("big", 4000, 60);  // far more than 3 MiB of index
  const std::string lede_index = test::tool_path("indexer", "lede-index");

  auto r = test::run_process({lede_index, "--db", db, "add", (dir / "small.xml").string()},
                             disk.options());
  ASSERT_EQ(r.exit_code, 0) << r.err;

  r = test::run_process(
      {lede_index, "--db", db, "add", "--commit-every", "200", (dir / "big.xml").string()},
      disk.options());
  // The last commit: the small feed and whole batches of the big one, nothing half-written.
  const Xapian::doccount committed = expect_full_disk_handled(r, disk, db, "add");
  std::cout << "[disk-full] " << committed << " articles committed when the disk filled\n";

  // With room again, the same command completes.
  disk.grow();
  test::ProcessOptions roomy;
  r = test::run_process(
      {lede_index, "--db", db, "add", "--commit-every", "200", (dir / "big.xml").string()}, roomy);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 4020u);
}

// `feeds --json` of `db`, by URL.
std::map<std::string, nlohmann::json> feeds(const std::string& db) {
  const auto r =
      test::run_process({test::tool_path("indexer", "lede-index"), "--db", db, "--json", "feeds"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const auto j = nlohmann::json::parse(line);
    out[j["url"]] = j;
  }
  return out;
}

// The same for update, its feeds served by the test HTTP server on 127.0.0.1: a feed whose
// articles were not all committed keeps its old state (no validators, still due), so the next
// update fetches it again and completes it.
TEST(DiskFull, UpdateGivesAClearErrorAndCompletesWhenThereIsRoom) {
  test::TempDir dir;
  SmallDisk disk(dir / "disk");
  std::cout << "[disk-full] the full disk is " << disk.description() << '\n';
  const std::string db = (dir / "disk/db").string();
  fs::create_directories(dir / "www");
  std::ofstream(dir / "www/small.xml") << feed("small", 20, 20);
  std::ofstream(dir / "www/big.xml") << feed("big", 4000, 60);
  test::HttpServer server(dir / "www");
  const std::string small = server.url("/feeds/small.xml"), big = server.url("/feeds/big.xml");
  const std::string lede_index = test::tool_path("indexer", "lede-index");
  const auto run = [&](std::vector<std::string> arguments, const test::ProcessOptions& options) {
    arguments.insert(arguments.begin(), {lede_index, "--db", db});
    return test::run_process(arguments, options);
  };

  ASSERT_EQ(run({"subscribe", small}, disk.options()).exit_code, 0);
  auto r = run({"update"}, disk.options());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(run({"subscribe", big}, disk.options()).exit_code, 0);
  const auto small_before = feeds(db).at(small);

  r = run({"update", "--commit-every", "200"}, disk.options());
  const Xapian::doccount committed = expect_full_disk_handled(r, disk, db, "update");
  std::cout << "[disk-full] update: " << committed << " articles committed when the disk filled\n";
  auto listed = feeds(db);
  EXPECT_EQ(listed.at(small), small_before) << "a feed not fetched again is left as it was";
  EXPECT_TRUE(listed.at(big)["last_fetched"].is_null()) << listed.at(big);
  EXPECT_TRUE(listed.at(big)["etag"].is_null()) << "no validators: not answered 304 next time";

  // With room again, a plain update (not --force) fetches the big feed again and completes it:
  // what was committed is kept as it is, the rest added.
  disk.grow();
  r = run({"--json", "update", "--commit-every", "200"}, {});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << r.out << r.err;
  EXPECT_EQ(summary["due"], 1);
  EXPECT_EQ(summary["added"], 4020 - committed);
  EXPECT_EQ(summary["unchanged"], committed - 20);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 4020u);
  EXPECT_EQ(feeds(db).at(big)["articles"], 4000);
}

}  // namespace
}  // namespace lede

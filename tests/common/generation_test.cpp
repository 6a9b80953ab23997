// The generation layout: what a path holds, the atomic switch, and opening across a switch.
#include "common/generation.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/database.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;
using generation::Layout;
using Kind = Layout::Kind;

void make_glass(const fs::path& path, int documents) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  db.set_metadata("lede.schema_version", std::to_string(schema::version));
  for (int i = 0; i < documents; ++i) db.add_document(Xapian::Document());
  db.commit();
}

TEST(Generation, DirectoryNamesRoundTrip) {
  EXPECT_EQ(generation::directory_name(3), "gen-000003");
  EXPECT_EQ(generation::directory_name(1234567), "gen-1234567");
  EXPECT_EQ(generation::parse_directory_name("gen-000003"), 3u);
  EXPECT_EQ(generation::parse_directory_name("gen-1234567"), 1234567u);
  for (const char* bad : {"gen-", "gen-12a", "staging-000003", "gen-0000000001", "gen-+1", "x"}) {
    EXPECT_EQ(generation::parse_directory_name(bad), std::nullopt) << bad;
  }
}

TEST(Generation, ResolvesWhatAPathHolds) {
  test::TempDir dir;
  EXPECT_EQ(generation::resolve(dir / "missing").kind, Kind::none);
  fs::create_directory(dir / "empty");
  EXPECT_EQ(generation::resolve(dir / "empty").kind, Kind::none);

  make_glass(dir / "plain", 1);
  EXPECT_EQ(generation::resolve(dir / "plain"), (Layout{Kind::plain, dir / "plain", 0}));

  std::ofstream(dir / "shards.stub") << "auto plain\n";
  EXPECT_EQ(generation::resolve(dir / "shards.stub").kind, Kind::other);

  fs::create_directory(dir / "db");
  make_glass(dir / "db" / "gen-000007", 1);
  std::ofstream(dir / "db" / "XAPIANDB") << "# comment\n\nauto gen-000007\n";
  EXPECT_EQ(generation::resolve(dir / "db"),
            (Layout{Kind::generations, dir / "db" / "gen-000007", 7}));

  // Stubs that are not one `auto gen-N` line are someone else's: opened by Xapian as given.
  for (const char* stub :
       {"auto replica_1\n", "auto gen-000007\nauto gen-000008\n", "remote 127.0.0.1:7000\n",
        "auto ../gen-000007\n", "auto gen-000007 extra\n"}) {
    std::ofstream(dir / "db" / "XAPIANDB") << stub;
    EXPECT_EQ(generation::resolve(dir / "db").kind, Kind::other) << stub;
  }
}

TEST(Generation, SwitchReplacesTheStubAndRetiresAPlainDatabase) {
  test::TempDir dir;
  const fs::path db = dir / "db";
  make_glass(db, 2);
  make_glass(db / "gen-000001", 5);
  generation::switch_to(db, 1);
  EXPECT_FALSE(fs::exists(db / "iamglass"));
  EXPECT_FALSE(fs::exists(db / "XAPIANDB.tmp"));
  EXPECT_EQ(generation::resolve(db), (Layout{Kind::generations, db / "gen-000001", 1}));
  // Xapian itself follows the stub: the stub format is Xapian's.
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 5u);

  make_glass(db / "gen-000002", 6);
  generation::switch_to(db, 2);
  EXPECT_EQ(generation::resolve(db).number, 2u);
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 6u);
  EXPECT_EQ(open_for_reading(db.string()).get_doccount(), 6u);
}

TEST(Generation, AnOpenThatRacedASwitchIsDoneAgain) {
  test::TempDir dir;
  const fs::path db = dir / "db";
  fs::create_directory(db);
  make_glass(db / "gen-000001", 1);
  make_glass(db / "gen-000002", 2);
  generation::switch_to(db, 1);

  // The first open sees generation 1; a switch happens before the layout is read again.
  std::vector<unsigned> opened;
  const Xapian::Database result =
      generation::open_confirmed<Xapian::Database>(db, [&](const Layout& layout) {
        opened.push_back(layout.number);
        Xapian::Database d(layout.directory.string());
        if (opened.size() == 1) generation::switch_to(db, 2);
        return d;
      });
  EXPECT_EQ(opened, (std::vector<unsigned>{1, 2}));
  EXPECT_EQ(result.get_doccount(), 2u);
}

TEST(Generation, AnOpenThatFoundItsGenerationGoneIsDoneAgain) {
  test::TempDir dir;
  const fs::path db = dir / "db";
  fs::create_directory(db);
  make_glass(db / "gen-000001", 1);
  make_glass(db / "gen-000002", 2);
  generation::switch_to(db, 1);

  // The stub named generation 1 when it was read; by the time the tables are opened the
  // rebuild has switched and retired it.
  int calls = 0;
  const Xapian::Database result =
      generation::open_confirmed<Xapian::Database>(db, [&](const Layout& layout) {
        if (++calls == 1) {
          generation::switch_to(db, 2);
          fs::remove_all(layout.directory);
        }
        return Xapian::Database(layout.directory.string(), Xapian::DB_BACKEND_GLASS);
      });
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(result.get_doccount(), 2u);
}

TEST(Generation, AFailedOpenOfAnUnchangedLayoutIsReportedAsIs) {
  test::TempDir dir;
  const fs::path db = dir / "db";
  fs::create_directory(db);
  make_glass(db / "gen-000001", 1);
  generation::switch_to(db, 1);
  fs::remove_all(db / "gen-000001");  // damaged by hand: no retry can help
  int calls = 0;
  EXPECT_THROW(generation::open_confirmed<Xapian::Database>(
                   db,
                   [&](const Layout& layout) {
                     ++calls;
                     return Xapian::Database(layout.directory.string(), Xapian::DB_BACKEND_GLASS);
                   }),
               Xapian::DatabaseOpeningError);
  EXPECT_EQ(calls, 1);
  EXPECT_THROW(open_for_reading(db.string()), Error);
}

TEST(Generation, WritersOpenTheLiveGenerationAndNeverCreateOneThatWasRetired) {
  test::TempDir dir;
  const fs::path db = dir / "db";
  fs::create_directory(db);
  make_glass(db / "gen-000004", 3);
  generation::switch_to(db, 4);
  {
    Xapian::WritableDatabase writer = open_for_writing(db.string());
    EXPECT_EQ(writer.get_doccount(), 3u);
    writer.add_document(Xapian::Document());
    writer.commit();
  }
  EXPECT_EQ(Xapian::Database((db / "gen-000004").string()).get_doccount(), 4u);

  // A second writer is refused with the usual message while the first holds the lock.
  {
    Xapian::WritableDatabase holder = open_for_writing(db.string());
    try {
      open_for_writing(db.string());
      ADD_FAILURE() << "a second writer was let in";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("database is locked"), std::string::npos) << e.what();
    }
  }
  // A stub naming a generation that is gone: an error, and no empty database made in its place
  // (a writer that read the stub just before a switch must never write to a retired generation).
  fs::remove_all(db / "gen-000004");
  EXPECT_THROW(open_for_writing(db.string()), Error);
  EXPECT_FALSE(fs::exists(db / "gen-000004"));
}

}  // namespace
}  // namespace lede

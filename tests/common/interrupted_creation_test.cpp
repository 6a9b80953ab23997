// A database whose creation was killed before its version file existed is created again; a
// committed database is never touched.
#include "common/interrupted_creation.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <xapian.h>

#include "tests/support/temp_dir.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;

TEST(InterruptedCreation, LeftoversWithoutAVersionFileAreDiscarded) {
  test::TempDir dir;
  const std::string path = (dir / "db").string();
  { Xapian::WritableDatabase db(path, Xapian::DB_CREATE); }
  // What a kill between writing v.tmp and renaming it to iamglass leaves.
  fs::rename(dir / "db/iamglass", dir / "db/v.tmp");
  std::ofstream(dir / "db/lede-writer.lock") << "4242\n";
  EXPECT_THROW(Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN), Xapian::DatabaseError);

  EXPECT_TRUE(discard_interrupted_creation(path));
  EXPECT_FALSE(fs::exists(dir / "db/v.tmp"));
  EXPECT_TRUE(fs::exists(dir / "db/lede-writer.lock"));  // not Xapian's: kept
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  EXPECT_EQ(db.get_doccount(), 0u);
}

TEST(InterruptedCreation, ACommittedDatabaseIsNeverTouched) {
  test::TempDir dir;
  const std::string path = (dir / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    db.add_document(Xapian::Document());
    db.commit();
  }
  std::ofstream(dir / "db/v.tmp") << "a commit in progress";
  EXPECT_FALSE(discard_interrupted_creation(path));
  EXPECT_TRUE(fs::exists(dir / "db/v.tmp"));
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 1u);
  EXPECT_FALSE(discard_interrupted_creation((dir / "missing").string()));
}

}  // namespace
}  // namespace lede

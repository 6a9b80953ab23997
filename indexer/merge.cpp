#include "indexer/merge.hpp"

#include <xapian.h>

#include "common/error.hpp"

namespace lede {

namespace {

class TableReporter : public Xapian::Compactor {
 public:
  explicit TableReporter(const std::function<void(const std::string&)>& on_table)
      : on_table_(on_table) {}

  // Called once per table with an empty status as it starts, then with what it did.
  void set_status(const std::string& table, const std::string& status) override {
    if (status.empty() && on_table_) on_table_(table);
  }

 private:
  const std::function<void(const std::string&)>& on_table_;
};

}  // namespace

void merge_databases(const std::vector<std::filesystem::path>& sources,
                     const std::filesystem::path& output,
                     const std::function<void(const std::string&)>& on_table) {
  try {
    Xapian::Database all;
    for (const auto& source : sources) {
      all.add_database(Xapian::Database(source.string(), Xapian::DB_BACKEND_GLASS));
    }
    TableReporter reporter(on_table);
    all.compact(output.string(), Xapian::Compactor::FULL | Xapian::DBCOMPACT_MULTIPASS,
                static_cast<int>(compacted_block_size), reporter);
  } catch (const Xapian::Error& e) {
    throw Error(output.string() + ": cannot merge: " + e.get_description());
  }
}

}  // namespace lede

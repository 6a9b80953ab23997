#include "indexer/deduplicate.hpp"

#include <string>

#include <xapian.h>

#include "common/schema.hpp"

namespace lede {

std::size_t keep_last_copies(const std::vector<std::filesystem::path>& parts) {
  if (parts.size() < 2) return 0;
  const std::string prefix(schema::unique_id().prefix);
  std::vector<Xapian::Database> databases;
  std::vector<Xapian::TermIterator> terms, ends;
  for (const auto& part : parts) {
    databases.emplace_back(part.string(), Xapian::DB_BACKEND_GLASS);
    terms.push_back(databases.back().allterms_begin(prefix));
    ends.push_back(databases.back().allterms_end(prefix));
  }

  // A k-way merge of the sorted term lists: for each term, every part but the last that has it
  // loses its copy.
  std::vector<std::vector<std::string>> doomed(parts.size());
  std::size_t count = 0;
  while (true) {
    std::string smallest;
    bool any = false;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (terms[k] == ends[k]) continue;
      std::string term = *terms[k];
      if (!any || term < smallest) {
        smallest = std::move(term);
        any = true;
      }
    }
    if (!any) break;
    std::vector<std::size_t> holders;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (terms[k] != ends[k] && *terms[k] == smallest) {
        holders.push_back(k);
        ++terms[k];
      }
    }
    for (std::size_t i = 0; i + 1 < holders.size(); ++i) {
      doomed[holders[i]].push_back(smallest);
      ++count;
    }
  }

  terms.clear();
  ends.clear();
  databases.clear();
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (doomed[k].empty()) continue;
    Xapian::WritableDatabase part(parts[k].string(),
                                  Xapian::DB_OPEN | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
    for (const std::string& term : doomed[k]) part.delete_document(term);
    part.commit();
  }
  return count;
}

}  // namespace lede

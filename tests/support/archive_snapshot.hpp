// Everything a lede archive holds, keyed by article identity (docids may differ): for
// comparing an archive before and after a rebuild or compaction.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <xapian.h>

namespace lede::test {

struct DocumentSnapshot {
  std::string data;
  /// term, wdf, positions
  std::vector<std::tuple<std::string, Xapian::termcount, std::vector<Xapian::termpos>>> terms;
  std::vector<std::pair<Xapian::valueno, std::string>> values;
  friend bool operator==(const DocumentSnapshot&, const DocumentSnapshot&) = default;
};

struct ArchiveSnapshot {
  Xapian::doccount doccount = 0;
  std::map<std::string, DocumentSnapshot> documents;  ///< by unique (`Q`) term
  std::map<std::string, Xapian::doccount> spelling;   ///< word → frequency
  std::map<std::string, std::string> metadata;
  std::map<std::string, std::vector<std::string>> synonyms;
  friend bool operator==(const ArchiveSnapshot&, const ArchiveSnapshot&) = default;
};

ArchiveSnapshot snapshot(const Xapian::Database& db);

/// Unique terms held by more than one document (must be none).
std::vector<std::string> repeated_unique_terms(const Xapian::Database& db);

}  // namespace lede::test

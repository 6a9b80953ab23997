#include "tests/support/archive_snapshot.hpp"

namespace lede::test {

ArchiveSnapshot snapshot(const Xapian::Database& db) {
  ArchiveSnapshot s;
  s.doccount = db.get_doccount();
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    DocumentSnapshot d;
    d.data = doc.get_data();
    std::string unique;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      std::vector<Xapian::termpos> positions(t.positionlist_begin(), t.positionlist_end());
      d.terms.emplace_back(*t, t.get_wdf(), positions);
      if (!(*t).empty() && (*t)[0] == 'Q') unique = *t;
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      d.values.emplace_back(v.get_valueno(), *v);
    }
    s.documents.emplace(unique.empty() ? "docid " + std::to_string(*it) : unique, std::move(d));
  }
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) {
    s.spelling[*w] = w.get_termfreq();
  }
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    s.metadata[*k] = db.get_metadata(*k);
  }
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    s.synonyms[*k].assign(db.synonyms_begin(*k), db.synonyms_end(*k));
  }
  return s;
}

std::vector<std::string> repeated_unique_terms(const Xapian::Database& db) {
  std::vector<std::string> repeated;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    if (t.get_termfreq() > 1) repeated.push_back(*t);
  }
  return repeated;
}

}  // namespace lede::test

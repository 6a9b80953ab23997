/**
 * @file
 * @brief probe-process-floor: the least whole process any engine built on Xapian can be, to
 * time with hyperfine beside lede-query and baseline-search-fts5 (docs/benchmarks.md, "the
 * whole-process goal").
 *
 * It links libxapian and the C++ runtime only, parses no options, and does the least a
 * search with results must: open the database, match the AND of the words (unstemmed, no
 * query parser), read each of the top ten hits' stored record, write their sizes. No ranking
 * blend, snippets, highlighting or formatting; any real program does all this and more.
 *
 * Usage: probe-process-floor DB WORD...
 */
#include <cstdio>
#include <vector>

#include <xapian.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: probe-process-floor DB WORD...\n", stderr);
    return 2;
  }
  try {
    const Xapian::Database db(argv[1]);
    std::vector<Xapian::Query> words;
    for (int i = 2; i < argc; ++i) words.emplace_back(argv[i]);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
    const Xapian::MSet hits = enquire.get_mset(0, 10);
    for (auto it = hits.begin(); it != hits.end(); ++it) {
      std::printf("%u %zu\n", *it, it.get_document().get_data().size());
    }
    return hits.empty() ? 1 : 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "probe-process-floor: %s\n", e.get_description().c_str());
    return 2;
  }
}

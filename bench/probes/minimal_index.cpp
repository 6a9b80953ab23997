/**
 * @file
 * @brief probe-minimal-index: the smallest Xapian 1.4 (glass) archive that keeps phrase search
 * and the text, to set beside FTS5's file (docs/benchmarks.md, "the size goal").
 *
 * Everything lede or the Getting Started guide adds is left out: STEM_ALL (one stemmed term per
 * word, which carries the positions, instead of STEM_SOME's two), no prefixed title terms, no
 * values, no spelling, no termlist (DB_NO_TERMLIST: no re-indexing), and as document data only
 * the title and the body. The articles are read as the baselines read them. Commit every 1,000.
 * Compact the result with xapian-compact and compare table by table.
 *
 * Usage: probe-minimal-index DB SOURCE...
 * @see https://xapian.org/docs/apidoc/html/namespaceXapian.html (DB_NO_TERMLIST)
 */
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "bench/article_stream.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: probe-minimal-index DB SOURCE...\n";
    return 2;
  }
  try {
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE | Xapian::DB_NO_TERMLIST);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    std::size_t added = 0;
    const lede::bench::StreamCounts counts = lede::bench::for_each_article(
        std::vector<std::string>(argv + 2, argv + argc),
        [&](const lede::Article& article) {
          const std::string& body = article.body.empty() ? article.summary : article.body;
          Xapian::Document doc;
          generator.set_document(doc);
          generator.index_text(article.title);
          generator.increase_termpos();
          generator.index_text(body);
          doc.set_data(article.title + '\n' + body);
          db.add_document(doc);
          if (++added % 1000 == 0) db.commit();
        },
        [](const std::string& problem) {
          std::cerr << "probe-minimal-index: " << problem << '\n';
        });
    db.commit();
    std::cout << counts.articles << " articles\n";
    return counts.sources_failed == 0 && counts.skipped == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "probe-minimal-index: " << e.what() << '\n';
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "probe-minimal-index: " << e.get_description() << '\n';
    return 2;
  }
}

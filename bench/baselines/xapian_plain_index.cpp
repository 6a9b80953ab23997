#include "bench/baselines/xapian_plain_index.hpp"

#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "bench/article_stream.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"

namespace lede::bench::xapian_plain {

namespace {

// Document data: the record as JSON, as the getting-started example stores its fields.
std::string document_data(const Article& article) {
  return nlohmann::json{{"id", article.guid.empty() ? article.id : article.guid},
                        {"title", article.title},
                        {"body", article.body.empty() ? article.summary : article.body},
                        {"summary", article.summary},
                        {"published", dates::format_rfc3339(article.published)},
                        {"link", article.link},
                        {"source", article.source},
                        {"categories", article.categories}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

BuildResult build(const std::vector<std::string>& sources, const std::string& path) {
  if (std::filesystem::exists(path)) throw Error(path + ": exists; xapian-plain builds a new one");
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    const auto add = [&](const Article& article) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(article.title, 1, "S");  // for title:… searches
      generator.index_text(article.title);
      generator.increase_termpos();
      generator.index_text(article.body.empty() ? article.summary : article.body);
      doc.set_data(document_data(article));
      db.add_document(doc);
    };
    const StreamCounts counts = for_each_article(sources, add, [](const std::string& message) {
      std::cerr << "lede-bench: " << message << '\n';
    });
    db.commit();
    return {counts.articles, counts.skipped, counts.sources_failed};
  } catch (const Xapian::Error& e) {
    throw Error(path + ": xapian-plain: " + e.get_description());
  }
}

}  // namespace lede::bench::xapian_plain

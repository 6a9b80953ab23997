#include "bench/baselines/fts5_index.hpp"

#include <filesystem>
#include <iostream>

#include "bench/article_stream.hpp"
#include "bench/baselines/sqlite_handle.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"

namespace lede::bench::fts5 {

namespace {

// The title counts as many times as in lede's own index (its wdf boost), so that both rank
// with the same emphasis on headlines.
std::string rank_option() {
  return "bm25(" + std::to_string(schema::title().wdf_boost) + ", 1)";
}

}  // namespace

BuildResult build(const std::vector<std::string>& sources, const std::string& path) {
  if (std::filesystem::exists(path)) throw Error(path + ": exists; fts5 builds a new file");
  sqlite::Database db = sqlite::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite::execute(db.get(),
                  "CREATE VIRTUAL TABLE articles USING fts5(title, body, "
                  "tokenize='porter unicode61')");
  sqlite::execute(db.get(),
                  "INSERT INTO articles(articles, rank) VALUES('rank', '" + rank_option() + "')");
  sqlite::execute(db.get(), "BEGIN");
  sqlite::Statement insert =
      sqlite::prepare(db.get(), "INSERT INTO articles(title, body) VALUES(?1, ?2)");
  const auto add = [&](const Article& article) {
    const std::string& body = article.body.empty() ? article.summary : article.body;
    sqlite3_stmt* s = insert.get();
    sqlite::check(db.get(),
                  sqlite3_bind_text(s, 1, article.title.data(),
                                    static_cast<int>(article.title.size()), SQLITE_STATIC),
                  "bind");
    sqlite::check(
        db.get(),
        sqlite3_bind_text(s, 2, body.data(), static_cast<int>(body.size()), SQLITE_STATIC), "bind");
    sqlite::check(db.get(), sqlite3_step(s), "insert", SQLITE_DONE);
    sqlite3_reset(s);
  };
  const StreamCounts counts = for_each_article(sources, add, [](const std::string& message) {
    std::cerr << "lede-bench: " << message << '\n';
  });
  sqlite::execute(db.get(), "COMMIT");
  return {counts.articles, counts.skipped, counts.sources_failed};
}

void compact(const std::string& path) {
  sqlite::Database db = sqlite::open(path, SQLITE_OPEN_READWRITE);
  sqlite::execute(db.get(), "INSERT INTO articles(articles) VALUES('optimize')");
  sqlite::execute(db.get(), "VACUUM");
}

}  // namespace lede::bench::fts5

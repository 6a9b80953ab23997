#include "bench/baselines/fts5_query.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>

#include "bench/baselines/sqlite_handle.hpp"
#include "common/error.hpp"

namespace lede::bench::fts5 {

namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';  // FTS5 strings escape a quote by doubling it
    out += c;
  }
  return out + '"';
}

bool has_word_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u);  // any non-ASCII character may be a letter
  });
}

// Snippets are measured in tokens by FTS5 (at most 64) and in characters by lede: about six
// characters a token in English news text.
int snippet_tokens(std::size_t characters) {
  return static_cast<int>(std::clamp<std::size_t>(characters / 6, 1, 64));
}

std::string column_text(sqlite3_stmt* statement, int column) {
  const auto* text = sqlite3_column_text(statement, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
              : std::string();
}

class Fts5Engine : public SearchEngine {
 public:
  Fts5Engine(const std::string& path, const QueryWork& work)
      : db_(sqlite::open(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX)), work_(work) {
    const std::string sql =
        work.snippets ? "SELECT highlight(articles, 0, '[', ']'), snippet(articles, 1, '[', ']', "
                        "'…', " +
                            std::to_string(snippet_tokens(work.snippet_length)) +
                            ") FROM articles WHERE articles MATCH ?1 ORDER BY rank LIMIT ?2"
                      : "SELECT title, body FROM articles WHERE articles MATCH ?1 "
                        "ORDER BY rank LIMIT ?2";
    statement_ = sqlite::prepare(db_.get(), sql);
  }

  std::size_t search(const std::string& query) override {
    const std::string match = to_match_expression(query);
    if (match.empty()) return 0;
    sqlite3_stmt* s = statement_.get();
    sqlite3_reset(s);
    sqlite::check(
        db_.get(),
        sqlite3_bind_text(s, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT),
        "bind");
    sqlite::check(db_.get(), sqlite3_bind_int(s, 2, static_cast<int>(work_.limit)), "bind");
    std::size_t hits = 0;
    output_.clear();
    int code;
    while ((code = sqlite3_step(s)) == SQLITE_ROW) {
      ++hits;
      // Formatted as a list of hits, like lede-query's, and discarded.
      output_ +=
          std::to_string(hits) + ". " + column_text(s, 0) + "\n   " + column_text(s, 1) + "\n\n";
    }
    if (code != SQLITE_DONE) {
      throw Error("fts5: query '" + query + "' (" + match + "): " + sqlite3_errmsg(db_.get()));
    }
    if (work_.out) *work_.out << output_;
    return hits;
  }

 private:
  sqlite::Database db_;
  QueryWork work_;
  sqlite::Statement statement_;
  std::string output_;
};

}  // namespace

std::string to_match_expression(std::string_view query) {
  std::string out;
  const auto add = [&out](std::string_view text) {
    if (!has_word_character(text)) return;
    if (!out.empty()) out += ' ';
    out += quoted(text);
  };
  std::size_t at = 0;
  while (at < query.size()) {
    if (query[at] == ' ' || query[at] == '\t') {
      ++at;
    } else if (query[at] == '"') {  // a phrase, to the closing quote or the end
      const std::size_t close = query.find('"', at + 1);
      const std::size_t end = close == std::string_view::npos ? query.size() : close;
      add(query.substr(at + 1, end - at - 1));
      at = end + 1;
    } else {
      const std::size_t end = std::min(query.find_first_of(" \t\"", at), query.size());
      add(query.substr(at, end - at));
      at = end;
    }
  }
  return out;
}

EngineFactory engine_factory(const std::string& path, const QueryWork& work) {
  Fts5Engine probe(path, work);  // fail early, naming the file, before any thread starts
  return [path, work] { return std::make_unique<Fts5Engine>(path, work); };
}

}  // namespace lede::bench::fts5

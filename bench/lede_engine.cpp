#include "bench/lede_engine.hpp"

#include <ostream>
#include <streambuf>

#include "common/database.hpp"
#include "common/language.hpp"
#include "query/highlight_terms.hpp"
#include "query/human_printer.hpp"

namespace lede::bench {

namespace {

/// A stream buffer that accepts and forgets everything: the formatting work is done, the
/// bytes go nowhere (as if into a pipe nobody reads, without the system calls).
class DiscardBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

class LedeEngine : public SearchEngine {
 public:
  explicit LedeEngine(const LedeEngineOptions& options)
      : db_(open_for_reading(options.database)),
        work_(options.work),
        sink_(options.work.out ? options.work.out->rdbuf() : &discard_) {
    request_.sort = options.sort;
    request_.now = options.now;
    request_.limit = options.work.limit;
    human_.now = options.now;
    human_.snippet.length = options.work.snippet_length;
  }

  std::size_t search(const std::string& text) override {
    request_.text = text;
    const query::SearchResult result = query::search(db_, request_);
    if (!work_.snippets) return result.hits.size();
    // The same steps as lede-query's run(): highlight terms, then one printed hit each.
    const query::HighlightTerms terms =
        query::highlight_terms(result.query, stemmer_for(request_.stem_language));
    for (const query::Hit& hit : result.hits) query::print_human_hit(sink_, hit, terms, human_);
    query::print_human_summary(sink_, request_, result, human_);
    return result.hits.size();
  }

 private:
  Xapian::Database db_;
  QueryWork work_;
  query::SearchRequest request_;
  query::HumanOptions human_;  // no colour, no relative ages: lede-query into a pipe
  DiscardBuffer discard_;
  std::ostream sink_;
};

}  // namespace

EngineFactory lede_engine_factory(const LedeEngineOptions& options) {
  open_for_reading(options.database);  // fail early, naming the path, before any thread starts
  return [options] { return std::make_unique<LedeEngine>(options); };
}

}  // namespace lede::bench

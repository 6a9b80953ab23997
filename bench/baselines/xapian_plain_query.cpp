#include "bench/baselines/xapian_plain_query.hpp"

#include <ostream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/error.hpp"

namespace lede::bench::xapian_plain {

namespace {

class PlainEngine : public SearchEngine {
 public:
  PlainEngine(const std::string& path, const QueryWork& work)
      : db_(path), stemmer_("english"), work_(work), enquire_(db_) {
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_database(db_);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix("title", "S");
  }

  std::size_t search(const std::string& query) override {
    try {
      return run(query);
    } catch (const Xapian::Error& e) {
      throw Error("xapian-plain: query '" + query + "': " + e.get_description());
    }
  }

 private:
  std::size_t run(const std::string& query) {
    enquire_.set_query(parser_.parse_query(query));
    const Xapian::MSet mset = enquire_.get_mset(0, work_.limit);
    output_.clear();
    unsigned rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const auto fields = nlohmann::json::parse(it.get_document().get_data());
      const std::string title = fields.value("title", "");
      const std::string body = fields.value("body", "");
      output_ += std::to_string(++rank) + ". ";
      if (work_.snippets) {
        // MSet::snippet's defaults otherwise (background model, exhaustive, <b> highlights).
        output_ += mset.snippet(title, title.size() + 1, stemmer_) + "\n   " +
                   mset.snippet(body, work_.snippet_length, stemmer_) + "\n\n";
      } else {
        output_ += title + '\n';
      }
    }
    if (work_.out) *work_.out << output_;
    return mset.size();
  }

  Xapian::Database db_;
  Xapian::Stem stemmer_;
  QueryWork work_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
  std::string output_;
};

}  // namespace

EngineFactory engine_factory(const std::string& path, const QueryWork& work) {
  try {
    PlainEngine probe(path, work);  // fail early, naming the folder, before any thread starts
  } catch (const Xapian::Error& e) {
    throw Error(path + ": " + e.get_description());
  }
  return [path, work] { return std::make_unique<PlainEngine>(path, work); };
}

}  // namespace lede::bench::xapian_plain

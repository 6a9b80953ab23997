#include "bench/eval_run.hpp"

#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <vector>

#include "bench/eval_files.hpp"
#include "bench/eval_metrics.hpp"
#include "bench/temporary_folder.hpp"
#include "common/database.hpp"
#include "common/error.hpp"
#include "indexer/ingest.hpp"
#include "query/search.hpp"

namespace lede::bench {

namespace {

double rounded(double value) {
  return std::round(value * 1e4) / 1e4;
}

struct Archive {
  std::size_t documents = 0;
  std::size_t skipped = 0;
};

Archive build_archive(const std::string& documents, const std::string& db_path) {
  Xapian::WritableDatabase db = open_for_writing(db_path);
  IngestOptions ingest_options;
  ingest_options.sources = {documents};
  ingest_options.on_problem = [](const std::string& message) {
    std::cerr << "lede-bench: " << message << '\n';
  };
  const IngestSummary summary = ingest(db, ingest_options);
  if (summary.sources_failed != 0) throw Error(documents + ": could not be indexed");
  db.close();
  return {summary.articles(), summary.skipped};
}

/// One query's hits as (record id, score), in trec_eval's order; lede's own order agrees
/// except among equal scores.
std::vector<ScoredDocument> ranked_documents(const query::SearchResult& result) {
  std::vector<ScoredDocument> ranked;
  ranked.reserve(result.hits.size());
  for (const query::Hit& hit : result.hits) ranked.push_back({hit.article.guid, hit.score});
  sort_as_trec_eval(ranked);
  return ranked;
}

}  // namespace

nlohmann::json run_eval(const EvalOptions& options) {
  const Qrels qrels = read_qrels(options.qrels);
  const std::vector<Topic> topics = read_topics(options.queries);
  std::ofstream run;
  if (!options.run_file.empty()) {
    run.open(options.run_file);
    if (!run) throw Error(options.run_file + ": cannot write the run file");
  }

  const auto start = std::chrono::steady_clock::now();
  const TemporaryFolder folder;
  const std::string db_path = (folder.path() / "index").string();
  const Archive archive = build_archive(options.documents, db_path);
  const Xapian::Database db = open_for_reading(db_path);

  // lede-query's defaults (sort blend, collapsing, the current time), asking for the top 1000.
  query::SearchRequest request;
  request.limit = run_depth;

  std::vector<QueryMetrics> per_query;
  std::size_t without_hits = 0, searched_as_words = 0, failed = 0;
  for (const Topic& topic : topics) {
    request.text = topic.text;
    std::vector<ScoredDocument> ranked;
    try {
      const query::SearchResult result = query::search(db, request);
      if (!result.notes.empty()) ++searched_as_words;
      ranked = ranked_documents(result);
    } catch (const Error& e) {
      // Scored as a query without results, and said.
      ++failed;
      std::cerr << "lede-bench: " << options.queries << ": query " << topic.id << ": " << e.what()
                << '\n';
    }
    if (run.is_open()) write_run_lines(run, topic.id, ranked, "lede");
    const auto judged = qrels.find(topic.id);
    if (judged == qrels.end() || !has_relevant(judged->second)) continue;
    if (ranked.empty()) ++without_hits;
    per_query.push_back(measure_query(std::move(ranked), judged->second));
  }
  if (run.is_open() && !run.flush()) throw Error(options.run_file + ": write failed");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const QueryMetrics m = mean(per_query);
  nlohmann::json report = {
      {"benchmark", "eval"},
      {"documents_file", options.documents},
      {"documents", archive.documents},
      {"documents_skipped", archive.skipped},
      {"queries", topics.size()},
      {"queries_scored", per_query.size()},
      {"queries_without_hits", without_hits},
      {"queries_searched_as_words", searched_as_words},
      {"queries_failed", failed},
      {"ndcg_at_10", rounded(m.ndcg_at_10)},
      {"map", rounded(m.average_precision)},
      {"p_at_10", rounded(m.precision_at_10)},
      {"recall_at_100", rounded(m.recall_at_100)},
      {"seconds", std::round(seconds * 100) / 100},
  };
  if (!options.run_file.empty()) report["run_file"] = options.run_file;
  return report;
}

void print_eval(const nlohmann::json& r, std::ostream& out) {
  out << r.at("documents_file").get<std::string>() << ": " << r.at("documents")
      << " documents indexed (" << r.at("documents_skipped") << " skipped), " << r.at("queries")
      << " queries, " << r.at("queries_scored") << " with relevant documents scored ("
      << r.at("queries_without_hits") << " without hits)\n";
  out << std::fixed << std::setprecision(4);
  out << "nDCG@10     " << r.at("ndcg_at_10").get<double>() << '\n';
  out << "MAP         " << r.at("map").get<double>() << '\n';
  out << "P@10        " << r.at("p_at_10").get<double>() << '\n';
  out << "Recall@100  " << r.at("recall_at_100").get<double>() << '\n';
}

}  // namespace lede::bench

#include "query/search.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/stored_article.hpp"
#include "query/date_range.hpp"
#include "query/query_parser.hpp"
#include "query/recency.hpp"
#include "query/relevance.hpp"

namespace lede::query {

namespace {

/// Below this many matches a spelling correction is worth checking.
constexpr Xapian::doccount few_matches = 3;

UnixSeconds current_time() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Xapian::Query any_of(const std::vector<std::string>& values, const schema::Field& field) {
  std::vector<Xapian::Query> terms;
  for (const std::string& value : values) terms.emplace_back(schema::boolean_term(field, value));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

/// A source name matches as its words in the source field (as `source:"…"` would).
Xapian::Query any_source(const std::vector<std::string>& names, QueryParser& parser) {
  std::vector<Xapian::Query> alternatives;
  for (const std::string& name : names) {
    std::string words = name;
    std::erase(words, '"');
    alternatives.push_back(parser.parse("source:\"" + words + "\"").query);
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

/// The request's filters as one boolean query (MatchAll when there are none).
Xapian::Query filter_query(const Filters& filters, QueryParser& parser) {
  std::vector<Xapian::Query> parts;
  if (filters.since || filters.until) {
    parts.push_back(published_range_query(TimeRange{filters.since, filters.until}));
  }
  if (!filters.sources.empty()) parts.push_back(any_source(filters.sources, parser));
  if (!filters.categories.empty()) parts.push_back(any_of(filters.categories, schema::category()));
  if (!filters.languages.empty()) parts.push_back(any_of(filters.languages, schema::language()));
  if (parts.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query with_filters(Xapian::Query query, const Filters& filters, QueryParser& parser) {
  const bool no_filters = !filters.since && !filters.until && filters.sources.empty() &&
                          filters.categories.empty() && filters.languages.empty();
  if (no_filters) return query;
  if (query.empty()) query = Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter_query(filters, parser));
}

void set_order(Xapian::Enquire& enquire, SortOrder sort) {
  // Equal scores go newest first, for every order.
  if (sort == SortOrder::date) {
    enquire.set_sort_by_value_then_relevance(schema::published, true);
  } else {
    enquire.set_sort_by_relevance_then_value(schema::published, true);
  }
}

std::string day_to_display(const std::string& key, Facet facet) {
  // "19870301" → "1987-03-01" / "1987-03" / "1987".
  if (key.size() != 8) return key;
  std::string out = key.substr(0, 4);
  if (facet == Facet::year) return out;
  out += '-' + key.substr(4, 2);
  if (facet == Facet::month) return out;
  return out + '-' + key.substr(6, 2);
}

std::vector<FacetCount> facet_counts(const Xapian::ValueCountMatchSpy& spy, Facet facet) {
  std::vector<FacetCount> counts;
  if (facet == Facet::source) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      counts.push_back({*it, it.get_termfreq()});
    }
    std::stable_sort(counts.begin(), counts.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return counts;
  }
  std::map<std::string, Xapian::doccount, std::greater<>> periods;  // newest first
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    periods[day_to_display(*it, facet)] += it.get_termfreq();
  }
  for (const auto& [period, count] : periods) counts.push_back({period, count});
  return counts;
}

Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 0, few_matches).get_matches_estimated();
}

SearchResult search_once(const Xapian::Database& db, const SearchRequest& request) {
  RecencyModel recency;
  recency.now = request.now != 0 ? request.now : current_time();
  if (request.half_life_days != 0) recency.half_life_days = request.half_life_days;
  if (request.recency_weight >= 0) recency.weight = request.recency_weight;
  const bool blend = request.sort == SortOrder::blend && recency.weight > 0;

  SearchResult result;
  QueryParser parser(db, request.stem_language, recency.now);
  ParsedQuery parsed = parser.parse(request.text);
  result.notes = std::move(parsed.notes);
  result.query = with_filters(parsed.query, request.filters, parser);
  if (result.query.empty()) result.query = Xapian::Query::MatchAll;
  result.parsed_description = result.query.get_description();

  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(relevance_weighting());
  // A bad model is an error in every sort order; the bonus (one map entry per archive day)
  // is only built when it is used.
  recency.validate();
  enquire.set_query(
      blend ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, result.query, recency_query(db, recency))
            : result.query);
  set_order(enquire, request.sort);
  if (request.collapse) enquire.set_collapse_key(schema::collapse_key);

  std::optional<Xapian::ValueCountMatchSpy> spy;
  if (request.facet) {
    spy.emplace(request.facet == Facet::source ? schema::source_slot : schema::day_slot);
    enquire.add_matchspy(&*spy);
  }
  // Facet counts must cover every match, not a sample; otherwise let the matcher stop early.
  const bool count_all = request.exact_count || request.limit == 0 || request.facet;
  const Xapian::doccount check_at_least = count_all ? db.get_doccount() : 0;

  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);
  // When every match was checked the count is exact; with collapsing only the lower bound is
  // (Xapian 1.4's collapsed estimate can even exceed the uncollapsed count).
  result.estimated_matches =
      count_all ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    Hit hit;
    hit.rank = static_cast<unsigned>(it.get_rank()) + 1;  // get_rank() counts the offset
    hit.docid = *it;
    hit.article = decode_document_data(doc.get_data());
    hit.score = it.get_weight();
    hit.recency = recency.recency_of_day(doc.get_value(schema::day_slot));
    hit.relevance = blend ? hit.score - recency.weight * hit.recency : hit.score;
    hit.similar = request.collapse ? it.get_collapse_count() : 0;
    result.hits.push_back(std::move(hit));
  }
  if (spy) result.facets = facet_counts(*spy, *request.facet);

  if (result.estimated_matches < few_matches) {
    const std::string corrected = parser.spelling_correction(request.text);
    if (!corrected.empty()) {
      const Xapian::Query alternative =
          with_filters(parser.parse(corrected).query, request.filters, parser);
      if (count_matches(db, alternative) > result.estimated_matches) {
        result.did_you_mean = corrected;
      }
    }
  }
  return result;
}

}  // namespace

namespace {

// Xapian::Database::reopen() returns false when no newer revision exists ("the database
// definitely hasn't been reopened"). A reopen overtaken in its turn counts as newer.
// @see https://xapian.org/docs/apidoc/html/classXapian_1_1Database.html (reopen)
bool reopened_to_newer_revision(Xapian::Database& db) {
  try {
    return db.reopen();
  } catch (const Xapian::DatabaseModifiedError&) {
    return true;
  } catch (const Xapian::DatabaseCorruptError&) {
    return true;  // overtaken again, or really corrupt: the bounded attempts tell them apart
  }
}

}  // namespace

SearchResult search(Xapian::Database db, const SearchRequest& request) {
  for (int attempt = 1;; ++attempt) {
    try {
      if (attempt > 1) db.reopen();  // inside the try: a reopen can be overtaken too
      SearchResult result = search_once(db, request);
      result.reopened = static_cast<unsigned>(attempt - 1);
      return result;
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice while this search read an older revision, whose blocks it
      // may now reuse. Xapian's remedy: reopen() at the latest revision and run the search
      // again. The tries are bounded: a writer committing faster than any search can finish
      // gets a plain message, never Xapian's.
      if (attempt >= max_search_attempts) {
        throw Error("the archive changed " + std::to_string(attempt) +
                    " times while it was searched (a writer is committing very often); try again");
      }
    } catch (const Xapian::DatabaseCorruptError&) {
      // Xapian 1.4 sometimes reports the same overtaking as corruption ("Expected block 89 to
      // be level 1, not 0": a block of the old revision already reused by a newer commit).
      // That is retried like the above only when a newer revision exists, i.e. reopen()
      // returns true; with none, the corruption is real and reported as it is.
      if (attempt >= max_search_attempts || !reopened_to_newer_revision(db)) throw;
    }
  }
}

}  // namespace lede::query

#include "query/json_printer.hpp"

#include <nlohmann/json.hpp>

#include "common/dates.hpp"
#include "common/sanitize.hpp"
#include "query/option_names.hpp"

namespace lede::query {

namespace {

using json = nlohmann::ordered_json;

std::string clean(std::string_view untrusted) {
  return text::sanitize_for_terminal(untrusted);
}

json spans_to_json(const std::vector<Span>& spans) {
  json out = json::array();
  for (const Span& span : spans) out.push_back({span.begin, span.end});
  return out;
}

void print_line(std::ostream& out, const json& object) {
  // Sanitised strings are valid UTF-8; `replace` is a backstop, never an exception mid-output.
  out << object.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace

void print_json_hit(std::ostream& out, const Hit& hit, const HighlightTerms& terms,
                    const SnippetOptions& snippet_options) {
  const Article& article = hit.article;
  const Snippet title = highlight_whole(article.title, terms.title, terms.stemmer);
  const std::string& text = article.body.empty() ? article.summary : article.body;
  const Snippet snippet = make_snippet(text, terms.text, terms.stemmer, snippet_options);
  print_line(out, {
                      {"type", "hit"},
                      {"rank", hit.rank},
                      {"id", clean(article.id)},
                      {"title", title.text},
                      {"title_spans", spans_to_json(title.spans)},
                      {"link", clean(article.link)},
                      {"source", clean(article.source)},
                      {"published", dates::format_rfc3339(article.published)},
                      {"language", clean(article.language)},
                      {"relevance", hit.relevance},
                      {"recency", hit.recency},
                      {"score", hit.score},
                      {"similar", hit.similar},
                      {"snippet",
                       {{"text", snippet.text},
                        {"spans", spans_to_json(snippet.spans)},
                        {"cut_start", snippet.cut_start},
                        {"cut_end", snippet.cut_end}}},
                  });
}

void print_json_summary(std::ostream& out, const SearchRequest& request, const SearchResult& result,
                        std::int64_t elapsed_us) {
  json summary = {
      {"type", "summary"},
      {"query", clean(result.parsed_description)},
      {"estimated_matches", result.estimated_matches},
      {"returned", result.hits.size()},
      {"offset", request.offset},
      {"sort", to_string(request.sort)},
      {"elapsed_us", elapsed_us},
  };
  if (result.did_you_mean) summary["did_you_mean"] = clean(*result.did_you_mean);
  if (request.facet) {
    json counts = json::array();
    for (const FacetCount& facet : result.facets) {
      counts.push_back({{"value", clean(facet.value)}, {"count", facet.count}});
    }
    summary["facets"] = {{"facet", to_string(*request.facet)}, {"counts", counts}};
  }
  print_line(out, summary);
}

}  // namespace lede::query

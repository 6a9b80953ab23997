#include "query/human_printer.hpp"

#include <string>

#include "common/dates.hpp"
#include "common/sanitize.hpp"
#include "query/option_names.hpp"
#include "query/terminal.hpp"

namespace lede::query {

namespace {

constexpr std::string_view indent = "   ";

std::string clean(std::string_view untrusted) {
  return text::sanitize_for_terminal(untrusted);
}

// The snippet's text with its spans highlighted; the rest in `base` (or plain).
std::string render(const Snippet& snippet, std::optional<Style> base, bool color) {
  std::string out;
  std::size_t at = 0;
  const auto plain = [&](std::size_t from, std::size_t to) {
    const std::string part = clean(std::string_view(snippet.text).substr(from, to - from));
    out += base ? paint(part, *base, color) : part;
  };
  for (const Span& span : snippet.spans) {
    if (span.begin < at || span.end > snippet.text.size()) continue;
    plain(at, span.begin);
    out += paint(clean(std::string_view(snippet.text).substr(span.begin, span.end - span.begin)),
                 Style::highlight, color);
    at = span.end;
  }
  plain(at, snippet.text.size());
  return out;
}

}  // namespace

void print_human_hit(std::ostream& out, const Hit& hit, const HighlightTerms& terms,
                     const HumanOptions& options) {
  const Article& article = hit.article;
  const Snippet title = highlight_whole(article.title, terms.title, terms.stemmer);
  out << hit.rank << ". "
      << (title.text.empty() ? paint("(untitled)", Style::title, options.color)
                             : render(title, Style::title, options.color))
      << '\n';

  std::string meta = clean(article.source.empty() ? article.host : article.source);
  if (!meta.empty()) meta += " · ";
  meta += dates::format_date(article.published);
  if (options.relative_ages)
    meta += " (" + dates::relative_age(article.published, options.now) + ")";
  out << indent << paint(meta, Style::dim, options.color) << '\n';
  if (!article.link.empty()) {
    out << indent << paint(clean(article.link), Style::dim, options.color) << '\n';
  }

  const std::string& text = article.body.empty() ? article.summary : article.body;
  const Snippet snippet = make_snippet(text, terms.text, terms.stemmer, options.snippet);
  if (!snippet.text.empty()) {
    out << indent << (snippet.cut_start ? "… " : "") << render(snippet, std::nullopt, options.color)
        << (snippet.cut_end ? " …" : "") << '\n';
  }
  if (hit.similar > 0) {
    out << indent
        << paint("+" + std::to_string(hit.similar) + " similar", Style::dim, options.color) << '\n';
  }
  out << '\n';
}

void print_human_summary(std::ostream& out, const SearchRequest& request,
                         const SearchResult& result, const HumanOptions& options) {
  if (result.did_you_mean) {
    out << "Did you mean: " << paint(clean(*result.did_you_mean), Style::title, options.color)
        << '\n';
  }
  if (!result.hits.empty()) {
    const std::string shown =
        std::to_string(result.hits.front().rank) + "–" + std::to_string(result.hits.back().rank);
    out << paint(shown + " of about " + std::to_string(result.estimated_matches) + " matches",
                 Style::dim, options.color)
        << '\n';
  }
  if (request.facet && !result.facets.empty()) {
    out << '\n'
        << paint(std::string(to_string(*request.facet)) + ":", Style::title, options.color) << '\n';
    for (const FacetCount& facet : result.facets) {
      out << indent << clean(facet.value) << "  "
          << paint(std::to_string(facet.count), Style::dim, options.color) << '\n';
    }
  }
}

void print_human_count(std::ostream& out, const SearchResult& result) {
  out << result.estimated_matches << '\n';
}

}  // namespace lede::query

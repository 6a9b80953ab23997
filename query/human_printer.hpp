/**
 * @file
 * @brief The output for people: ranked hits with highlighted titles and snippets.
 *
 * Every piece of article text goes through text::sanitize_for_terminal before lede adds its
 * own escape codes, so a title can never recolour, retitle or rewrite the reader's terminal.
 */
#pragma once

#include <ostream>

#include "query/highlight_terms.hpp"
#include "query/search.hpp"
#include "query/snippet.hpp"

namespace lede::query {

struct HumanOptions {
  bool color = false;          ///< ANSI styles (see query/terminal.hpp for the policy)
  bool relative_ages = false;  ///< "(3 days ago)" after dates: only on a terminal
  UnixSeconds now = 0;         ///< what ages are measured from
  SnippetOptions snippet;
};

/// One hit: rank and title, "source · date", link, snippet, "+N similar"; then a blank line.
void print_human_hit(std::ostream& out, const Hit& hit, const HighlightTerms& terms,
                     const HumanOptions& options);

/// What follows the hits: the did-you-mean line, how many matched, and the facet counts.
void print_human_summary(std::ostream& out, const SearchRequest& request,
                         const SearchResult& result, const HumanOptions& options);

/// `--count`: the estimated number of matches, alone on a line.
void print_human_count(std::ostream& out, const SearchResult& result);

}  // namespace lede::query

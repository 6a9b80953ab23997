// lede-query: searches a lede archive and prints the best matches, for people or as JSON Lines.
// Thin on purpose: options → SearchRequest → query::search → printers. Exit codes like grep:
// 0 matches, 1 none, 2 error (one "lede-query: …" line on stderr).

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/database.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/language.hpp"
#include "query/date_range.hpp"
#include "query/highlight_terms.hpp"
#include "query/human_printer.hpp"
#include "query/json_printer.hpp"
#include "query/option_names.hpp"
#include "query/recency.hpp"
#include "query/search.hpp"
#include "query/terminal.hpp"

namespace {

using namespace lede;
using namespace lede::query;

constexpr int exit_match = 0, exit_no_match = 1, exit_error = 2;

struct CommandLine {
  std::string db;
  std::vector<std::string> words;
  unsigned limit = 10;
  unsigned offset = 0;
  bool count = false;
  std::string sort = "blend";
  std::string half_life;
  std::optional<double> recency_weight;
  std::string now, since, until;
  std::vector<std::string> sources, categories, languages;
  std::string facet;
  unsigned fragments = 1;
  std::size_t snippet_length = 200;
  bool no_collapse = false;
  bool json = false;
  std::string color = "auto";
};

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

void declare_options(CLI::App& app, CommandLine& cl) {
  app.add_option("QUERY", cl.words, "the query, in lede's query language (docs/query-language.md)");
  app.add_option("--db", cl.db,
                 "database path (default: $LEDE_DB, else ~/.local/share/lede/index)");
  app.add_option("--limit", cl.limit, "show at most N hits")->capture_default_str();
  app.add_option("--offset", cl.offset, "skip the first N hits");
  app.add_flag("--count", cl.count, "print only the estimated number of matches");
  app.add_option("--sort", cl.sort, "blend | relevance | date")->capture_default_str();
  app.add_option("--half-life", cl.half_life,
                 "recency half-life: Nd, Nw or Nh (default " +
                     format_number(default_half_life_days) + "d, docs/ranking.md)");
  app.add_option("--recency-weight", cl.recency_weight,
                 "recency bonus of a story from today, in BM25 units (default " +
                     format_number(default_recency_weight) + "; 0: pure relevance)");
  app.add_option("--now", cl.now, "measure ages from DATE (RFC 3339 or YYYY-MM-DD)");
  app.add_option("--since", cl.since,
                 "published on or after: a date, or 7d, 2w, 3m, 1y, yesterday");
  app.add_option("--until", cl.until, "published on or before: a date, or an age");
  app.add_option("--source", cl.sources, "only from this source (repeatable)");
  app.add_option("--category", cl.categories, "only in this category (repeatable)");
  app.add_option("--lang", cl.languages, "only in this language, ISO 639-1 (repeatable)");
  app.add_option("--facet", cl.facet, "count matches by source | day | month | year");
  app.add_option("--fragments", cl.fragments, "snippet windows per hit")->capture_default_str();
  app.add_option("--snippet-length", cl.snippet_length, "characters per snippet window")
      ->capture_default_str();
  app.add_flag("--no-collapse", cl.no_collapse, "show every copy of the same story");
  app.add_flag("--json", cl.json, "JSON Lines output (docs/json.md)");
  app.add_option("--color", cl.color, "auto | always | never")->capture_default_str();
}

// "30d", "2w", "12h" or a plain number of days.
double parse_half_life_days(const std::string& text) {
  static const std::regex form(R"(^([0-9]+(\.[0-9]+)?)([hdw]?)$)");
  std::smatch m;
  if (!std::regex_match(text, m, form) || std::stod(m[1]) <= 0) {
    throw Error("--half-life: cannot read '" + text + "' (expected e.g. 30d, 2w or 12h)");
  }
  const double n = std::stod(m[1]);
  if (m[3] == "h") return n / 24;
  if (m[3] == "w") return n * 7;
  return n;
}

SearchRequest to_request(const CommandLine& cl) {
  SearchRequest request;
  for (const std::string& word : cl.words) {
    if (!request.text.empty()) request.text += ' ';
    request.text += word;
  }
  const auto sort = sort_order_from_string(cl.sort);
  if (!sort) throw Error("--sort: unknown order '" + cl.sort + "' (blend, relevance or date)");
  request.sort = *sort;
  if (!cl.half_life.empty()) request.half_life_days = parse_half_life_days(cl.half_life);
  if (cl.recency_weight) {
    if (*cl.recency_weight < 0) throw Error("--recency-weight: must be 0 or more");
    request.recency_weight = *cl.recency_weight;
  }
  if (cl.now.empty()) {
    request.now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  } else {
    const auto now = dates::parse_iso8601(cl.now);
    if (!now) throw Error("--now: cannot read '" + cl.now + "' as a date (RFC 3339 or YYYY-MM-DD)");
    request.now = *now;
  }
  if (!cl.since.empty()) {
    request.filters.since = parse_since(cl.since, request.now);
    if (!request.filters.since) {
      throw Error("--since: cannot read '" + cl.since + "' (a date, or 7d, 2w, 3m, 1y, yesterday)");
    }
  }
  if (!cl.until.empty()) {
    request.filters.until = parse_until(cl.until, request.now);
    if (!request.filters.until) {
      throw Error("--until: cannot read '" + cl.until + "' (a date, or 7d, 2w, 3m, 1y, yesterday)");
    }
  }
  request.filters.sources = cl.sources;
  request.filters.categories = cl.categories;
  request.filters.languages = cl.languages;
  if (!cl.facet.empty()) {
    request.facet = facet_from_string(cl.facet);
    if (!request.facet) {
      throw Error("--facet: unknown facet '" + cl.facet + "' (source, day, month or year)");
    }
  }
  request.limit = cl.limit;
  request.offset = cl.offset;
  if (cl.count) {  // just the number: no hits to fetch, and counted exactly
    request.limit = 0;
    request.exact_count = true;
  }
  request.collapse = !cl.no_collapse;
  return request;
}

// A reader that went away (`lede-query | head`) is not an error: SIGPIPE is ignored, and a
// write that fails with EPIPE ends the program quietly with the exit code it would have had.
class Output {
 public:
  // True when stdout can still be written to; throws on a real write error.
  bool flush() {
    errno = 0;
    std::cout.flush();
    if (std::cout) return true;
    if (errno == EPIPE) return false;
    throw Error(std::string("cannot write to standard output: ") + std::strerror(errno));
  }
};

int run(const CommandLine& cl) {
  const auto color_choice = parse_color_choice(cl.color);
  if (!color_choice)
    throw Error("--color: unknown choice '" + cl.color + "' (auto, always, never)");
  const SearchRequest request = to_request(cl);
  const Xapian::Database db = open_for_reading(cl.db.empty() ? default_database_path() : cl.db);

  const auto started = std::chrono::steady_clock::now();
  const SearchResult result = search(db, request);
  for (const std::string& note : result.notes) std::cerr << "lede-query: " << note << '\n';
  const int status =
      (cl.count ? result.estimated_matches > 0 : !result.hits.empty()) ? exit_match : exit_no_match;
  Output output;
  if (cl.count && !cl.json) {
    print_human_count(std::cout, result);
    output.flush();
    return status;
  }

  const HighlightTerms terms = highlight_terms(result.query, stemmer_for(request.stem_language));
  const SnippetOptions snippet{cl.snippet_length, cl.fragments};
  HumanOptions human;
  human.color = color_enabled(*color_choice);
  human.relative_ages = stdout_is_terminal();
  human.now = request.now;
  human.snippet = snippet;
  if (!cl.count) {
    for (const Hit& hit : result.hits) {
      if (cl.json) {
        print_json_hit(std::cout, hit, terms, snippet);
      } else {
        print_human_hit(std::cout, hit, terms, human);
      }
      if (!output.flush()) return status;
    }
  }
  if (cl.json) {
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    print_json_summary(std::cout, request, result, elapsed.count());
  } else {
    print_human_summary(std::cout, request, result, human);
  }
  output.flush();
  return status;
}

std::string one_line(std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  while (!message.empty() && message.back() == ' ') message.pop_back();
  return message;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"Search a lede news archive: relevance blended with recency, with snippets."};
  app.name("lede-query");
  app.footer(
      "Exit codes: 0 at least one match, 1 no match, 2 error (one 'lede-query: ...' line on "
      "stderr).\nA query starting with '-' needs '--' before it: lede-query -- -wheat oil");
  CommandLine cl;
  declare_options(app, cl);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "lede-query: " << one_line(e.what()) << " (see lede-query --help)\n";
    return exit_error;
  }
  try {
    return run(cl);
  } catch (const lede::Error& e) {
    std::cerr << "lede-query: " << one_line(e.what()) << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "lede-query: " << one_line(e.get_description()) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "lede-query: " << one_line(e.what()) << '\n';
  }
  return exit_error;
}

#include "tests/indexer/feedparser_expect.hpp"

#include <cctype>

#include <xapian.h>

#include "common/dates.hpp"
#include "common/text.hpp"
#include "indexer/html_text.hpp"

namespace lede::test {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// One quoted Python string literal, prefix included; nullopt if it is not exactly that.
std::optional<std::string> one_string(std::string_view s) {
  bool raw = false;
  while (!s.empty() && std::string_view("uUbBrR").find(s.front()) != std::string_view::npos) {
    raw = raw || s.front() == 'r' || s.front() == 'R';
    s.remove_prefix(1);
  }
  if (s.size() < 2 || (s.front() != '\'' && s.front() != '"') || s.back() != s.front()) {
    return std::nullopt;
  }
  const std::string_view body = s.substr(1, s.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || raw || i + 1 == body.size()) {
      if (body[i] == s.front() && (i == 0 || body[i - 1] != '\\')) return std::nullopt;
      out += body[i];
      continue;
    }
    const char e = body[++i];
    const auto hex = [&](std::size_t digits) {
      const unsigned long cp = std::stoul(std::string(body.substr(i + 1, digits)), nullptr, 16);
      i += digits;
      Xapian::Unicode::append_utf8(out, static_cast<unsigned>(cp));
    };
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'x':
        hex(2);
        break;
      case 'u':
        hex(4);
        break;
      case 'U':
        hex(8);
        break;
      default:
        out += '\\';
        out += e;
    }
  }
  return out;
}

struct PathStep {
  bool is_index = false;
  long index = 0;
  std::string key;
};

// feed['a'][0].b, entries[0]['title'] → steps; nullopt when it is not such a path.
std::optional<std::vector<PathStep>> parse_path(std::string_view s) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
  if (i == 0) return std::nullopt;
  steps.push_back({false, 0, std::string(s.substr(0, i))});
  while (i < s.size()) {
    if (s[i] == '.') {
      std::size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      steps.push_back({false, 0, std::string(s.substr(i + 1, j - i - 1))});
      i = j;
    } else if (s[i] == '[') {
      const std::size_t close = s.find(']', i);
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view inside = s.substr(i + 1, close - i - 1);
      if (auto key = one_string(inside)) {
        steps.push_back({false, 0, *key});
      } else if (!inside.empty() && inside.find_first_not_of("0123456789") == inside.npos) {
        steps.push_back({true, std::stol(std::string(inside)), ""});
      } else {
        return std::nullopt;
      }
      i = close + 1;
    } else {
      return std::nullopt;  // a call, an operator: not a plain path
    }
  }
  return steps;
}

// How a lede value is compared with feedparser's.
enum class Kind {
  exact,   // URLs, ids, languages, category terms
  type,    // content types: text/html or text/plain
  line,    // titles: plain text against feedparser's plain or HTML value
  text,    // content and summaries: text against feedparser's value after HTML → text
  person,  // authors: "Name (mail@x)" and "Name" are the same person
  time,    // *_parsed tuples: UTC civil time
};

struct LedeValue {
  Kind kind = Kind::exact;
  std::string text;
  std::optional<UnixSeconds> time;
};

// feedparser keeps the last value of a repeated date element, so the last parseable one of
// the most preferred source is what it reports.
std::optional<UnixSeconds> feedparser_date(const std::vector<feed::RawDate>& dates,
                                           std::initializer_list<DateSource> sources) {
  for (const DateSource source : sources) {
    for (auto it = dates.rbegin(); it != dates.rend(); ++it) {
      if (it->source != source) continue;
      if (auto t = dates::parse_feed_date(it->text)) return t;
    }
  }
  return std::nullopt;
}

std::string raw_date(const std::vector<feed::RawDate>& dates,
                     std::initializer_list<DateSource> sources) {
  for (const DateSource source : sources) {
    for (const feed::RawDate& date : dates) {
      if (date.source == source) return date.text;
    }
  }
  return "";
}

std::string plain(const feed::Text& text) {
  return text.is_html ? html::to_text(text.value) : text.value;
}

// lede records whether a text is HTML, not which HTML media type it came as.
std::string content_type(const feed::Text& text) {
  return text.is_html ? "text/html" : "text/plain";
}
std::string content_type(std::string_view feedparser_type) {
  return feedparser_type == "application/xhtml+xml" ? "text/html" : std::string(feedparser_type);
}

std::optional<LedeValue> feed_value(const std::vector<PathStep>& p, const ParsedSubject& s) {
  if (p.size() < 2 || p[1].is_index) return std::nullopt;
  const feed::Feed& f = *s.feed;
  const std::string language = f.language.empty() ? s.content_language : f.language;
  const std::string& key = p[1].key;
  if (p.size() == 2) {
    if (key == "title") return LedeValue{Kind::line, html::to_line(f.title), {}};
    if (key == "link") return LedeValue{Kind::exact, f.link, {}};
    if (key == "language") return LedeValue{Kind::exact, language, {}};
    if (key == "updated_parsed") {
      return LedeValue{Kind::time, "", feedparser_date(f.dates, {DateSource::feed})};
    }
  }
  if (p.size() == 3 && key == "title_detail" && p[2].key == "value") {
    return LedeValue{Kind::line, html::to_line(f.title), {}};
  }
  return std::nullopt;
}

std::optional<LedeValue> entry_value(const std::vector<PathStep>& p, const ParsedSubject& s) {
  if (p.size() < 3 || !p[1].is_index || p[2].is_index) return std::nullopt;
  const auto index = static_cast<std::size_t>(p[1].index);
  // A missing entry is a failure of the parser, not a gap in coverage: compare against "".
  static const feed::Item kNoItem;
  static const std::optional<Article> kNoArticle;
  const bool present = index < s.feed->items.size();
  const feed::Item& item = present ? s.feed->items[index] : kNoItem;
  const std::optional<Article>& article = present ? s.articles[index] : kNoArticle;
  // Items normalize rejects (no title, link or content) are still checked for what the parser
  // found in them: the article's fields when there is one, else the item's own.
  Article fallback;
  fallback.title = item.title.is_html ? html::to_line(item.title.value) : item.title.value;
  fallback.link = item.link;
  fallback.authors = item.authors;
  fallback.categories = item.categories;
  const Article& a = article ? *article : fallback;
  const std::string& title = a.title;
  const std::string language =
      !item.language.empty() ? item.language
                             : (!s.feed->language.empty() ? s.feed->language : s.content_language);
  const std::string summary = plain(!item.summary.value.empty() ? item.summary : item.content);
  const std::string& key = p[2].key;
  const auto step = [&](std::size_t k) -> const PathStep* {
    return k < p.size() ? &p[k] : nullptr;
  };
  const auto person = [&](std::size_t k) {
    return LedeValue{Kind::person, k < a.authors.size() ? a.authors[k] : "", {}};
  };

  if (p.size() == 3) {
    if (key == "title") return LedeValue{Kind::line, title, {}};
    if (key == "link") return LedeValue{Kind::exact, a.link, {}};
    if (key == "id" || key == "guid") return LedeValue{Kind::exact, item.guid, {}};
    if (key == "author") return person(0);
    if (key == "summary" || key == "description") return LedeValue{Kind::text, summary, {}};
    if (key == "category") {
      return LedeValue{Kind::exact, a.categories.empty() ? "" : a.categories[0], {}};
    }
    if (key == "language") return LedeValue{Kind::exact, language, {}};
    if (key == "published_parsed") {
      return LedeValue{Kind::time, "", feedparser_date(item.dates, {DateSource::published})};
    }
    // feedparser reads dc:date as "updated" and falls back from updated to published.
    if (key == "updated_parsed") {
      return LedeValue{Kind::time, "",
                       feedparser_date(item.dates, {DateSource::updated, DateSource::dc_date,
                                                    DateSource::published})};
    }
    if (key == "published") {
      return LedeValue{Kind::exact, raw_date(item.dates, {DateSource::published}), {}};
    }
    if (key == "updated") {
      return LedeValue{
          Kind::exact, raw_date(item.dates, {DateSource::updated, DateSource::dc_date}), {}};
    }
    return std::nullopt;
  }
  const PathStep* third = step(3);
  const PathStep* fourth = step(4);
  if (key == "author_detail" && p.size() == 4 && third->key == "name") return person(0);
  if (key == "authors" && p.size() == 5 && third->is_index && fourth->key == "name") {
    return person(static_cast<std::size_t>(third->index));
  }
  if (key == "tags" && p.size() == 5 && third->is_index && fourth->key == "term") {
    const auto k = static_cast<std::size_t>(third->index);
    return LedeValue{Kind::exact, k < a.categories.size() ? a.categories[k] : "", {}};
  }
  // *_detail['language'] is the xml:lang of one text construct; lede keeps one language per
  // item, so only the values are covered.
  if (key == "title_detail" && p.size() == 4 && third->key == "value") {
    return LedeValue{Kind::line, title, {}};
  }
  if (key == "summary_detail" && p.size() == 4 && third->key == "value") {
    return LedeValue{Kind::text, summary, {}};
  }
  if (key == "content" && p.size() == 5 && third->is_index && third->index == 0) {
    if (fourth->key == "value") return LedeValue{Kind::text, plain(item.content), {}};
    if (fourth->key == "type") return LedeValue{Kind::type, content_type(item.content), {}};
  }
  return std::nullopt;
}

std::optional<LedeValue> lede_value(std::string_view operand, const ParsedSubject& s) {
  const auto path = parse_path(operand);
  if (!path) return std::nullopt;
  if ((*path)[0].key == "feed") return feed_value(*path, s);
  if ((*path)[0].key == "entries") return entry_value(*path, s);
  return std::nullopt;
}

std::string fold(std::string_view s) {
  return text::fold_whitespace(s);
}

// The person's name without an e-mail part: "Name (me@x)", "me@x (Name)", "Name <me@x>" →
// "Name".
std::string person_name(std::string_view s) {
  s = trim(s);
  if (const std::size_t angle = s.rfind(" <"); angle != s.npos && s.back() == '>') {
    s = s.substr(0, angle);
  }
  const std::size_t open = s.rfind(" (");
  if (open != std::string_view::npos && s.back() == ')') {
    const std::string_view outer = s.substr(0, open);
    const std::string_view inner = s.substr(open + 2, s.size() - open - 3);
    return std::string(outer.find('@') != outer.npos ? inner : outer);
  }
  return std::string(s);
}

bool matches(const LedeValue& v, std::string_view expected) {
  switch (v.kind) {
    case Kind::exact:
      return trim(v.text) == trim(expected);
    case Kind::type:
      return v.text == content_type(expected);
    case Kind::line:
      return fold(v.text) == fold(expected) || fold(v.text) == fold(html::to_line(expected));
    case Kind::text:
      return fold(v.text) == fold(expected) || fold(v.text) == fold(html::to_text(expected));
    case Kind::person:
      return person_name(v.text) == person_name(expected);
    case Kind::time:
      return false;
  }
  return false;
}

// One `==` chain: covered when every operand is a mapped path or a literal.
Verdict evaluate_comparison(std::string_view clause, const ParsedSubject& s) {
  const std::vector<std::string> operands = split_top_level(clause, "==");
  if (operands.size() < 2) return {Outcome::not_covered, ""};
  for (std::size_t i = 0; i + 1 < operands.size(); ++i) {
    const std::string_view left = trim(operands[i]);
    const std::string_view right = trim(operands[i + 1]);
    const auto lv = lede_value(left, s);
    const auto rv = lede_value(right, s);
    bool ok;
    std::string had;
    if (lv && rv) {
      ok = lv->text == rv->text && lv->time == rv->time;
      had = lv->text + " / " + rv->text;
    } else if (lv || rv) {
      const LedeValue& v = lv ? *lv : *rv;
      const std::string_view literal = lv ? right : left;
      if (v.kind == Kind::time) {
        const auto tuple = python_int_tuple(literal);
        if (!tuple || tuple->size() < 6) return {Outcome::not_covered, ""};
        const auto& t = *tuple;
        const UnixSeconds want = dates::from_civil(
            static_cast<int>(t[0]), static_cast<unsigned>(t[1]), static_cast<unsigned>(t[2]),
            static_cast<int>(t[3]), static_cast<int>(t[4]), static_cast<int>(t[5]));
        ok = v.time && *v.time == want;
        had = v.time ? dates::format_rfc3339(*v.time) : "(no date)";
      } else {
        const auto expected = python_string(literal);
        if (!expected) return {Outcome::not_covered, ""};
        ok = matches(v, *expected);
        had = v.text;
      }
    } else {
      return {Outcome::not_covered, ""};
    }
    if (!ok) return {Outcome::fail, std::string(clause) + "  — lede had: " + had};
  }
  return {Outcome::pass, ""};
}

}  // namespace

std::vector<std::string> split_top_level(std::string_view e, std::string_view separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    const char c = e[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '\'' || c == '"')
      quote = c;
    else if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if (c == ')' || c == ']' || c == '}')
      --depth;
    else if (depth == 0 && e.substr(i, separator.size()) == separator) {
      // Word separators ("and") must stand alone, not inside a name like "brand".
      const bool word = std::isalpha(static_cast<unsigned char>(separator.front()));
      const bool bounded =
          !word || ((i == 0 || e[i - 1] == ' ') &&
                    (i + separator.size() == e.size() || e[i + separator.size()] == ' '));
      if (bounded) {
        parts.emplace_back(e.substr(start, i - start));
        start = i + separator.size();
        i = start - 1;
      }
    }
  }
  parts.emplace_back(e.substr(start));
  return parts;
}

std::optional<std::string> python_string(std::string_view literal) {
  std::string out;
  for (const std::string& piece : split_top_level(literal, "+")) {
    const auto s = one_string(trim(piece));
    if (!s) return std::nullopt;
    out += *s;
  }
  return out;
}

std::optional<std::vector<long long>> python_int_tuple(std::string_view literal) {
  literal = trim(literal);
  if (literal.size() < 2 || literal.front() != '(' || literal.back() != ')') return std::nullopt;
  std::vector<long long> values;
  for (const std::string& piece : split_top_level(literal.substr(1, literal.size() - 2), ",")) {
    const std::string_view number = trim(piece);
    if (number.empty()) continue;
    if (number.find_first_not_of("-0123456789") != number.npos) return std::nullopt;
    values.push_back(std::stoll(std::string(number)));
  }
  return values;
}

Verdict evaluate_expectation(std::string_view expression, const ParsedSubject& subject) {
  Verdict verdict;
  for (const std::string& clause_text : split_top_level(expression, "and")) {
    const std::string_view clause = trim(clause_text);
    // `bozo` (feedparser's well-formedness flag) has no counterpart: lede throws instead.
    if (clause.starts_with("not ") || clause == "bozo") continue;
    // Only == chains are covered; in, is, len(), <, != compare things lede does not model.
    if (clause.find("==") == clause.npos || clause.find("!=") != clause.npos) continue;
    const Verdict v = evaluate_comparison(clause, subject);
    if (v.outcome == Outcome::fail) return v;
    if (v.outcome == Outcome::pass) verdict.outcome = Outcome::pass;
  }
  return verdict;
}

}  // namespace lede::test

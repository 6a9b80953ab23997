#include "query/highlight_terms.hpp"

#include <optional>

#include "common/schema.hpp"
#include "common/stem_cache.hpp"

namespace lede::query {

namespace {

/// Distinct words whose stems one query remembers (about 10 MB at most; 10 hits hold a few
/// thousand).
constexpr std::size_t max_snippet_stems = 100'000;

enum class Applies { title_only, title_and_text, nowhere };

struct QueryWord {
  Applies applies = Applies::nowhere;
  std::string word;      ///< the term without its prefix
  bool stemmed = false;  ///< a "Z" term: `word` is already a stem
};

// Which text a term prefix searches. Every prefix comes from the schema table.
Applies applies_for_prefix(std::string_view prefix) {
  if (prefix.empty()) return Applies::title_and_text;  // the default field: title + text
  if (prefix == schema::title().prefix) return Applies::title_only;
  return Applies::nowhere;  // author, source and the boolean filters are not shown as text
}

bool is_schema_prefix(std::string_view prefix) {
  for (const schema::Field& field : schema::fields) {
    if (field.prefix == prefix) return true;
  }
  return false;
}

// A term is ["Z"][prefix][":"]word (Xapian's convention: prefixes are capitals, words are
// lower-cased, "Z" marks a stemmed term — see Xapian::TermGenerator and QueryParser).
QueryWord split_term(std::string_view term) {
  std::size_t caps = 0;
  while (caps < term.size() && term[caps] >= 'A' && term[caps] <= 'Z') ++caps;
  std::string_view prefix = term.substr(0, caps);
  QueryWord out;
  if (!prefix.empty() && prefix.front() == 'Z' && !is_schema_prefix(prefix)) {
    out.stemmed = true;
    prefix.remove_prefix(1);
  }
  if (!prefix.empty() && !is_schema_prefix(prefix)) return out;  // not one of ours
  std::string_view word = term.substr(caps);
  if (!word.empty() && word.front() == ':') word.remove_prefix(1);
  if (word.empty()) return out;
  out.applies = applies_for_prefix(prefix);
  out.word = std::string(word);
  return out;
}

// Xapian 1.4 has no accessor for an OP_WILDCARD pattern; its description is
// "Query(WILDCARD SYNONYM pattern)", so the pattern is the text after the second word.
std::optional<std::string> wildcard_pattern(const Xapian::Query& query) {
  std::string description = query.get_description();
  const std::string opening = "Query(WILDCARD ";
  if (description.rfind(opening, 0) != 0 || description.back() != ')') return std::nullopt;
  description = description.substr(opening.size(), description.size() - opening.size() - 1);
  const auto space = description.find(' ');
  if (space == std::string::npos) return std::nullopt;
  return description.substr(space + 1);
}

/// Whether stem(word) always begins with the word's first byte. Snowball's English stemmer
/// (Porter2) only rewrites suffixes: words of one or two letters are left alone, every rule and
/// exception replaces or removes an ending within the word, and its prelude changes the first
/// character only to drop a leading apostrophe (no word of split_words begins with one) or to
/// mark a leading "y" as a consonant, which its postlude restores. Without a stemmer the key is
/// the word itself. Other languages fold accents or letters (German's "ß"), so they are not
/// assumed to keep it. @see https://snowballstem.org/algorithms/english/stemmer.html
bool keeps_first_byte(const Xapian::Stem& stemmer) {
  const std::string description = stemmer.get_description();
  return description == "Xapian::Stem(english)" || description == "Xapian::Stem(none)";
}

std::bitset<256> first_bytes(const FieldHighlights& field) {
  std::bitset<256> bytes;
  const auto add = [&bytes](std::string_view word) {
    if (!word.empty()) bytes.set(static_cast<unsigned char>(word.front()));
  };
  for (const std::string& stem : field.stems) add(stem);
  for (const std::string& prefix : field.wildcard_prefixes) add(prefix);
  for (const auto& phrase : field.phrases) {
    for (const std::string& word : phrase) add(word);
  }
  return bytes;
}

class Collector {
 public:
  // The hits' snippets compare every word of their text by stem: the stems one query's hits
  // share ("said", "mln", the query's own words) are made once (common/stem_cache.hpp).
  explicit Collector(const Xapian::Stem& stemmer) : stemmer_(stemmer) {
    out_.stemmer = with_stem_cache(stemmer, max_snippet_stems);
  }

  void walk(const Xapian::Query& query) {
    const auto type = query.get_type();
    switch (type) {
      case Xapian::Query::LEAF_TERM:
        add_word(split_term(*query.get_terms_begin()));
        return;
      case Xapian::Query::OP_WILDCARD:
        if (const auto pattern = wildcard_pattern(query)) add_wildcard(split_term(*pattern));
        return;
      case Xapian::Query::OP_PHRASE:
        if (add_phrase(query)) return;
        break;
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_AND_NOT:
        // Only the first subquery is what the user looks for; the rest filter or exclude.
        if (query.get_num_subqueries() > 0) walk(query.get_subquery(0));
        return;
      case Xapian::Query::OP_VALUE_RANGE:
      case Xapian::Query::OP_VALUE_GE:
      case Xapian::Query::OP_VALUE_LE:
      case Xapian::Query::LEAF_POSTING_SOURCE:
      case Xapian::Query::LEAF_MATCH_ALL:
      case Xapian::Query::LEAF_MATCH_NOTHING:
        return;
      default:
        break;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) walk(query.get_subquery(i));
  }

  HighlightTerms take() {
    if (keeps_first_byte(stemmer_)) {
      for (FieldHighlights* field : {&out_.title, &out_.text})
        field->first_bytes = first_bytes(*field);
    }
    return std::move(out_);
  }

 private:
  std::string key_of(const QueryWord& word) const {
    return word.stemmed ? word.word : word_key(stemmer_, word.word);
  }

  void add_word(const QueryWord& word) {
    if (word.applies == Applies::nowhere) return;
    const std::string key = key_of(word);
    out_.title.stems.insert(key);
    if (word.applies == Applies::title_and_text) out_.text.stems.insert(key);
  }

  void add_wildcard(const QueryWord& word) {
    if (word.applies == Applies::nowhere || word.stemmed) return;
    out_.title.wildcard_prefixes.push_back(word.word);
    if (word.applies == Applies::title_and_text) out_.text.wildcard_prefixes.push_back(word.word);
  }

  // A phrase of plain terms, all searching the same text; anything else is walked word by word.
  bool add_phrase(const Xapian::Query& phrase) {
    std::vector<std::string> keys;
    std::optional<Applies> applies;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
      const Xapian::Query sub = phrase.get_subquery(i);
      if (sub.get_type() != Xapian::Query::LEAF_TERM) return false;
      const QueryWord word = split_term(*sub.get_terms_begin());
      if (applies && *applies != word.applies) return false;
      applies = word.applies;
      keys.push_back(key_of(word));
    }
    if (!applies || *applies == Applies::nowhere) return true;
    out_.title.phrases.push_back(keys);
    if (*applies == Applies::title_and_text) out_.text.phrases.push_back(std::move(keys));
    return true;
  }

  const Xapian::Stem& stemmer_;
  HighlightTerms out_;
};

}  // namespace

std::string word_key(const Xapian::Stem& stemmer, std::string_view lowered_word) {
  std::string word(lowered_word);
  std::string stem = stemmer(word);
  return stem.empty() ? word : stem;
}

HighlightTerms highlight_terms(const Xapian::Query& query, const Xapian::Stem& stemmer) {
  Collector collector(stemmer);
  collector.walk(query);
  return collector.take();
}

}  // namespace lede::query

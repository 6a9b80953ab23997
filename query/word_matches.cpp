#include "query/word_matches.hpp"

#include <algorithm>
#include <unordered_map>

namespace lede::query {

namespace {

using Xapian::Utf8Iterator;
namespace Unicode = Xapian::Unicode;

// The rules below follow xapian-core/queryparser/termgenerator_internal.cc (1.4: check_infix,
// check_infix_digit, check_suffix and the initials rule), so that a highlighted word is one
// the index could have matched.

bool is_ascii_upper(unsigned ch) {
  return ch >= 'A' && ch <= 'Z';
}

bool is_digit(unsigned ch) {
  return Unicode::get_category(ch) == Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_ignorable(unsigned ch) {
  return ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff);
}

// The character an infix between two letters stands for in the term, 0 if it ends the word.
unsigned letter_infix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';  // typographic apostrophes
  return 0;
}

bool digit_infix(unsigned ch) {
  switch (ch) {
    case ',':
    case '.':
    case ';':
    case 0x037e:
    case 0x0589:
    case 0x060d:
    case 0x07f8:
    case 0x2044:
    case 0xfe10:
    case 0xfe13:
    case 0xfe14:
      return true;
    default:
      return false;
  }
}

class WordSplitter {
 public:
  explicit WordSplitter(std::string_view text) : text_(text) {}

  std::vector<Word> split() {
    Utf8Iterator it(text_.data(), text_.size());
    const Utf8Iterator end;
    while (it != end) {
      if (!Unicode::is_wordchar(*it)) {
        ++it;
        continue;
      }
      if (!read_initials(it)) read_word(it);
    }
    return std::move(words_);
  }

 private:
  std::size_t offset(const Utf8Iterator& it) const {
    return it == Utf8Iterator() ? text_.size() : static_cast<std::size_t>(it.raw() - text_.data());
  }

  // "U.S." or "P.T.O": capitals separated by dots, not followed by a letter or digit.
  bool read_initials(Utf8Iterator& it) {
    if (!is_ascii_upper(*it)) return false;
    const Utf8Iterator end;
    Utf8Iterator p = it;
    std::string lowered;
    std::size_t last_letter_end = 0;
    while (true) {
      Unicode::append_utf8(lowered, Unicode::tolower(*p));
      ++p;
      last_letter_end = offset(p);
      if (p == end || *p != '.') break;
      Utf8Iterator after_dot = p;
      ++after_dot;
      if (after_dot == end || !is_ascii_upper(*after_dot)) {
        p = after_dot;
        break;
      }
      p = after_dot;
    }
    if (lowered.size() < 2) return false;
    if (p != end && Unicode::is_wordchar(*p)) return false;
    words_.push_back({{offset(it), last_letter_end}, std::move(lowered)});
    it = p;
    return true;
  }

  void read_word(Utf8Iterator& it) {
    const Utf8Iterator end;
    const std::size_t begin = offset(it);
    std::string lowered;
    unsigned previous = 0;
    while (true) {
      while (it != end && Unicode::is_wordchar(*it)) {
        previous = *it;
        Unicode::append_utf8(lowered, Unicode::tolower(previous));
        ++it;
      }
      if (it == end) break;
      Utf8Iterator next = it;
      ++next;
      if (next == end || !Unicode::is_wordchar(*next)) break;
      const unsigned infix = *it;
      if (is_digit(previous) && is_digit(*next)) {
        if (!digit_infix(infix) && !is_ignorable(infix)) break;
        if (!is_ignorable(infix)) Unicode::append_utf8(lowered, infix);
      } else if (const unsigned mapped = letter_infix(infix)) {
        Unicode::append_utf8(lowered, mapped);
      } else if (!is_ignorable(infix)) {
        break;
      }
      it = next;
    }
    std::size_t word_end = offset(it);
    read_suffix(it, lowered, word_end);
    words_.push_back({{begin, word_end}, std::move(lowered)});
  }

  // Up to three "+" or "#" ("C++", "C#"), unless a word follows at once ("fish+chips").
  void read_suffix(Utf8Iterator& it, std::string& lowered, std::size_t& word_end) {
    Utf8Iterator p = it;
    std::string suffix;
    while (p != Utf8Iterator() && (*p == '+' || *p == '#') && suffix.size() < 4) {
      suffix += static_cast<char>(*p);
      ++p;
    }
    if (suffix.empty() || suffix.size() > 3) return;
    if (p != Utf8Iterator() && Unicode::is_wordchar(*p)) return;
    lowered += suffix;
    word_end = offset(p);
    it = p;
  }

  std::string_view text_;
  std::vector<Word> words_;
};

bool starts_with_any(const std::string& word, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& prefix) { return word.starts_with(prefix); });
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
  return WordSplitter(text).split();
}

std::vector<Match> find_matches(const std::vector<Word>& words, const FieldHighlights& terms,
                                const Xapian::Stem& stemmer) {
  std::vector<Match> found;
  if (terms.empty()) return found;
  // Stemming is most of the cost and an article repeats its words: each distinct word is
  // stemmed once (the map views the words' own strings, which outlive it).
  std::unordered_map<std::string_view, std::string> stems;
  stems.reserve(words.size());
  std::vector<const std::string*> keys;  // into the map's nodes, which never move
  keys.reserve(words.size());
  for (const Word& word : words) {
    auto [it, inserted] = stems.try_emplace(word.lowered);
    if (inserted) it->second = word_key(stemmer, word.lowered);
    keys.push_back(&it->second);
  }

  for (std::size_t i = 0; i < words.size(); ++i) {
    if (terms.stems.count(*keys[i]) || starts_with_any(words[i].lowered, terms.wildcard_prefixes)) {
      found.push_back({words[i].span, *keys[i]});
    }
    for (const auto& phrase : terms.phrases) {
      if (phrase.empty() || i + phrase.size() > words.size()) continue;
      if (!std::equal(
              phrase.begin(), phrase.end(), keys.begin() + static_cast<long>(i),
              [](const std::string& part, const std::string* key) { return part == *key; })) {
        continue;
      }
      std::string key;
      for (const auto& part : phrase) {
        key += part;
        key += ' ';
      }
      found.push_back({{words[i].span.begin, words[i + phrase.size() - 1].span.end}, key});
    }
  }

  // Merge overlaps (a word of a phrase that is also a word of the query): the longer span wins.
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::vector<Match> merged;
  for (Match& match : found) {
    if (!merged.empty() && match.span.begin < merged.back().span.end) {
      merged.back().span.end = std::max(merged.back().span.end, match.span.end);
      continue;
    }
    merged.push_back(std::move(match));
  }
  return merged;
}

}  // namespace lede::query

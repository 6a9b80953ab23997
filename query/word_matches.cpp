#include "query/word_matches.hpp"

#include <algorithm>
#include <array>
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

/// Xapian's character classes, with ASCII (most of any article) looked up in tables made from
/// the same functions: Unicode::is_wordchar, tolower and get_category are calls into the
/// library, and they were a fifth of a query's time with snippets (callgrind).
struct AsciiClasses {
  std::array<bool, 128> wordchar{};
  std::array<bool, 128> digit{};
  std::array<char, 128> lower{};
  AsciiClasses() {
    for (unsigned ch = 0; ch < 128; ++ch) {
      wordchar[ch] = Unicode::is_wordchar(ch);
      digit[ch] = Unicode::get_category(ch) == Unicode::DECIMAL_DIGIT_NUMBER;
      lower[ch] = static_cast<char>(Unicode::tolower(ch));
    }
  }
};

// Made before main(): the character data they read is constant tables in libxapian.
const AsciiClasses ascii_classes;

inline bool is_wordchar(unsigned ch) {
  return ch < 128 ? ascii_classes.wordchar[ch] : Unicode::is_wordchar(ch);
}

inline bool is_digit(unsigned ch) {
  return ch < 128 ? ascii_classes.digit[ch]
                  : Unicode::get_category(ch) == Unicode::DECIMAL_DIGIT_NUMBER;
}

inline void append_lower(std::string& out, unsigned ch) {
  if (ch < 128) {
    out.push_back(ascii_classes.lower[ch]);
  } else {
    Unicode::append_utf8(out, Unicode::tolower(ch));
  }
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

/// The text's characters, decoded once, each with the offset of its first byte; the rules
/// below look at a character and its neighbours several times. Non-ASCII is decoded by
/// Utf8Iterator, as a walk of the whole text would (an invalid byte as its Latin-1 character).
class DecodedText {
 public:
  explicit DecodedText(std::string_view text) {
    chars_.reserve(text.size());
    offsets_.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size();) {
      offsets_.push_back(i);
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        chars_.push_back(byte);
        ++i;
        continue;
      }
      Utf8Iterator it(text.data() + i, text.size() - i);
      chars_.push_back(*it);
      ++it;
      i = it == Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
    }
    offsets_.push_back(text.size());
  }
  std::size_t size() const { return chars_.size(); }
  /// The character at index i; 0 past the end, which no rule takes for part of a word.
  unsigned operator[](std::size_t i) const { return i < chars_.size() ? chars_[i] : 0; }
  /// The byte offset of character i (of the end of the text for i == size()).
  std::size_t offset(std::size_t i) const { return offsets_[i]; }

 private:
  std::vector<unsigned> chars_;
  std::vector<std::size_t> offsets_;
};

/// The same view of a text that is all ASCII (most articles): a character is its byte, at its
/// own offset, and nothing need be decoded or stored.
class AsciiText {
 public:
  explicit AsciiText(std::string_view text) : text_(text) {}
  std::size_t size() const { return text_.size(); }
  unsigned operator[](std::size_t i) const {
    return i < text_.size() ? static_cast<unsigned char>(text_[i]) : 0;
  }
  std::size_t offset(std::size_t i) const { return i; }

 private:
  std::string_view text_;
};

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

template <class Text>
class WordSplitter {
 public:
  explicit WordSplitter(std::string_view text) : text_(text) {}

  std::vector<Word> split() {
    std::size_t i = 0;
    while (i < text_.size()) {
      if (!is_wordchar(text_[i])) {
        ++i;
        continue;
      }
      if (!read_initials(i)) read_word(i);
    }
    return std::move(words_);
  }

 private:
  bool at_end(std::size_t i) const { return i >= text_.size(); }

  // "U.S." or "P.T.O": capitals separated by dots, not followed by a letter or digit.
  bool read_initials(std::size_t& i) {
    if (!is_ascii_upper(text_[i])) return false;
    std::size_t p = i;
    std::string lowered;
    std::size_t last_letter_end = 0;
    while (true) {
      append_lower(lowered, text_[p]);
      ++p;
      last_letter_end = text_.offset(p);
      if (at_end(p) || text_[p] != '.') break;
      const std::size_t after_dot = p + 1;
      if (at_end(after_dot) || !is_ascii_upper(text_[after_dot])) {
        p = after_dot;
        break;
      }
      p = after_dot;
    }
    if (lowered.size() < 2) return false;
    if (!at_end(p) && is_wordchar(text_[p])) return false;
    words_.push_back({{text_.offset(i), last_letter_end}, std::move(lowered)});
    i = p;
    return true;
  }

  void read_word(std::size_t& i) {
    const std::size_t begin = text_.offset(i);
    std::string lowered;
    unsigned previous = 0;
    while (true) {
      while (!at_end(i) && is_wordchar(text_[i])) {
        previous = text_[i];
        append_lower(lowered, previous);
        ++i;
      }
      if (at_end(i)) break;
      const std::size_t next = i + 1;
      if (at_end(next) || !is_wordchar(text_[next])) break;
      const unsigned infix = text_[i];
      if (is_digit(previous) && is_digit(text_[next])) {
        if (!digit_infix(infix) && !is_ignorable(infix)) break;
        if (!is_ignorable(infix)) Unicode::append_utf8(lowered, infix);
      } else if (const unsigned mapped = letter_infix(infix)) {
        Unicode::append_utf8(lowered, mapped);
      } else if (!is_ignorable(infix)) {
        break;
      }
      i = next;
    }
    std::size_t word_end = text_.offset(i);
    read_suffix(i, lowered, word_end);
    words_.push_back({{begin, word_end}, std::move(lowered)});
  }

  // Up to three "+" or "#" ("C++", "C#"), unless a word follows at once ("fish+chips").
  void read_suffix(std::size_t& i, std::string& lowered, std::size_t& word_end) {
    std::size_t p = i;
    std::string suffix;
    while (!at_end(p) && (text_[p] == '+' || text_[p] == '#') && suffix.size() < 4) {
      suffix += static_cast<char>(text_[p]);
      ++p;
    }
    if (suffix.empty() || suffix.size() > 3) return;
    if (!at_end(p) && is_wordchar(text_[p])) return;
    lowered += suffix;
    word_end = text_.offset(p);
    i = p;
  }

  Text text_;
  std::vector<Word> words_;
};

bool starts_with_any(const std::string& word, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& prefix) { return word.starts_with(prefix); });
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
  if (is_ascii(text)) return WordSplitter<AsciiText>(text).split();
  return WordSplitter<DecodedText>(text).split();
}

std::vector<Match> find_matches(const std::vector<Word>& words, const FieldHighlights& terms,
                                const Xapian::Stem& stemmer) {
  std::vector<Match> found;
  if (terms.empty()) return found;
  // Stemming is most of the cost and an article repeats its words: each distinct word is
  // stemmed once (the map views the words' own strings, which outlive it), and a word that
  // cannot match (FieldHighlights::may_match) is neither stemmed nor kept.
  std::unordered_map<std::string_view, std::string> stems;
  stems.reserve(words.size());
  std::vector<const std::string*> keys;  // into the map's nodes, which never move
  keys.reserve(words.size());
  static const std::string no_key;  // no stem or phrase word is empty
  for (const Word& word : words) {
    if (!terms.may_match(word.lowered)) {
      keys.push_back(&no_key);
      continue;
    }
    auto [it, inserted] = stems.try_emplace(word.lowered);
    if (inserted) it->second = word_key(stemmer, word.lowered);
    keys.push_back(&it->second);
  }

  for (std::size_t i = 0; i < words.size(); ++i) {
    if (keys[i] == &no_key) continue;
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

#include "query/snippet.hpp"

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/text.hpp"
#include "tests/support/piece_text.hpp"
#include "tests/support/test_paths.hpp"

namespace lede::query {
namespace {

using Q = Xapian::Query;

const Xapian::Stem english("en");

FieldHighlights text_terms(const Q& query) {
  return highlight_terms(query, english).text;
}

std::vector<std::string> highlighted(const Snippet& snippet) {
  std::vector<std::string> out;
  for (const Span& span : snippet.spans) {
    out.push_back(snippet.text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool on_char_boundary(const std::string& s, std::size_t offset) {
  return offset == s.size() || (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

// A long filler sentence without any query word.
std::string filler(int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i)
    out += "The committee met again on Tuesday to review the harvest. ";
  return out;
}

TEST(Snippet, StemmedHighlights) {
  const Snippet s = make_snippet("Banks said banking is a bank's business; the bankers agreed.",
                                 text_terms(Q("Zbank")), english);
  // "bank's" stems to "bank" as the index has it; "bankers" is another stem.
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"Banks", "banking", "bank's"}));
  // An unstemmed query term matches by stem too.
  const Snippet t = make_snippet("Banks and banking.", text_terms(Q("bank")), english);
  EXPECT_EQ(highlighted(t), (std::vector<std::string>{"Banks", "banking"}));
}

TEST(Snippet, PhraseHighlightsOnlyAdjacentWords) {
  const std::vector<Q> words = {Q("interest", 1, 1), Q("rates", 1, 2)};
  const Q phrase(Q::OP_PHRASE, words.begin(), words.end(), 2);
  const Snippet s = make_snippet("Interest in the rates was low, but interest rates rose.",
                                 text_terms(phrase), english);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"interest rates"}));
}

TEST(Snippet, WindowAroundTheMatch) {
  const std::string text = filler(10) + "Crude oil prices jumped. " + filler(10);
  const Snippet s =
      make_snippet(text, text_terms(Q(Q::OP_OR, Q("Zoil"), Q("Zprice"))), english, {80, 1});
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"oil", "prices"}));
  EXPECT_TRUE(s.cut_start);
  EXPECT_TRUE(s.cut_end);
  EXPECT_LE(characters(s.text), 81u);
  EXPECT_NE(s.text.front(), ' ');
  EXPECT_NE(s.text.back(), ' ');
  // Cut on word boundaries: the window starts a word of the original text.
  const auto at = text.find(s.text.substr(0, 20));
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(text[at - 1], ' ');
}

TEST(Snippet, SeveralFragmentsWhenMatchesAreFarApart) {
  const std::string text = "Oil output fell. " + filler(20) + "Wheat exports rose. " + filler(20);
  const FieldHighlights terms = text_terms(Q(Q::OP_OR, Q("Zoil"), Q("Zwheat")));
  const Snippet one = make_snippet(text, terms, english, {100, 1});
  EXPECT_EQ(highlighted(one).size(), 1u);
  EXPECT_EQ(one.text.find(fragment_separator), std::string::npos);

  const Snippet two = make_snippet(text, terms, english, {100, 2});
  EXPECT_EQ(highlighted(two), (std::vector<std::string>{"Oil", "Wheat"}));
  EXPECT_NE(two.text.find(fragment_separator), std::string::npos);
  EXPECT_FALSE(two.cut_start);  // the first window starts the text
  EXPECT_TRUE(two.cut_end);

  // More fragments than separate matches: no empty windows are added.
  const Snippet five = make_snippet(text, terms, english, {100, 5});
  EXPECT_EQ(five.text, two.text);
}

TEST(Snippet, DensestWindowWins) {
  const std::string text = "Oil. " + filler(10) + "Oil prices and oil supply. " + filler(10);
  const Snippet s =
      make_snippet(text, text_terms(Q(Q::OP_OR, Q("Zoil"), Q("Zprice"))), english, {60, 1});
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"Oil", "prices", "oil"}));
}

TEST(Snippet, EscapedTextIsNotUnescapedAgain) {
  // The indexer unescaped "&amp;lt;" once into "&lt;": that is the article's real text.
  const Snippet s = make_snippet("Write &lt;b&gt; for bold, said the oil trader. 5 < 6 & 7 > 3",
                                 text_terms(Q("Zoil")), english);
  EXPECT_NE(s.text.find("&lt;b&gt;"), std::string::npos);
  EXPECT_NE(s.text.find("5 < 6 & 7 > 3"), std::string::npos);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"oil"}));
}

TEST(Snippet, NoMatchGivesTheStart) {
  const std::string text = filler(10);
  const Snippet s = make_snippet(text, text_terms(Q("Zzebra")), english, {50, 1});
  EXPECT_TRUE(s.spans.empty());
  EXPECT_FALSE(s.cut_start);
  EXPECT_TRUE(s.cut_end);
  EXPECT_EQ(text.rfind(s.text, 0), 0u);
  EXPECT_EQ(s.text, "The committee met again on Tuesday to review the");
  const Snippet all = make_snippet("Short text.", text_terms(Q("Zzebra")), english);
  EXPECT_EQ(all.text, "Short text.");
  EXPECT_FALSE(all.cut_end);
}

TEST(Snippet, NewlinesAndControlsNeverReachTheSnippet) {
  const Snippet s = make_snippet("First paragraph about oil.\n\nSecond\tone \x1b[31mred\x1b[0m.",
                                 text_terms(Q("Zoil")), english);
  EXPECT_EQ(s.text.find('\n'), std::string::npos);
  EXPECT_EQ(s.text.find('\x1b'), std::string::npos);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"oil"}));
}

TEST(Snippet, Utf8IsNeverCutInsideACharacterAtAnyLength) {
  std::string text;
  for (int i = 0; i < 6; ++i) {
    text += "Ölpreise stiegen für Käufer in Zürich — 東京の市場でも原油 oil 😀 prices naïve café. ";
  }
  const std::string cjk_run =
      "東京の市場でも原油価格が上がった東京の市場でも原油価格が上がった oil";
  for (const std::string& sample : {text, cjk_run}) {
    for (std::size_t length = 1; length <= characters(sample) + 2; ++length) {
      for (const char* word : {"Zoil", "Zzebra"}) {
        for (unsigned fragments : {1u, 3u}) {
          const Snippet s = make_snippet(sample, text_terms(Q(word)), english, {length, fragments});
          ASSERT_EQ(text::repair_utf8(s.text), s.text) << "length " << length;
          for (const Span& span : s.spans) {
            ASSERT_LT(span.begin, span.end);
            ASSERT_LE(span.end, s.text.size());
            ASSERT_TRUE(on_char_boundary(s.text, span.begin) && on_char_boundary(s.text, span.end));
            EXPECT_EQ(s.text.substr(span.begin, span.end - span.begin), "oil");
          }
          if (std::string(word) == "Zoil") {
            ASSERT_FALSE(s.spans.empty()) << "length " << length;
          }
        }
      }
    }
  }
}

TEST(Snippet, WholeTitleHighlight) {
  const Snippet s =
      highlight_whole("OIL PRICES RISE AS OPEC MEETS", text_terms(Q("Zprice")), english);
  EXPECT_EQ(s.text, "OIL PRICES RISE AS OPEC MEETS");
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"PRICES"}));
}

TEST(WordSplitting, FollowsTheTermGenerator) {
  std::vector<std::string> words;
  for (const Word& w : split_words("U.S. AT&T don’t C++ 1,750.5 fish+chips"))
    words.push_back(w.lowered);
  EXPECT_EQ(words,
            (std::vector<std::string>{"us", "at&t", "don't", "c++", "1,750.5", "fish", "chips"}));
}

/// The terms Xapian's TermGenerator indexes for `text`, in order of position.
std::vector<std::string> term_generator_words(const std::string& text) {
  Xapian::Document doc;
  Xapian::TermGenerator generator;
  generator.set_document(doc);
  generator.index_text(text);
  std::map<Xapian::termpos, std::string> by_position;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_position[*p] = *t;
  }
  std::vector<std::string> words;
  for (const auto& [position, term] : by_position) words.push_back(term);
  return words;
}

// The words split_words finds are the terms Xapian's TermGenerator indexes, in order, on
// random text made of the pieces its rules are about (initials, infixes between letters and
// between digits, "+" and "#" suffixes, non-ASCII letters, zero-width characters), and on
// text of the ASCII pieces alone, which split_words reads without decoding.
TEST(WordSplitting, GivesTheTermGeneratorsTermsOnRandomText) {
  const std::vector<std::string> ascii = {"a", "Bc", "x9", "U", ".",  "S",  " ", ",", "'",
                                          "&", "+",  "#",  "1", "23", "\t", "-", "_"};
  std::vector<std::string> unicode = ascii;
  for (const char* piece : {"\u00e9", "\u00c9", "\u6771", "\u2019", "\u200d", "\u00b7", "\u0660"}) {
    unicode.push_back(piece);
  }
  for (const auto& pieces : {unicode, ascii}) {
    test::PieceText texts(pieces, 42);
    for (int n = 0; n < 3000; ++n) {
      const std::string text = texts.next(16);
      std::vector<std::string> words;
      for (const Word& w : split_words(text)) words.push_back(w.lowered);
      ASSERT_EQ(words, term_generator_words(text)) << "text: " << text;
    }
  }
}

// find_matches does not stem a word whose first byte no query word starts with, for stemmers
// that keep it (highlight_terms.cpp, keeps_first_byte). The property, on random words made of
// what English stemming rewrites: a leading "y" or apostrophe, "ies"/"ied", "-ly", "-ing", "'s",
// the exceptions ("skies", "dying", "gently", "news"), non-ASCII letters.
TEST(FirstByteShortcut, EnglishStemsKeepTheFirstByteOfRandomWords) {
  test::PieceText words({"y",  "Y", "i",  "e",  "s",  "d",      "ly",     "ing",    "ies",    "ied",
                         "ed", "'", "'s", "sk", "dy", "gent",   "ugl",    "new",    "ation",  "al",
                         "a",  "o", "u",  "t",  "n",  "\u00e9", "\u00df", "\u00fc", "\u0131", "1"},
                        7);
  int checked = 0;
  for (int n = 0; n < 200'000; ++n) {
    const std::string text = words.next(1 + n % 6);
    for (const Word& word : split_words(text)) {
      const std::string key = word_key(english, word.lowered);
      ASSERT_EQ(key.front(), word.lowered.front()) << "word: " << word.lowered;
      ++checked;
    }
  }
  EXPECT_GT(checked, 150'000);
}

// The same on every distinct word of the Reuters corpus (about 40,000).
TEST(FirstByteShortcut, EnglishStemsKeepTheFirstByteOfReutersWords) {
  LEDE_REQUIRE_SHARED(dump, "corpus/reuters21578/articles.jsonl");
  std::ifstream in(dump);
  std::set<std::string> seen;
  for (std::string line; std::getline(in, line);) {
    for (const Word& word : split_words(line)) {
      if (!seen.insert(word.lowered).second) continue;
      ASSERT_EQ(word_key(english, word.lowered).front(), word.lowered.front()) << word.lowered;
    }
  }
  EXPECT_GT(seen.size(), 30'000u);
}

// And the matches are those of stemming every word, on random text and queries.
TEST(FirstByteShortcut, MatchesAreThoseOfStemmingEveryWord) {
  test::PieceText texts(
      {"Bank ",          "banks ",  "banking ",  " ",      "yields ", "yielded ", "Yen ", "oil ",
       "oily ",          "Crude ",  "cries ",    "cried ", "'s ",     "skies ",   ". ",   "dying ",
       "\u00e9t\u00e9 ", "policy ", "policies ", "rates ", "rated ",  "crude"},
      11);
  const std::vector<Q> queries = {
      Q("Zbank"), Q(Q::OP_OR, Q("Zyield"), Q("Zcri")), Q(Q::OP_PHRASE, Q("crude"), Q("oil")),
      Q(Q::OP_OR, Q("Zpolici"), Q(Q::OP_WILDCARD, "rat")), Q(Q::OP_OR, Q("Zsky"), Q("Zdie"))};
  int matched = 0;
  for (const Q& query : queries) {
    const FieldHighlights terms = text_terms(query);
    ASSERT_TRUE(terms.first_bytes) << "the English stemmer's shortcut is off: test is vacuous";
    FieldHighlights every_word = terms;
    every_word.first_bytes.reset();
    for (int n = 0; n < 500; ++n) {
      const std::vector<Word> words = split_words(texts.next(12));
      const std::vector<Match> got = find_matches(words, terms, english);
      const std::vector<Match> expected = find_matches(words, every_word, english);
      ASSERT_EQ(got.size(), expected.size()) << query.get_description();
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].span, expected[i].span);
        EXPECT_EQ(got[i].key, expected[i].key);
      }
      matched += static_cast<int>(got.size());
    }
  }
  EXPECT_GT(matched, 1000);
  // Other languages fold letters, so their stems are made for every word.
  EXPECT_FALSE(highlight_terms(Q("Zbank"), Xapian::Stem("de")).text.first_bytes);
}

}  // namespace
}  // namespace lede::query

// Table tests of HTML → plain text (indexer/html_text.hpp).
#include "indexer/html_text.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/text.hpp"

namespace lede::html {
namespace {

struct HtmlCase {
  std::string input;
  std::string expected;
};

void check_text(const std::vector<HtmlCase>& cases) {
  for (const HtmlCase& c : cases) EXPECT_EQ(to_text(c.input), c.expected) << "input: " << c.input;
}

TEST(HtmlToText, LeavesTextWithoutMarkupAloneButFoldsWhitespace) {
  check_text({
      {"", ""},
      {"Oil prices rose", "Oil prices rose"},
      {"  Oil \n\n prices\trose  ", "Oil prices rose"},
      {"AT&T", "AT&T"},
      {"5 < 6", "5 < 6"},
      {"5 < 6 and 7 > 3", "5 < 6 and 7 > 3"},
      {"Q&A: what's next?", "Q&A: what's next?"},
      {"caf\u00e9 \u4e2d\u6587", "caf\u00e9 \u4e2d\u6587"},
      {"a\u00a0b\u3000c", "a b c"},
  });
}

TEST(HtmlToText, DecodesEntitiesExactlyOnce) {
  check_text({
      // "&amp;lt;BP&amp;gt;" in a feed file arrives here as "&lt;BP&gt;".
      {"&lt;BP&gt;", "<BP>"},
      {"a &amp; b", "a & b"},
      {"&amp;amp;", "&amp;"},
      {"&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"},
      {"&quot;x&quot; &apos;y&apos;", "\"x\" 'y'"},
      {"&copy; &eacute; &#8217; &#x2019; &#65;", "\u00a9 \u00e9 \u2019 \u2019 A"},
      {"Fish &amp; chips &bogus; &", "Fish & chips &bogus; &"},
      {"AT&T <b>shares</b>", "AT&T shares"},
      {"<p>AT&amp;T &lt;T&gt;</p>", "AT&T <T>"},
  });
}

TEST(HtmlToText, DropsInvisibleContent) {
  check_text({
      {"<script>alert(1)</script>hi", "hi"},
      {"<style>p { color: red }</style>hi", "hi"},
      {"<noscript>enable js</noscript>hi", "hi"},
      {"<template><p>t</p></template>hi", "hi"},
      {"<html><head><title>T</title><meta name=x></head><body>B</body></html>", "B"},
      {"<!-- a comment -->hi", "hi"},
      {"<p>a<script type=\"text/javascript\">var x = '<p>no</p>';</script>b</p>", "ab"},
      {"<iframe src=\"x\">fallback</iframe>hi", "hi"},
      {"<img src=\"x.png\" alt=\"alt text\">hi", "hi"},
  });
}

TEST(HtmlToText, MakesParagraphsOfBlocks) {
  check_text({
      {"<p>one</p><p>two</p>", "one\n\ntwo"},
      {"hello <b>bold</b> <i>world</i>", "hello bold world"},
      {"<b>fused</b>word", "fusedword"},
      {"<span>a</span> <span>b</span>", "a b"},
      {"<div>one<div>two</div>three</div>", "one\n\ntwo\n\nthree"},
      {"<h1>Head</h1><p>Body text.</p>", "Head\n\nBody text."},
      {"<ul><li>a<li>b</ul>", "a\n\nb"},
      {"<blockquote>quote</blockquote>after", "quote\n\nafter"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
      {"<p>  spaced \n out  </p>\n\n<p>\n</p><p>x</p>", "spaced out\n\nx"},
      {"<pre>  code\n  here</pre>", "code here"},
      {"<p></p><div> </div>", ""},
      {"lead text<p>para</p>", "lead text\n\npara"},
  });
}

TEST(HtmlToText, TurnsLineBreakRunsIntoParagraphBreaks) {
  check_text({
      {"line one<br>line two", "line one\n\nline two"},
      {"a<br><br><br>b", "a\n\nb"},
      {"a<br/> <br />b", "a\n\nb"},
      {"<br>a<br>", "a"},
      {"<p>a<br>b</p><p>c</p>", "a\n\nb\n\nc"},
  });
}

TEST(HtmlToText, SurvivesMalformedHtml) {
  check_text({
      {"<p>unclosed <b>bold", "unclosed bold"},
      {"<p>one<p>two</div></span>three", "one\n\ntwothree"},
      {"</p></div>stray closers", "stray closers"},
      {"<<<>>>", "<<<>>>"},
      // An unterminated attribute value runs to the end, as in browsers.
      {"<p class=\"x>broken attr</p>after", ""},
      {"a<b", "a"},
      {"<", "<"},
      {"<3 love", "<3 love"},
      {"  < 5 items", "< 5 items"},
      {"&", "&"},
      {"<!DOCTYPE html><p>x</p>", "x"},
  });
}

TEST(HtmlToText, ReadsUtf8WhateverTheMarkupClaimsAndRepairsBadBytes) {
  check_text({
      {"<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>", "caf\u00e9"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
       "<p>\u201cquoted\u201d</p>",
       "\u201cquoted\u201d"},
      {"<p>bad \xff byte, then caf\u00e9</p>", "bad \ufffd byte, then caf\u00e9"},
      {"bad \xc3 byte", "bad \ufffd byte"},
  });
}

TEST(HtmlToText, NeverCrashesOnGarbageOrDepth) {
  std::string garbage;
  for (int i = 0; i < 256 * 64; ++i) garbage += static_cast<char>((i * 7919) % 256);
  const std::string from_garbage = to_text(garbage);
  EXPECT_EQ(text::repair_utf8(from_garbage), from_garbage);

  // Far deeper than libxml2's default nesting limit of 256: the text must still come out.
  std::string deep = "before";
  for (int i = 0; i < 20000; ++i) deep += "<div><span>";
  deep += "deep text";
  EXPECT_EQ(to_text(deep), "before\n\ndeep text");

  std::string big;
  for (int i = 0; i < 100000; ++i) big += "<p>word &amp; word</p>";
  const std::string text = to_text(big);
  EXPECT_EQ(text.size(), 100000 * std::string("word & word").size() + 99999 * 2);
  EXPECT_EQ(text.substr(0, 26), "word & word\n\nword & word\n\n");
}

// Found by the html fuzz target's long run, whose RSS kept climbing: the reused libxml2
// context kept every element and attribute name ever parsed (about 160 bytes per document
// with two new names; a million such articles held 160 MB).
TEST(HtmlToText, InventedElementNamesDoNotAccumulate) {
  // 60,000 names of 100 bytes: 22 MB when the dictionary was never emptied. It may overshoot
  // its bound by the memory pool it last allocated, never by more than the bound again.
  std::size_t peak = 0;
  for (int i = 0; i < 60000; ++i) {
    const std::string name = "x" + std::to_string(i) + std::string(100, 'n');
    const std::string text = to_text("<p>a <" + name + " " + name + "=\"1\">b</" + name + "></p>");
    if (text != "a b") FAIL() << "document " << i << " gave \"" << text << "\"";
    peak = std::max(peak, parser_dictionary_bytes());
  }
  EXPECT_GT(peak, max_parser_dictionary_bytes / 2);  // the names did reach the dictionary
  EXPECT_LE(peak, 2 * max_parser_dictionary_bytes);
}

TEST(HtmlToLine, PutsEverythingOnOneLine) {
  const std::vector<HtmlCase> cases = {
      {"", ""},
      {"Plain title", "Plain title"},
      {"<i>Italic</i> title", "Italic title"},
      {"<p>one</p><p>two</p>", "one two"},
      {"a<br><br>b", "a b"},
      {"  spaced\n\ttitle ", "spaced title"},
      {"&lt;BP&gt; raises &amp; cuts", "<BP> raises & cuts"},
      {"AT&T", "AT&T"},
      {"<script>x</script>Title", "Title"},
  };
  for (const HtmlCase& c : cases) EXPECT_EQ(to_line(c.input), c.expected) << "input: " << c.input;
}

}  // namespace
}  // namespace lede::html

// HTML → plain text: libxml2's HTML parser builds the tree (it knows HTML's implied end
// tags, entities and error recovery); this file only walks it and lays out paragraphs.
#include "indexer/html_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <mutex>

#include <libxml/HTMLparser.h>
#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "common/text.hpp"

namespace lede::html {

namespace {

/// How an element shapes the text around it.
enum class Layout {
  inline_text,  ///< <b>, <a>, <span>, unknown elements: no break
  word_break,   ///< <td>, <img>: separates words but stays in the paragraph
  line_break,   ///< <br>: a run of them ends the paragraph
  block,        ///< <p>, <div>, <li>, <h1>…: a paragraph of its own
  hidden,       ///< <script>, <style>, <head>…: the content is not text
};

Layout layout_of(std::string_view name) {
  // Sorted for binary search; libxml2's HTML parser lower-cases element names.
  struct Entry {
    std::string_view name;
    Layout layout;
  };
  static constexpr std::array<Entry, 60> table = {{
      {"address", Layout::block},    {"applet", Layout::hidden},   {"article", Layout::block},
      {"aside", Layout::block},      {"audio", Layout::hidden},    {"blockquote", Layout::block},
      {"body", Layout::block},       {"br", Layout::line_break},   {"button", Layout::hidden},
      {"canvas", Layout::hidden},    {"caption", Layout::block},   {"center", Layout::block},
      {"dd", Layout::block},         {"details", Layout::block},   {"dialog", Layout::block},
      {"dir", Layout::block},        {"div", Layout::block},       {"dl", Layout::block},
      {"dt", Layout::block},         {"embed", Layout::hidden},    {"fieldset", Layout::block},
      {"figcaption", Layout::block}, {"figure", Layout::block},    {"footer", Layout::block},
      {"form", Layout::block},       {"frameset", Layout::hidden}, {"h1", Layout::block},
      {"h2", Layout::block},         {"h3", Layout::block},        {"h4", Layout::block},
      {"h5", Layout::block},         {"h6", Layout::block},        {"head", Layout::hidden},
      {"header", Layout::block},     {"hr", Layout::block},        {"html", Layout::block},
      {"iframe", Layout::hidden},    {"img", Layout::word_break},  {"li", Layout::block},
      {"main", Layout::block},       {"map", Layout::hidden},      {"nav", Layout::block},
      {"noscript", Layout::hidden},  {"object", Layout::hidden},   {"ol", Layout::block},
      {"p", Layout::block},          {"pre", Layout::block},       {"script", Layout::hidden},
      {"section", Layout::block},    {"select", Layout::hidden},   {"style", Layout::hidden},
      {"svg", Layout::hidden},       {"table", Layout::block},     {"td", Layout::word_break},
      {"template", Layout::hidden},  {"textarea", Layout::hidden}, {"th", Layout::word_break},
      {"title", Layout::hidden},     {"tr", Layout::block},        {"ul", Layout::block},
  }};
  const auto it = std::lower_bound(table.begin(), table.end(), name,
                                   [](const Entry& e, std::string_view n) { return e.name < n; });
  return it != table.end() && it->name == name ? it->layout : Layout::inline_text;
}

/// Unicode White_Space at `s[i]` (valid UTF-8): its length in bytes, or 0 if not a space.
std::size_t whitespace_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return (b0 == ' ' || (b0 >= '\t' && b0 <= '\r')) ? 1 : 0;
  if (b0 == 0xC2 && i + 1 < s.size()) return byte(i + 1) == 0x85 || byte(i + 1) == 0xA0 ? 2 : 0;
  if (i + 2 >= s.size()) return 0;
  const unsigned cp = (b0 & 0x0Fu) << 12 | (byte(i + 1) & 0x3Fu) << 6 | (byte(i + 2) & 0x3Fu);
  const bool space = (b0 == 0xE1 && cp == 0x1680) ||
                     (b0 == 0xE2 && ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
                                     cp == 0x2029 || cp == 0x202F || cp == 0x205F)) ||
                     (b0 == 0xE3 && cp == 0x3000);
  return space ? 3 : 0;
}

/// Lays text out as paragraphs while it arrives: whitespace runs become one space, a break
/// between paragraphs becomes `separator`, nothing leads or trails. (Folding on the fly
/// rather than per paragraph afterwards halves the cost of a 20,000-article run.)
class ParagraphWriter {
 public:
  explicit ParagraphWriter(std::string_view separator) : separator_(separator) {}

  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      if (const std::size_t n = whitespace_length(s, i)) {
        word_break();
        i += n;
        continue;
      }
      if (pending_break_) {
        if (!out_.empty()) out_ += separator_;
      } else if (pending_space_) {
        out_ += ' ';
      }
      pending_break_ = pending_space_ = false;
      in_paragraph_ = true;
      // Copy the run up to the next byte that could start whitespace in one go.
      std::size_t end = i + 1;
      while (end < s.size() && !could_be_space(s[end])) ++end;
      out_.append(s.substr(i, end - i));
      i = end;
    }
  }
  void word_break() { pending_space_ = in_paragraph_; }
  void paragraph_break() {
    if (in_paragraph_) pending_break_ = true;
    in_paragraph_ = pending_space_ = false;
  }
  std::string finish() { return std::move(out_); }

 private:
  static bool could_be_space(char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3;
  }

  std::string_view separator_;
  std::string out_;
  bool in_paragraph_ = false;   ///< the current paragraph has text
  bool pending_space_ = false;  ///< whitespace seen since the last character
  bool pending_break_ = false;  ///< a paragraph ended since the last character
};

std::string_view name_of(const xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : "";
}

/// Depth-first walk without recursion: pathological nesting must not overflow the stack.
void walk(xmlNode* root, ParagraphWriter& out) {
  xmlNode* node = root;
  while (node) {
    bool descend = false;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) out.text(reinterpret_cast<const char*>(node->content));
    } else if (node->type == XML_ELEMENT_NODE) {
      switch (layout_of(name_of(node))) {
        case Layout::hidden:
          break;
        case Layout::line_break:
          out.paragraph_break();
          break;
        case Layout::word_break:
          out.word_break();
          descend = true;
          break;
        case Layout::block:
          out.paragraph_break();
          descend = true;
          break;
        case Layout::inline_text:
          descend = true;
          break;
      }
    }
    if (descend && node->children) {
      node = node->children;
      continue;
    }
    // Climb until a sibling exists, closing each finished element on the way up.
    while (node) {
      if (node->type == XML_ELEMENT_NODE) {
        const Layout layout = layout_of(name_of(node));
        if (layout == Layout::block) out.paragraph_break();
        if (layout == Layout::word_break) out.word_break();
      }
      if (node == root) return;
      if (node->next) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

struct ContextDeleter {
  void operator()(htmlParserCtxt* ctxt) const { htmlFreeParserCtxt(ctxt); }
};
struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

bool is_ascii(std::string_view s) {
  unsigned char any = 0;
  for (const char c : s) any |= static_cast<unsigned char>(c);  // vectorises
  return any < 0x80;
}

using ContextPtr = std::unique_ptr<htmlParserCtxt, ContextDeleter>;

ContextPtr& thread_context_slot() {
  thread_local ContextPtr ctxt;
  return ctxt;
}

/// One parser context per thread, reused: htmlCtxtReadMemory resets it for each document but
/// keeps its name dictionary, so a context whose dictionary has outgrown its bound is replaced
/// (the previous document, which shares the dictionary, is freed by then).
htmlParserCtxt* thread_context() {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  ContextPtr& ctxt = thread_context_slot();
  if (ctxt && ctxt->dict && xmlDictGetUsage(ctxt->dict) > max_parser_dictionary_bytes) {
    ctxt.reset();
  }
  if (!ctxt) ctxt.reset(htmlNewParserCtxt());
  return ctxt.get();
}

std::string convert(std::string_view html, std::string_view separator) {
  // Invalid bytes are repaired first: libxml2 would otherwise switch the whole document to
  // Latin-1 at the first bad byte and garble every valid character after it.
  std::string repaired;
  if (!is_ascii(html)) {
    repaired = text::repair_utf8(html);
    html = repaired;
  }
  ParagraphWriter out(separator);
  const bool markup = html.find_first_of("<&") != std::string_view::npos;
  htmlParserCtxt* ctxt = markup ? thread_context() : nullptr;
  if (!ctxt) {  // no markup at all (or no parser): the text itself, whitespace folded
    out.text(html);
    return out.finish();
  }
  // IGNORE_ENC: the bytes are UTF-8 whatever a <meta charset> inside claims. HUGE lifts
  // libxml2's nesting limit of 256, beyond which it would silently drop the rest of the text.
  constexpr int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                          HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_COMPACT |
                          HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  // libxml2 drops a stray "<" (as in "<3" or "<<<") that comes before any element or text,
  // because no <body> exists yet to hold it; opening one first keeps it, as browsers do.
  const std::size_t first = html.find_first_not_of(" \t\r\n");
  const char after = first + 1 < html.size() ? html[first + 1] : '\0';
  if (first != std::string_view::npos && html[first] == '<' &&
      !std::isalpha(static_cast<unsigned char>(after)) && after != '!' && after != '/' &&
      after != '?') {
    std::string with_body = "<body>";
    with_body += html;
    repaired = std::move(with_body);
    html = repaired;
  }
  const int size = static_cast<int>(std::min<std::size_t>(html.size(), INT32_MAX));
  const std::unique_ptr<xmlDoc, DocDeleter> doc{
      htmlCtxtReadMemory(ctxt, html.data(), size, nullptr, "UTF-8", options)};
  if (doc) {
    if (xmlNode* root = xmlDocGetRootElement(doc.get())) walk(root, out);
  }
  std::string result = out.finish();
  // libxml2 writes UTF-8 for UTF-8 input; this is cheap insurance for what it decodes from
  // character references.
  return is_ascii(result) ? result : text::repair_utf8(result);
}

}  // namespace

std::string to_text(std::string_view html) {
  return convert(html, "\n\n");
}

std::string to_line(std::string_view html) {
  return convert(html, " ");
}

std::size_t parser_dictionary_bytes() {
  const ContextPtr& ctxt = thread_context_slot();
  return ctxt && ctxt->dict ? xmlDictGetUsage(ctxt->dict) : 0;
}

}  // namespace lede::html

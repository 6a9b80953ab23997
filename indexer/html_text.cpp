// HTML → plain text: libxml2's HTML parser builds the tree (it knows HTML's implied end
// tags, entities and error recovery); this file only walks it and lays out paragraphs.
#include "indexer/html_text.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

#include <libxml/HTMLparser.h>
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

/// Collects text into paragraphs, folding whitespace inside each.
class ParagraphWriter {
 public:
  explicit ParagraphWriter(std::string_view separator) : separator_(separator) {}

  void text(std::string_view s) { current_ += s; }
  void word_break() { current_ += ' '; }
  void paragraph_break() {
    if (current_.empty()) return;
    std::string folded = text::fold_whitespace(current_);
    current_.clear();
    if (folded.empty()) return;
    if (!out_.empty()) out_ += separator_;
    out_ += folded;
  }
  std::string finish() {
    paragraph_break();
    return std::move(out_);
  }

 private:
  std::string_view separator_;
  std::string current_;
  std::string out_;
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

/// One parser context per thread, reused: htmlCtxtReadMemory resets it for each document.
htmlParserCtxt* thread_context() {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  thread_local std::unique_ptr<htmlParserCtxt, ContextDeleter> ctxt{htmlNewParserCtxt()};
  return ctxt.get();
}

std::string convert(std::string_view html, std::string_view separator) {
  // Invalid bytes are repaired first: libxml2 would otherwise switch the whole document to
  // Latin-1 at the first bad byte and garble every valid character after it.
  const std::string input = text::repair_utf8(html);
  if (input.find_first_of("<&") == std::string::npos) return text::fold_whitespace(input);

  htmlParserCtxt* ctxt = thread_context();
  if (!ctxt) return text::fold_whitespace(input);
  // IGNORE_ENC: the bytes are UTF-8 whatever a <meta charset> inside claims.
  constexpr int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                          HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_COMPACT |
                          HTML_PARSE_IGNORE_ENC;
  const std::unique_ptr<xmlDoc, DocDeleter> doc{htmlCtxtReadMemory(
      ctxt, input.data(), static_cast<int>(std::min<std::size_t>(input.size(), INT32_MAX)), nullptr,
      "UTF-8", options)};
  ParagraphWriter out(separator);
  if (doc) {
    if (xmlNode* root = xmlDocGetRootElement(doc.get())) walk(root, out);
  }
  return text::repair_utf8(out.finish());
}

}  // namespace

std::string to_text(std::string_view html) {
  return convert(html, "\n\n");
}

std::string to_line(std::string_view html) {
  return convert(html, " ");
}

}  // namespace lede::html

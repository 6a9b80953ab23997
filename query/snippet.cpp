#include "query/snippet.hpp"

#include <algorithm>
#include <set>

#include "common/sanitize.hpp"
#include "common/text.hpp"

namespace lede::query {

namespace {

// Byte offset of every character start, so windows are measured in characters and cut only
// between characters. The text is valid UTF-8 (the sanitiser repairs it).
class CharIndex {
 public:
  explicit CharIndex(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts_.push_back(i);
    }
    starts_.push_back(text.size());
  }
  std::size_t chars() const { return starts_.size() - 1; }
  std::size_t char_at(std::size_t byte) const {
    return static_cast<std::size_t>(std::lower_bound(starts_.begin(), starts_.end(), byte) -
                                    starts_.begin());
  }
  std::size_t byte_at(std::size_t ch) const { return starts_[std::min(ch, chars())]; }

 private:
  std::vector<std::size_t> starts_;
};

class SnippetMaker {
 public:
  SnippetMaker(std::string text, const FieldHighlights& terms, const Xapian::Stem& stemmer,
               const SnippetOptions& options)
      : text_(std::move(text)),
        chars_(text_),
        words_(split_words(text_)),
        matches_(find_matches(words_, terms, stemmer)),
        length_(std::max<std::size_t>(options.length, 1)),
        fragments_(std::max(options.fragments, 1u)) {}

  Snippet make() {
    std::vector<Span> windows = choose_windows();
    if (windows.empty()) windows.push_back(start_window());
    return assemble(windows);
  }

  Snippet whole() {
    Snippet out{text_, {}, false, false};
    for (const Match& match : matches_) out.spans.push_back(match.span);
    return out;
  }

 private:
  // A word boundary is preferred when it costs at most this many characters of the window.
  std::size_t snap_tolerance() const { return std::max<std::size_t>(10, length_ / 5); }

  std::vector<Span> choose_windows() {
    std::vector<Span> chosen;
    std::vector<bool> shown(matches_.size(), false);
    for (unsigned f = 0; f < fragments_; ++f) {
      std::size_t best_first = 0, best_last = 0, best_score = 0;
      Span best_room;
      for (std::size_t i = 0; i < matches_.size(); ++i) {
        if (shown[i]) continue;
        const Span room = free_room(chosen, matches_[i].span);
        std::size_t last = i;
        const std::size_t first_char = chars_.char_at(matches_[i].span.begin);
        while (last + 1 < matches_.size() && !shown[last + 1] &&
               matches_[last + 1].span.end <= room.end &&
               chars_.char_at(matches_[last + 1].span.end) - first_char <= length_) {
          ++last;
        }
        // Distinct terms count most: "oil ... prices" beats "oil ... oil ... oil".
        std::set<std::string_view> distinct;
        for (std::size_t k = i; k <= last; ++k) distinct.insert(matches_[k].key);
        const std::size_t score = distinct.size() * 1000 + (last - i + 1);
        if (score > best_score) {
          best_score = score;
          best_first = i;
          best_last = last;
          best_room = room;
        }
      }
      if (best_score == 0) break;
      const Span window =
          place({matches_[best_first].span.begin, matches_[best_last].span.end}, best_room);
      for (std::size_t k = 0; k < matches_.size(); ++k) {
        if (matches_[k].span.begin < window.end && matches_[k].span.end > window.begin) {
          shown[k] = true;
        }
      }
      chosen.insert(
          std::upper_bound(chosen.begin(), chosen.end(), window,
                           [](const Span& a, const Span& b) { return a.begin < b.begin; }),
          window);
    }
    return chosen;
  }

  // The stretch of text between the chosen windows that holds `span`.
  Span free_room(const std::vector<Span>& chosen, const Span& span) const {
    Span room{0, text_.size()};
    for (const Span& window : chosen) {
      if (window.end <= span.begin) room.begin = std::max(room.begin, window.end);
      if (window.begin >= span.end) room.end = std::min(room.end, window.begin);
    }
    return room;
  }

  // A window of about length_ characters around `core`, inside `room`: a third of the spare
  // characters before the matches, the rest after, then moved to word boundaries.
  Span place(const Span& core, const Span& room) const {
    const std::size_t c0 = chars_.char_at(core.begin), c1 = chars_.char_at(core.end);
    const std::size_t lo = chars_.char_at(room.begin), hi = chars_.char_at(room.end);
    const std::size_t spare = length_ > c1 - c0 ? length_ - (c1 - c0) : 0;
    std::size_t start = c0 >= lo + spare / 3 ? c0 - spare / 3 : lo;
    if (start - lo <= snap_tolerance()) start = lo;  // a few words from the start: show it all
    const std::size_t stop = std::min(hi, std::max(c1, start + length_));
    if (stop - start < length_) start = std::max(lo, stop >= length_ ? stop - length_ : 0);
    start = std::min(start, c0);
    return {snap_start(chars_.byte_at(start), core.begin, room.begin),
            snap_end(chars_.byte_at(stop), core.end, room.end)};
  }

  Span start_window() const {
    const std::size_t stop = chars_.byte_at(length_);
    return {0, snap_end(stop, 0, text_.size())};
  }

  // Forward to the start of the next word, unless that costs too much or passes `limit`.
  std::size_t snap_start(std::size_t at, std::size_t limit, std::size_t room_begin) const {
    if (at == 0) return 0;
    const auto word =
        std::lower_bound(words_.begin(), words_.end(), at,
                         [](const Word& w, std::size_t b) { return w.span.begin < b; });
    std::size_t snapped = at;
    if (word != words_.end() && word->span.begin <= limit &&
        chars_.char_at(word->span.begin) - chars_.char_at(at) <= snap_tolerance()) {
      snapped = word->span.begin;
    }
    while (snapped < limit && text_[snapped] == ' ') ++snapped;
    return std::max(snapped, room_begin);
  }

  // Back to the end of the previous word (with a closing '.', '!' or '?'), unless that costs
  // too much or passes `limit`.
  std::size_t snap_end(std::size_t at, std::size_t limit, std::size_t room_end) const {
    if (at >= text_.size()) return text_.size();
    const auto after =
        std::upper_bound(words_.begin(), words_.end(), at,
                         [](std::size_t b, const Word& w) { return b < w.span.end; });
    std::size_t snapped = at;
    if (after != words_.begin()) {
      const Word& word = *std::prev(after);
      if (word.span.end >= limit &&
          chars_.char_at(at) - chars_.char_at(word.span.end) <= snap_tolerance()) {
        snapped = word.span.end;
        const char next = snapped < room_end ? text_[snapped] : '\0';
        if (next == '.' || next == '!' || next == '?') ++snapped;
      }
    }
    while (snapped > limit && text_[snapped - 1] == ' ') --snapped;
    return std::min(snapped, room_end);
  }

  Snippet assemble(const std::vector<Span>& windows) const {
    Snippet out;
    out.cut_start = windows.front().begin > 0;
    out.cut_end = windows.back().end < text_.size();
    std::size_t begin = windows.front().begin;
    for (std::size_t w = 0; w < windows.size(); ++w) {
      const bool joins_next = w + 1 < windows.size() && windows[w + 1].begin <= windows[w].end + 1;
      if (joins_next) continue;  // contiguous windows print as one fragment
      const std::size_t end = windows[w].end;
      if (!out.text.empty()) out.text += fragment_separator;
      const std::size_t shift = out.text.size();
      out.text.append(text_, begin, end - begin);
      for (const Match& match : matches_) {
        if (match.span.begin >= begin && match.span.end <= end) {
          out.spans.push_back({match.span.begin - begin + shift, match.span.end - begin + shift});
        }
      }
      if (w + 1 < windows.size()) begin = windows[w + 1].begin;
    }
    return out;
  }

  std::string text_;
  CharIndex chars_;
  std::vector<Word> words_;
  std::vector<Match> matches_;
  std::size_t length_;
  unsigned fragments_;
};

// Untrusted text made printable and single-line before anything is measured.
std::string clean(std::string_view text) {
  return text::fold_whitespace(text::sanitize_for_terminal(text));
}

}  // namespace

Snippet make_snippet(std::string_view text, const FieldHighlights& terms,
                     const Xapian::Stem& stemmer, const SnippetOptions& options) {
  return SnippetMaker(clean(text), terms, stemmer, options).make();
}

Snippet highlight_whole(std::string_view text, const FieldHighlights& terms,
                        const Xapian::Stem& stemmer) {
  return SnippetMaker(clean(text), terms, stemmer, SnippetOptions{}).whole();
}

}  // namespace lede::query

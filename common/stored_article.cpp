#include "common/stored_article.hpp"

#include <cstdint>

#include "common/error.hpp"
#include "common/text.hpp"

namespace lede {

namespace {

/// The first byte of the data: which layout follows. (A JSON object would start with '{'.)
constexpr char format_tagged_fields = 0x01;

/// One tag per field; `author` and `category` repeat, once per value, in order.
enum Tag : unsigned char {
  tag_id = 1,
  tag_title = 2,
  tag_link = 3,
  tag_guid = 4,
  tag_author = 5,
  tag_category = 6,
  tag_source = 7,
  tag_host = 8,
  tag_language = 9,
  tag_summary = 10,
  tag_body = 11,
  tag_published = 12,    ///< decimal seconds since the Unix epoch, UTC (may be negative)
  tag_date_source = 13,  ///< to_string(DateSource)
  tag_future_date = 14,  ///< "1" when set; absent otherwise
  tag_feed = 15,         ///< subscription id behind the XF term; only on articles from `update`
};

void put_field(std::string& out, Tag tag, std::string_view payload) {
  out += static_cast<char>(tag);
  std::uint64_t n = payload.size();
  do {  // LEB128: seven bits a byte, the high bit says more follow
    out += static_cast<char>((n & 0x7F) | (n > 0x7F ? 0x80 : 0));
    n >>= 7;
  } while (n != 0);
  out += payload;
}

// Text is repaired upstream; replacing invalid UTF-8 here is the backstop that keeps the
// stored data valid whatever reached this stage.
void put_text(std::string& out, Tag tag, const std::string& text) {
  if (!text.empty()) put_field(out, tag, text::repair_utf8(text));
}

[[noreturn]] void corrupt(const char* what) {
  throw Error(std::string("corrupt document data (") + what + ")");
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  bool done() const { return at_ == data_.size(); }

  unsigned char byte() {
    if (at_ >= data_.size()) corrupt("truncated");
    return static_cast<unsigned char>(data_[at_++]);
  }

  std::string_view payload() {
    std::uint64_t length = 0;
    for (unsigned shift = 0;; shift += 7) {
      if (shift > 63) corrupt("bad length");
      const unsigned char b = byte();
      length |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) break;
    }
    if (length > data_.size() - at_) corrupt("truncated");
    const std::string_view out = data_.substr(at_, length);
    at_ += length;
    return out;
  }

 private:
  std::string_view data_;
  std::size_t at_ = 0;
};

UnixSeconds parse_seconds(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 19) corrupt("bad published time");
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') corrupt("bad published time");
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

}  // namespace

std::string encode_document_data(const Article& a) {
  std::string out;
  out.reserve(64 + a.id.size() + a.title.size() + a.link.size() + a.guid.size() + a.source.size() +
              a.feed.size() + a.host.size() + a.summary.size() + a.body.size());
  out += format_tagged_fields;
  put_text(out, tag_id, a.id);
  put_text(out, tag_title, a.title);
  put_text(out, tag_link, a.link);
  put_text(out, tag_guid, a.guid);
  for (const std::string& author : a.authors) put_field(out, tag_author, text::repair_utf8(author));
  for (const std::string& category : a.categories) {
    put_field(out, tag_category, text::repair_utf8(category));
  }
  put_text(out, tag_source, a.source);
  put_text(out, tag_feed, a.feed);
  put_text(out, tag_host, a.host);
  put_text(out, tag_language, a.language);
  put_text(out, tag_summary, a.summary);
  put_text(out, tag_body, a.body);
  put_field(out, tag_published, std::to_string(a.published));
  put_field(out, tag_date_source, to_string(a.date_source));
  if (a.future_date) put_field(out, tag_future_date, "1");
  return out;
}

Article decode_document_data(std::string_view data) {
  if (data.empty() || data.front() != format_tagged_fields) corrupt("unknown format");
  Reader in(data.substr(1));
  Article a;
  while (!in.done()) {
    const unsigned char tag = in.byte();
    const std::string_view value = in.payload();
    switch (tag) {
      case tag_id:
        a.id = value;
        break;
      case tag_title:
        a.title = value;
        break;
      case tag_link:
        a.link = value;
        break;
      case tag_guid:
        a.guid = value;
        break;
      case tag_author:
        a.authors.emplace_back(value);
        break;
      case tag_category:
        a.categories.emplace_back(value);
        break;
      case tag_source:
        a.source = value;
        break;
      case tag_feed:
        a.feed = value;
        break;
      case tag_host:
        a.host = value;
        break;
      case tag_language:
        a.language = value;
        break;
      case tag_summary:
        a.summary = value;
        break;
      case tag_body:
        a.body = value;
        break;
      case tag_published:
        a.published = parse_seconds(value);
        break;
      case tag_date_source:
        a.date_source = date_source_from_string(value);
        break;
      case tag_future_date:
        a.future_date = value == "1";
        break;
      default:
        break;  // a field added later: not ours to read
    }
  }
  return a;
}

}  // namespace lede

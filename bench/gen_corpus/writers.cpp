#include "bench/gen_corpus/writers.hpp"

#include <cstdio>

#include "common/dates.hpp"
#include "common/error.hpp"

namespace lede::gen_corpus {

namespace {

// Appends `text` as the inside of a JSON string.
void json_escape(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
}

void json_string(std::string& out, std::string_view text) {
  out += '"';
  json_escape(out, text);
  out += '"';
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string id_of(const SyntheticArticle& a) {
  return "synthetic-" + std::to_string(a.number);
}

std::string link_of(const SyntheticArticle& a) {
  return "https://archive.example/synthetic/" + std::to_string(a.number);
}

// "Thu, 26 Feb 1987 15:02:20 GMT"
std::string rfc822(UnixSeconds t) {
  static const char* const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string iso = dates::format_rfc3339(t);  // 1987-02-26T15:02:20Z
  const std::int64_t days = t >= 0 ? t / 86'400 : (t - 86'399) / 86'400;
  const int month = std::stoi(iso.substr(5, 2));
  return std::string(weekdays[((days % 7) + 7) % 7]) + ", " + iso.substr(8, 2) + ' ' +
         months[month - 1] + ' ' + iso.substr(0, 4) + ' ' + iso.substr(11, 8) + " GMT";
}

}  // namespace

void write_json_line(std::ostream& out, const SyntheticArticle& a) {
  std::string line = "{\"id\":";
  json_string(line, id_of(a));
  line += ",\"title\":";
  json_string(line, a.title);
  line += ",\"body\":\"";
  for (std::size_t p = 0; p < a.paragraphs.size(); ++p) {
    if (p > 0) line += "\\n\\n";
    json_escape(line, a.paragraphs[p]);
  }
  line += "\",\"summary\":";
  json_string(line, a.summary);
  line += ",\"published\":\"" + dates::format_rfc3339(a.published) + "\",\"link\":\"" + link_of(a) +
          "\",\"source\":";
  json_string(line, a.source ? *a.source : std::string());
  line += ",\"categories\":[";
  if (a.categories) {
    for (std::size_t c = 0; c < a.categories->size(); ++c) {
      if (c > 0) line += ',';
      json_string(line, (*a.categories)[c]);
    }
  }
  line += "],\"places\":[]}\n";
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

RssDayWriter::RssDayWriter(std::filesystem::path folder) : folder_(std::move(folder)) {
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  if (ec) throw Error(folder_.string() + ": cannot create the folder: " + ec.message());
}

RssDayWriter::~RssDayWriter() {
  try {
    close_day();
  } catch (...) {  // finish() reports errors; a destructor must not throw
  }
}

void RssDayWriter::write(const SyntheticArticle& a) {
  const std::string day = dates::format_rfc3339(a.published).substr(0, 10);
  if (day != day_) open_day(day);
  out_ << "<item>\n<title>" << xml_escaped(a.title) << "</title>\n<link>" << link_of(a)
       << "</link>\n<guid isPermaLink=\"false\">" << id_of(a) << "</guid>\n<pubDate>"
       << rfc822(a.published) << "</pubDate>\n";
  if (!a.paragraphs.empty()) {
    // The RSS convention: the summary as HTML, that HTML XML-escaped again.
    out_ << "<description>" << xml_escaped(xml_escaped(a.summary)) << "</description>\n"
         << "<content:encoded><![CDATA[";
    for (const std::string& paragraph : a.paragraphs) {
      std::string html = xml_escaped(paragraph);
      // "]]>" would end the CDATA section; its '>' is already "&gt;" after escaping.
      out_ << "<p>" << html << "</p>";
    }
    out_ << "]]></content:encoded>\n";
  }
  if (a.categories) {
    for (const std::string& category : *a.categories) {
      out_ << "<category>" << xml_escaped(category) << "</category>\n";
    }
  }
  out_ << "</item>\n";
}

void RssDayWriter::open_day(const std::string& day) {
  close_day();
  day_ = day;
  const std::filesystem::path path = folder_ / ("synthetic-" + day + ".xml");
  out_.open(path, std::ios::binary | std::ios::trunc);
  if (!out_) throw Error(path.string() + ": cannot write");
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
          "<channel>\n<title>Synthetic newswire: "
       << day << "</title>\n<link>https://archive.example/synthetic/</link>\n"
       << "<description>Articles generated by lede's gen-corpus</description>\n"
       << "<language>en</language>\n";
}

void RssDayWriter::close_day() {
  if (!out_.is_open()) return;
  out_ << "</channel>\n</rss>\n";
  out_.close();
  if (!out_) throw Error((folder_ / ("synthetic-" + day_ + ".xml")).string() + ": write failed");
}

void RssDayWriter::finish() {
  close_day();
}

}  // namespace lede::gen_corpus

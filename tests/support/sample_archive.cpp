#include "tests/support/sample_archive.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace lede::test {

namespace {

constexpr std::array<const char*, 48> vocabulary = {
    "bank",     "rates",    "harbour",  "grain",   "shipping", "copper",    "election", "minister",
    "council",  "budget",   "tariff",   "export",  "import",   "wheat",     "coffee",   "sugar",
    "currency", "dollar",   "yen",      "bond",    "yield",    "inflation", "strike",   "union",
    "railway",  "airport",  "refinery", "crude",   "pipeline", "drought",   "harvest",  "forecast",
    "merger",   "takeover", "dividend", "profit",  "loss",     "quarter",   "shares",   "index",
    "storm",    "flood",    "court",    "verdict", "treaty",   "summit",    "reform",   "pension"};

class Words {
 public:
  explicit Words(unsigned seed) : state_(seed * 2654435761u + 1) {}
  std::string next(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) {
      state_ = state_ * 1103515245u + 12345u;
      if (i) text += ' ';
      text += vocabulary[(state_ >> 16) % vocabulary.size()];
    }
    return text;
  }

 private:
  unsigned state_;
};

}  // namespace

void write_sample_feeds(const std::filesystem::path& folder, int feeds, int items, unsigned seed) {
  std::filesystem::create_directories(folder);
  Words words(seed);
  for (int f = 1; f <= feeds; ++f) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
        << "<title>Sample Wire " << f << "</title><link>https://sample" << f
        << ".example/</link>\n";
    for (int i = 0; i < items; ++i) {
      out << "<item><title>" << words.next(5) << "</title><link>https://sample" << f
          << ".example/story/" << i << "</link>";
      if (i % 5 != 4) {
        char date[64];
        std::snprintf(date, sizeof date, "%02d %s 2024 %02d:%02d:00 GMT", 1 + (i + f) % 28,
                      (f % 2) ? "Mar" : "Apr", i % 24, (i * 7) % 60);
        out << "<pubDate>" << date << "</pubDate>";
      }
      out << "<author>desk" << f % 3 << "@sample.example (Desk " << f % 3 << ")</author>"
          << "<category>" << words.next(1) << "</category><description>" << words.next(40) << ". "
          << words.next(30) << ".</description></item>\n";
    }
    out << "</channel></rss>\n";
    char name[32];
    std::snprintf(name, sizeof name, "sample-%03d.xml", f);
    std::ofstream(folder / name, std::ios::binary) << out.str();
  }
}

}  // namespace lede::test

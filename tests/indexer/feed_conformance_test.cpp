// Runs lede's feed parser over feedparser's well-formed conformance files and checks each
// file's `Expect:` header where lede's model covers it (see feedparser_expect.hpp).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "indexer/feed/feed.hpp"
#include "indexer/normalize.hpp"
#include "indexer/url.hpp"
#include "tests/indexer/feedparser_expect.hpp"
#include "tests/support/test_paths.hpp"

namespace lede {
namespace {

namespace fs = std::filesystem;

struct Header {
  std::string expect;
  std::map<std::string, std::string> http;  // "Header:" lines, name lower-cased
};

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r"));
  s.erase(s.find_last_not_of(" \t\r") + 1);
  return s;
}

// The leading comment's "Expect:" and "Header:" lines.
Header read_header(const std::string& bytes) {
  Header header;
  const std::size_t open = bytes.find("<!--");
  const std::size_t close = bytes.find("-->", open);
  if (open == std::string::npos || close == std::string::npos) return header;
  std::istringstream lines(bytes.substr(open + 4, close - open - 4));
  for (std::string line; std::getline(lines, line);) {
    line = trimmed(line);
    if (line.starts_with("Expect:")) header.expect = trimmed(line.substr(7));
    if (line.starts_with("Header:")) {
      const std::string field = trimmed(line.substr(7));
      const std::size_t colon = field.find(':');
      if (colon == std::string::npos) continue;
      std::string name = field.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      header.http[name] = trimmed(field.substr(colon + 1));
    }
  }
  return header;
}

std::string charset_of(const std::string& content_type) {
  const std::size_t at = content_type.find("charset=");
  if (at == std::string::npos) return "";
  return trimmed(content_type.substr(at + 8, content_type.find(';', at) - at - 8));
}

// Topic folders about formats and extensions outside lede's article model: CDF (Microsoft's
// Channel Definition Format, not a feed format lede reads), iTunes podcast tags, GeoRSS,
// Media RSS and Podlove chapters (lede indexes none of their elements).
bool outside_model(const std::string& topic) {
  return topic == "cdf" || topic == "itunes" || topic == "geo" || topic == "media-rss" ||
         topic == "psc";
}

struct Tally {
  int passed = 0;
  int covered = 0;
  int files = 0;
};

TEST(FeedConformance, FeedparserWellformedExpectations) {
  LEDE_REQUIRE_SHARED(root, "feed-conformance/feedparser/tests/wellformed");
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 1000u) << "the conformance suite looks incomplete";

  std::map<std::string, Tally> by_topic;
  std::vector<std::string> failures;
  for (const fs::path& path : files) {
    const std::string relative = fs::relative(path, root).generic_string();
    const std::string bytes = read_bytes(path);
    const Header header = read_header(bytes);
    Tally& tally = by_topic[relative.substr(0, relative.find('/'))];
    ++tally.files;
    if (header.expect.empty() || outside_model(relative.substr(0, relative.find('/')))) continue;

    // feedparser's own runner fetches every file from its test server, so every file's
    // document URL is this one (Content-Location, when given, replaces it).
    feed::Origin origin{relative, "http://127.0.0.1:8097/tests/wellformed/" + relative, ""};
    if (auto it = header.http.find("content-location"); it != header.http.end()) {
      const std::string moved = url::resolve(origin.base_url, it->second);
      if (url::is_http(moved)) origin.base_url = moved;
    }
    if (auto it = header.http.find("content-type"); it != header.http.end()) {
      origin.http_charset = charset_of(it->second);
    }
    test::ParsedSubject subject;
    if (auto it = header.http.find("content-language"); it != header.http.end()) {
      subject.content_language = it->second;
    }
    feed::Feed parsed;
    std::string parse_error;
    try {
      parsed = feed::parse(bytes, origin);
    } catch (const Error& e) {
      parse_error = e.what();
    }
    subject.feed = &parsed;
    const NormalizeContext ctx{relative, "en", 1700000000};
    for (const feed::Item& item : parsed.items) {
      try {
        subject.articles.push_back(normalize(item, parsed, ctx));
      } catch (const Error&) {
        subject.articles.push_back(std::nullopt);
      }
    }
    const test::Verdict verdict = test::evaluate_expectation(header.expect, subject);
    if (verdict.outcome == test::Outcome::not_covered) continue;
    ++tally.covered;
    if (verdict.outcome == test::Outcome::pass) {
      ++tally.passed;
    } else {
      failures.push_back(relative + ": " + verdict.detail +
                         (parse_error.empty() ? "" : "  [parse error: " + parse_error + "]"));
    }
  }

  Tally total;
  std::cout << "feedparser wellformed conformance (passed / covered of files):\n";
  for (const auto& [topic, tally] : by_topic) {
    std::cout << "  " << topic << ": " << tally.passed << " / " << tally.covered << " (of "
              << tally.files << " files)\n";
    total.passed += tally.passed;
    total.covered += tally.covered;
    total.files += tally.files;
  }
  const double rate = total.covered == 0 ? 0.0 : 100.0 * total.passed / total.covered;
  std::cout << "  total: " << total.passed << " / " << total.covered << " = " << rate << " % ("
            << total.files << " files)\n";
  for (const std::string& failure : failures) std::cout << "  FAIL " << failure << "\n";
  EXPECT_GT(total.covered, 900) << "too few expectations are covered to mean anything";
  EXPECT_GE(rate, 90.0) << "conformance below 90 %";
}

}  // namespace
}  // namespace lede

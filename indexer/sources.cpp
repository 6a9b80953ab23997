#include "indexer/sources.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "common/error.hpp"

namespace lede::sources {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view feed_extensions[] = {".xml",  ".rss",   ".atom", ".rdf",
                                                ".json", ".jsonl", ".opml"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_http_url(std::string_view text) {
  const std::string head = lower(std::string(text.substr(0, 8)));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

std::string_view skip_bom_and_space(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

// The name of the root element, skipping the prolog (declaration, PIs, comments, DOCTYPE).
std::string root_element(std::string_view s) {
  for (s = skip_bom_and_space(s); s.size() > 1 && s.front() == '<';) {
    std::string_view end_marker;
    if (s.substr(0, 2) == "<?")
      end_marker = "?>";
    else if (s.substr(0, 4) == "<!--")
      end_marker = "-->";
    else if (s.substr(0, 2) == "<!")
      end_marker = ">";
    if (end_marker.empty()) {
      s.remove_prefix(1);
      std::size_t n = 0;
      while (n < s.size() && !std::isspace(static_cast<unsigned char>(s[n])) && s[n] != '>' &&
             s[n] != '/') {
        ++n;
      }
      return std::string(s.substr(0, n));
    }
    const auto end = s.find(end_marker);
    if (end == std::string_view::npos) return "";
    s = skip_bom_and_space(s.substr(end + end_marker.size()));
  }
  return "";
}

std::string_view first_nonblank_line(std::string_view s) {
  while (!s.empty()) {
    const auto eol = s.find('\n');
    const std::string_view line = s.substr(0, eol);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return line;
    if (eol == std::string_view::npos) break;
    s.remove_prefix(eol + 1);
  }
  return "";
}

// The keys of a JSON object's first level, read with nlohmann's SAX interface so that a line
// cut short (a dump's first record longer than sniff_bytes) still shows the keys before the cut.
struct TopLevelKeys : nlohmann::json_sax<nlohmann::json> {
  bool object = false;
  bool json_feed_version = false;
  std::vector<std::string> keys;
  int depth = 0;
  bool version_next = false;

  bool has(std::string_view key) const {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  }
  bool value() {
    version_next = false;
    return true;
  }
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t& text) override {
    if (version_next && text.rfind("https://jsonfeed.org/", 0) == 0) json_feed_version = true;
    return value();
  }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    if (depth == 0) object = true;
    ++depth;
    return value();
  }
  bool key(string_t& name) override {
    if (depth == 1) {
      version_next = name == "version";
      keys.push_back(name);
    }
    return true;
  }
  bool end_object() override {
    --depth;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth == 0) return false;  // a top-level array: not an object, stop
    ++depth;
    return value();
  }
  bool end_array() override {
    --depth;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;  // the cut, or bad JSON: keep what was seen
  }
};

TopLevelKeys top_level_keys(std::string_view line) {
  TopLevelKeys keys;
  nlohmann::json::sax_parse(line, &keys);
  return keys;
}

// A Xapian database folder (a lede archive among the feeds): its files are not feeds, and
// opening lede-writer.lock would drop a running writer's record lock (closing any descriptor of
// a file releases the process's fcntl locks on it).
bool is_database_folder(const fs::path& folder) {
  std::error_code ec;
  return fs::exists(folder / "iamglass", ec) || fs::exists(folder / "XAPIANDB", ec) ||
         fs::exists(folder / "lede-writer.lock", ec);
}

void expand_folder(const fs::path& folder, Expansion& out) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool hidden = !name.empty() && name.front() == '.';
    if (hidden || (it->is_directory(ec) && is_database_folder(it->path()))) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_feed_file(it->path())) found.push_back(it->path());
  }
  if (ec) out.errors.push_back(folder.string() + ": cannot read folder: " + ec.message());
  std::sort(found.begin(), found.end());
  for (const fs::path& p : found) out.sources.push_back({Kind::file, p.string()});
}

}  // namespace

bool has_scheme(std::string_view text) {
  // RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"; one letter is a drive.
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon < 2) return false;
  if (!std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

bool is_feed_file(const fs::path& path) {
  const std::string name = path.filename().string();
  if (name.empty() || name.front() == '.') return false;
  const std::string ext = lower(path.extension().string());
  if (std::find(std::begin(feed_extensions), std::end(feed_extensions), ext) !=
      std::end(feed_extensions)) {
    return true;
  }
  // No feed extension: look at the first bytes (a feed saved as "feed" or "index.php").
  std::ifstream in(path, std::ios::binary);
  char head[512];
  in.read(head, sizeof head);
  const std::string_view start = skip_bom_and_space(std::string_view(head, in.gcount()));
  return start.substr(0, 5) == "<?xml" || start.substr(0, 4) == "<rss" ||
         start.substr(0, 5) == "<feed" || start.substr(0, 8) == "<rdf:RDF" ||
         start.substr(0, 5) == "<opml" || start.substr(0, 1) == "{";
}

Expansion expand(const std::vector<std::string>& arguments) {
  Expansion out;
  for (const std::string& arg : arguments) {
    if (arg == "-") {
      out.sources.push_back({Kind::standard_input, arg});
    } else if (is_http_url(arg)) {
      out.sources.push_back({Kind::url, arg});
    } else if (has_scheme(arg) && !fs::exists(arg)) {
      out.errors.push_back(arg + ": only http:// and https:// URLs can be fetched" +
                           (lower(arg.substr(0, 5)) == "file:" ? " (give the file's path)" : ""));
    } else if (std::error_code ec; fs::is_directory(arg, ec)) {
      if (is_database_folder(arg)) {
        out.errors.push_back(arg + ": a database folder, not feeds");
      } else {
        expand_folder(arg, out);
      }
    } else if (fs::exists(arg, ec)) {
      out.sources.push_back({Kind::file, arg});
    } else {
      out.errors.push_back(arg + ": no such file or folder");
    }
  }
  return out;
}

Opened open(const Source& source, const http::FetchOptions& fetch_options) {
  Opened opened;
  opened.origin.location = source.location;
  switch (source.kind) {
    case Kind::url: {
      http::Response response = http::fetch(source.location, fetch_options);
      opened.origin.base_url = response.final_url;
      opened.origin.http_charset = response.charset;
      opened.reader = std::make_unique<SourceReader>(std::move(response.body), source.location);
      break;
    }
    case Kind::standard_input:
      opened.origin.location = "<stdin>";
      opened.reader = std::make_unique<SourceReader>(STDIN_FILENO, false, "<stdin>");
      break;
    case Kind::file: {
      const int fd = ::open(source.location.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) throw Error(source.location + ": cannot open: " + std::strerror(errno));
      opened.reader = std::make_unique<SourceReader>(fd, true, source.location);
      break;
    }
  }
  return opened;
}

Loaded load(const Source& source, const http::FetchOptions& fetch_options) {
  Opened opened = open(source, fetch_options);
  return {opened.reader->read_all(fetch_options.max_bytes), std::move(opened.origin)};
}

Format sniff(std::string_view bytes) {
  const std::string_view start = skip_bom_and_space(bytes);
  if (start.empty() || start.front() != '{') {
    return root_element(bytes) == "opml" ? Format::opml : Format::xml_feed;
  }
  // A JSON Feed is one object, usually spread over many lines; a minified one on one line says
  // so in "version" (or shows its "items"). A dump's first line is a whole record.
  const TopLevelKeys keys = top_level_keys(first_nonblank_line(start));
  if (!keys.object || keys.json_feed_version || keys.has("items")) return Format::json_feed;
  if (keys.has("title") || keys.has("body") || keys.has("published")) return Format::json_lines;
  return Format::json_feed;
}

}  // namespace lede::sources

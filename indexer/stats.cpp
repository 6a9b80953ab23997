#include "indexer/stats.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "common/database.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/sanitize.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"
#include "indexer/index_writer.hpp"

namespace lede {

namespace {

namespace fs = std::filesystem;

std::uintmax_t size_on_disk(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    const std::uintmax_t size = fs::file_size(path, ec);
    return ec ? 0 : size;
  }
  std::uintmax_t total = 0;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

std::optional<UnixSeconds> slot_bound(const std::string& serialised) {
  if (serialised.empty()) return std::nullopt;
  return static_cast<UnixSeconds>(Xapian::sortable_unserialise(serialised));
}

}  // namespace

std::string human_size(std::uintmax_t bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) {
    value /= 1024;
    ++unit;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  return buffer;
}

ArchiveStats collect_stats(const std::string& path) {
  const Xapian::Database db = open_for_reading(path);
  ArchiveStats stats;
  stats.path = path;
  try {
    stats.articles = db.get_doccount();
    std::map<std::string, std::size_t> per_source;
    for (auto v = db.valuestream_begin(schema::source_slot);
         v != db.valuestream_end(schema::source_slot); ++v) {
      ++per_source[*v];
    }
    stats.sources.assign(per_source.begin(), per_source.end());
    std::stable_sort(stats.sources.begin(), stats.sources.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (stats.articles > 0) {
      stats.oldest = slot_bound(db.get_value_lower_bound(schema::published));
      stats.newest = slot_bound(db.get_value_upper_bound(schema::published));
    }
    stats.schema_version = db.get_metadata(std::string(schema::version_key));
    const std::string prefix(failed_input_key_prefix);
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
      ++stats.failed_inputs;
    }
  } catch (const Xapian::Error& e) {
    throw Error(path + ": cannot read database: " + e.get_msg());
  }
  stats.bytes_on_disk = size_on_disk(path);
  return stats;
}

std::string format_stats(const ArchiveStats& s) {
  std::string out;
  out += "database:       " + s.path + "\n";
  out += "articles:       " + std::to_string(s.articles) + "\n";
  out += "sources:        " + std::to_string(s.sources.size()) + "\n";
  // The biggest sources; an archive of hundreds of feeds lists the rest with --json.
  constexpr std::size_t shown = 10;
  for (std::size_t i = 0; i < s.sources.size() && i < shown; ++i) {
    const auto& [name, count] = s.sources[i];
    out += "  " + std::to_string(count) + "\t" +
           text::sanitize_for_terminal(name.empty() ? "(no source name)" : name) + "\n";
  }
  if (s.sources.size() > shown) {
    out += "  … and " + std::to_string(s.sources.size() - shown) + " more (--json lists all)\n";
  }
  out += "published:      ";
  out += s.oldest && s.newest
             ? dates::format_rfc3339(*s.oldest) + " … " + dates::format_rfc3339(*s.newest)
             : "-";
  out += "\n";
  out += "size on disk:   " + human_size(s.bytes_on_disk) + "\n";
  out += "schema version: " + s.schema_version + "\n";
  if (s.failed_inputs > 0) out += "failed inputs:  " + std::to_string(s.failed_inputs) + "\n";
  return out;
}

std::string stats_json(const ArchiveStats& s) {
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  for (const auto& [name, count] : s.sources)
    sources.push_back({{"name", name}, {"articles", count}});
  const auto date = [](const std::optional<UnixSeconds>& t) {
    return t ? nlohmann::json(dates::format_rfc3339(*t)) : nlohmann::json(nullptr);
  };
  const nlohmann::ordered_json j = {
      {"path", s.path},
      {"articles", s.articles},
      {"sources", sources},
      {"oldest", date(s.oldest)},
      {"newest", date(s.newest)},
      {"bytes_on_disk", s.bytes_on_disk},
      {"schema_version", s.schema_version},
      {"failed_inputs", s.failed_inputs},
  };
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lede

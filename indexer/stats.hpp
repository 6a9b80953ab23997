/**
 * @file
 * @brief `lede-index stats`: what an archive holds, read from the schema's slots and metadata.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"

namespace lede {

struct ArchiveStats {
  std::string path;
  Xapian::doccount articles = 0;
  /// Articles per source display name (the source value slot), most articles first.
  std::vector<std::pair<std::string, std::size_t>> sources;
  std::optional<UnixSeconds> oldest;  ///< bounds of the published slot
  std::optional<UnixSeconds> newest;
  std::uintmax_t bytes_on_disk = 0;  ///< files under the database folder (or the stub file)
  std::string schema_version;
  std::size_t failed_inputs = 0;  ///< inputs whose last ingest failed (user metadata notes)
};

/// Opens the database at `path` for reading (lede::Error if missing or of another schema).
ArchiveStats collect_stats(const std::string& path);

/// "1.5 MiB": bytes in binary units, one decimal.
std::string human_size(std::uintmax_t bytes);

/// Human-readable, one fact per line.
std::string format_stats(const ArchiveStats& stats);

/// One JSON object: path, articles, sources [{name, articles}], oldest, newest (RFC 3339 or
/// null), bytes_on_disk, schema_version, failed_inputs.
std::string stats_json(const ArchiveStats& stats);

}  // namespace lede

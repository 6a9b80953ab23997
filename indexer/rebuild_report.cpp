#include "indexer/rebuild_report.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "indexer/stats.hpp"

namespace lede {

namespace {

std::string format(const char* pattern, double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

std::string bar(std::size_t done, std::size_t total) {
  constexpr std::size_t width = 20;
  const std::size_t filled = total ? std::min(width, done * width / total) : 0;
  return "[" + std::string(filled, '#') + std::string(width - filled, '-') + "] " +
         format("%3.0f%%",
                total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 0.0);
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string progress_text(const std::string& command, const RebuildProgress& p) {
  switch (p.phase) {
    case RebuildProgress::Phase::indexing: {
      const PartsProgress& parts = p.parts;
      std::string text =
          command + " " + bar(parts.done, parts.total) + "  " + std::to_string(parts.done) + "/" +
          std::to_string(parts.total) +
          (p.from_sources ? " sources, " + std::to_string(parts.articles) + " articles"
                          : " articles");
      text += ", " + plural(p.workers, "worker", "workers");
      if (p.seconds > 0) {
        text += format(", %.0f articles/s", static_cast<double>(parts.articles) / p.seconds);
      }
      return text;
    }
    case RebuildProgress::Phase::merging:
      return command + (command == "compact" ? ": compacting" : ": merging the parts") +
             (p.table.empty() ? "" : " (" + p.table + " table)");
    case RebuildProgress::Phase::switching:
      return command + ": switching to the new database";
  }
  return command;
}

std::string summary_line(const RebuildSummary& s) {
  const bool compacting = s.command == "compact";
  if (!s.switched) {
    return s.command + " " +
           (s.interrupted ? "interrupted" : "not switched (" + s.not_switched_because + ")") +
           ": the live database is unchanged (" +
           plural(static_cast<std::size_t>(s.articles_before), "article", "articles") + ") after " +
           format("%.1f s", s.seconds);
  }
  std::string line;
  if (compacting) {
    line =
        "compacted: " + plural(static_cast<std::size_t>(s.articles_after), "article", "articles");
  } else {
    line = std::string("rebuilt from ") + (s.from_sources ? "the sources" : "the stored articles") +
           " with " + plural(s.workers, "worker", "workers") + ": " +
           std::to_string(s.articles_before) + " → " +
           plural(static_cast<std::size_t>(s.articles_after), "article", "articles");
  }
  line += ", " + human_size(s.bytes_before) + " → " + human_size(s.bytes_after) + " in " +
          format("%.1f s", s.seconds);
  if (!compacting) {
    line += " (indexing " + format("%.1f s", s.seconds_indexing) + ", merging " +
            format("%.1f s", s.seconds_merging) + ")";
  }
  if (s.duplicates > 0)
    line += "; " + plural(s.duplicates, "duplicate", "duplicates") + " kept once";
  if (s.skipped > 0) line += "; " + std::to_string(s.skipped) + " skipped";
  line += "; live generation " + std::to_string(s.generation);
  return line;
}

std::string summary_json(const RebuildSummary& s) {
  const nlohmann::ordered_json j = {
      {"command", s.command},
      {"from", s.command == "compact" ? "live"
               : s.from_sources       ? "sources"
                                      : "stored"},
      {"workers", s.workers},
      {"switched", s.switched},
      {"interrupted", s.interrupted},
      {"not_switched_because", s.switched ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(s.not_switched_because)},
      {"generation", s.generation},
      {"articles_before", s.articles_before},
      {"articles_after", s.articles_after},
      {"bytes_before", s.bytes_before},
      {"bytes_after", s.bytes_after},
      {"indexed", s.indexed},
      {"duplicates", s.duplicates},
      {"skipped", s.skipped},
      {"unreadable", s.unreadable},
      {"sources_ok", s.sources_ok},
      {"sources_failed", s.sources_failed},
      {"leftovers_removed", s.leftovers_removed},
      {"seconds_indexing", s.seconds_indexing},
      {"seconds_merging", s.seconds_merging},
      {"seconds", s.seconds},
  };
  return j.dump();
}

}  // namespace lede

#include "indexer/progress.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "common/sanitize.hpp"

namespace lede {

namespace {

std::string one_decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

double rate(std::size_t articles, double seconds) {
  return seconds > 0 ? static_cast<double>(articles) / seconds : 0.0;
}

}  // namespace

ProgressDisplay::ProgressDisplay(std::FILE* out, bool live) : out_(out), live_(live) {}

void ProgressDisplay::update(const IngestProgress& p) {
  char text[160];
  std::snprintf(text, sizeof text, "%zu/%zu sources, %zu articles, %.0f articles/s", p.sources_done,
                p.sources_total, p.articles, rate(p.articles, p.seconds));
  show(text);
}

void ProgressDisplay::show(const std::string& text, bool force) {
  if (!live_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  // "\r" + erase to end of line (ECMA-48 EL): the line is redrawn in place.
  std::fprintf(out_, "\r\x1b[Klede-index: %s", text.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressDisplay::clear() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", out_);
  drawn_ = false;
}

void ProgressDisplay::problem(const std::string& message) {
  clear();
  // Messages may quote untrusted input (a feed's bytes, a server's reason phrase).
  std::fprintf(out_, "lede-index: %s\n", text::sanitize_for_terminal(message).c_str());
  std::fflush(out_);
}

void ProgressDisplay::finish() {
  clear();
  std::fflush(out_);
}

std::string summary_line(const IngestSummary& s) {
  std::string line = std::to_string(s.added) + " added, " + std::to_string(s.updated) +
                     " updated, " + std::to_string(s.unchanged) + " unchanged, " +
                     std::to_string(s.skipped) + " skipped";
  if (s.sources_failed > 0) {
    line += ", " + std::to_string(s.sources_failed) +
            (s.sources_failed == 1 ? " source failed" : " sources failed");
  }
  line += " in " + one_decimal(s.seconds) + " s";
  if (s.interrupted) line += " (interrupted; work so far committed)";
  return line;
}

std::string summary_json(const IngestSummary& s) {
  const nlohmann::ordered_json j = {
      {"added", s.added},
      {"updated", s.updated},
      {"unchanged", s.unchanged},
      {"skipped", s.skipped},
      {"sources_ok", s.sources_ok},
      {"sources_failed", s.sources_failed},
      {"interrupted", s.interrupted},
      {"seconds", s.seconds},
      {"articles_per_second", rate(s.articles(), s.seconds)},
  };
  return j.dump();
}

}  // namespace lede

/**
 * @file
 * @brief A source's bytes read front to back with bounded memory: a first look to decide the
 *        format, then either the whole document up to a size cap, or one line at a time up to a
 *        line cap, so that a JSON Lines dump of any size streams through.
 *
 * A feed is parsed as a whole document, so it is capped (--max-size). A dump is read a line at a
 * time, so it needs no cap of its own; a line longer than --max-line is skipped to its end
 * without being held.
 */
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace lede::sources {

class SourceReader {
 public:
  /// Reads descriptor `fd` (a file, or standard input); closes it when `owned`.
  SourceReader(int fd, bool owned, std::string location);
  /// Bytes already in memory (a fetched response).
  SourceReader(std::string bytes, std::string location);
  ~SourceReader();
  SourceReader(const SourceReader&) = delete;
  SourceReader& operator=(const SourceReader&) = delete;

  /// Up to the first `n` bytes, not consumed.
  std::string_view peek(std::size_t n);

  /// Everything not yet consumed. Throws lede::Error "LOCATION: larger than the N MiB limit
  /// (--max-size); not read" past `max_bytes`, without reading further.
  std::string read_all(std::size_t max_bytes);

  /// The next line, without its "\n"; false at the end. A line longer than `max_bytes` is read to
  /// its end and dropped (only `max_bytes` of it are ever held): `line` is then empty and
  /// `too_long` true.
  bool next_line(std::string& line, std::size_t max_bytes, bool& too_long);

 private:
  bool fill(std::size_t want);  // reads until buffered() >= want or the end; false at the end
  std::size_t buffered() const { return buffer_.size() - start_; }
  void consume(std::size_t n);

  int fd_ = -1;
  bool owned_ = false;
  bool at_end_ = false;
  std::string location_;
  std::string buffer_;     // bytes read and not yet consumed start at start_
  std::size_t start_ = 0;  //
};

/// "64 MiB", or "1000 bytes" when not a whole number of MiB.
std::string size_text(std::size_t bytes);

}  // namespace lede::sources

#include "indexer/source_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

#include "common/error.hpp"

namespace lede::sources {

namespace {

constexpr std::size_t chunk_bytes = 1 << 16;

}  // namespace

std::string size_text(std::size_t bytes) {
  constexpr std::size_t mib = 1024 * 1024;
  return bytes % mib == 0 ? std::to_string(bytes / mib) + " MiB" : std::to_string(bytes) + " bytes";
}

SourceReader::SourceReader(int fd, bool owned, std::string location)
    : fd_(fd), owned_(owned), location_(std::move(location)) {}

SourceReader::SourceReader(std::string bytes, std::string location)
    : at_end_(true), location_(std::move(location)), buffer_(std::move(bytes)) {}

SourceReader::~SourceReader() {
  if (owned_ && fd_ >= 0) close(fd_);
}

bool SourceReader::fill(std::size_t want) {
  while (buffered() < want && !at_end_) {
    if (start_ > 0 && start_ >= buffer_.size() / 2) {  // drop what was consumed, now and then
      buffer_.erase(0, start_);
      start_ = 0;
    }
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + chunk_bytes);
    const ssize_t n = read(fd_, buffer_.data() + old_size, chunk_bytes);
    buffer_.resize(old_size + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0) {
      // EINTR: Ctrl-C (lede's handler does not restart reads); the pipeline sees the request.
      throw Error(location_ + ": " +
                  (errno == EINTR ? std::string("read interrupted")
                                  : "read error: " + std::string(std::strerror(errno))));
    }
    if (n == 0) at_end_ = true;
  }
  return buffered() > 0;
}

void SourceReader::consume(std::size_t n) {
  start_ += n;
  if (start_ == buffer_.size()) {
    buffer_.clear();
    start_ = 0;
  }
}

std::string_view SourceReader::peek(std::size_t n) {
  fill(n);
  return std::string_view(buffer_).substr(start_, std::min(n, buffered()));
}

std::string SourceReader::read_all(std::size_t max_bytes) {
  struct stat st {};
  if (fd_ >= 0 && fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
    if (static_cast<std::size_t>(st.st_size) > max_bytes) {
      throw Error(location_ + ": larger than the " + size_text(max_bytes) +
                  " limit (--max-size); not read");
    }
    buffer_.reserve(static_cast<std::size_t>(st.st_size) + chunk_bytes);
  }
  fill(max_bytes + 1);
  if (buffered() > max_bytes) {
    throw Error(location_ + ": larger than the " + size_text(max_bytes) +
                " limit (--max-size); not read");
  }
  if (start_ > 0) buffer_.erase(0, start_);
  start_ = 0;
  return std::move(buffer_);
}

bool SourceReader::next_line(std::string& line, std::size_t max_bytes, bool& too_long) {
  line.clear();
  too_long = false;
  std::size_t scanned = 0;  // bytes after start_ known to hold no "\n"
  for (;;) {
    const std::size_t newline = buffer_.find('\n', start_ + scanned);
    if (newline != std::string::npos) {
      const std::size_t length = newline - start_;
      too_long = length > max_bytes;
      if (!too_long) line.assign(buffer_, start_, length);
      consume(length + 1);
      return true;
    }
    scanned = buffered();
    if (scanned > max_bytes) break;  // too long: drop it as it streams by
    if (!fill(scanned + chunk_bytes) || buffered() == scanned) {
      if (scanned == 0) return false;
      if (scanned > max_bytes) break;
      line.assign(buffer_, start_, scanned);  // the last line, without a "\n"
      consume(scanned);
      return true;
    }
  }
  too_long = true;
  for (;;) {
    const std::size_t newline = buffer_.find('\n', start_);
    if (newline != std::string::npos) {
      consume(newline - start_ + 1);
      return true;
    }
    consume(buffered());
    if (!fill(chunk_bytes)) return true;  // it ran to the end of the input
  }
}

}  // namespace lede::sources

// Fuzz target: feed date text → the RFC 822 and ISO 8601 parsers; a parsed date must survive
// formatting and re-parsing unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)lede::dates::parse_rfc822(text);
  (void)lede::dates::parse_iso8601(text);
  if (const auto t = lede::dates::parse_feed_date(text)) {
    const auto again = lede::dates::parse_iso8601(lede::dates::format_rfc3339(*t));
    if (again != t) std::abort();  // the formatter and the parser disagree
    (void)lede::dates::day_key(*t);
    (void)lede::dates::relative_age(*t, 1700000000);
  }
  return 0;
}

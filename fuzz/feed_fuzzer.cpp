// Fuzz target: raw bytes → feed::parse (encoding detection and conversion, then RSS, Atom or
// JSON Feed) → normalize → Xapian document, as lede-index does for every file and HTTP
// response.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/article_checks.hpp"

#include "common/error.hpp"
#include "indexer/feed/feed.hpp"
#include "indexer/normalize.hpp"

namespace {

// The HTTP charset is picked by the input's length, so one input always takes one path and
// the seeds (plain feed files) keep their meaning: most lengths give no charset at all.
constexpr std::array<std::string_view, 8> http_charsets = {
    "", "", "", "", "utf-8", "iso-8859-1", "UTF-16", "shift_jis"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lede::feed::Origin origin{"fuzz.xml", size % 2 ? "https://fuzz.example/dir/feed.xml" : "",
                            std::string(http_charsets[size % http_charsets.size()])};
  try {
    const lede::feed::Feed feed = lede::feed::parse(bytes, origin);
    const lede::NormalizeContext context{"fuzz.xml", "en", 1700000000};
    for (const lede::feed::Item& item : feed.items) {
      try {
        lede::fuzz::check_and_build(lede::normalize(item, feed, context));
      } catch (const lede::Error&) {
        // An item that cannot become an article is reported and skipped: expected.
      }
    }
  } catch (const lede::Error&) {
    // Not a feed: a clear error is the expected outcome.
  }
  return 0;
}

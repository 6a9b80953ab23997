// Fuzz target: an OPML subscription list → the feeds it lists. Whatever it says, only http(s)
// URLs and local paths may come out.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/error.hpp"
#include "indexer/opml.hpp"
#include "indexer/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Odd lengths read the list as fetched over HTTP (relative URLs resolve against it).
  const lede::feed::Origin origin =
      size % 2 ? lede::feed::Origin{"https://fuzz.example/lists/subs.opml",
                                    "https://fuzz.example/lists/subs.opml", ""}
               : lede::feed::Origin{"lists/subs.opml", "", ""};
  try {
    const lede::opml::Subscriptions subs = lede::opml::read(bytes, origin);
    for (const auto& source : subs.feeds) {
      if (source.kind == lede::sources::Kind::url && !lede::url::is_http(source.location)) {
        std::abort();  // a non-HTTP URL got through
      }
    }
  } catch (const lede::Error&) {
    // Not OPML: a clear error is the expected outcome.
  }
  return 0;
}

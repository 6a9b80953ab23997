// Fuzz target: a JSON Lines dump → Articles → Xapian documents. Bad lines are reported and
// skipped; the reader itself must never throw.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/article_checks.hpp"

#include "indexer/jsonl_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const lede::jsonl::ReadContext context{"fuzz.jsonl", "en", 1700000000};
  lede::jsonl::read(
      bytes, context,
      [](lede::Article&& article) {
        lede::fuzz::check_and_build(article);
        return true;
      },
      [](const std::string& message) { lede::fuzz::require_utf8(message); });
  return 0;
}

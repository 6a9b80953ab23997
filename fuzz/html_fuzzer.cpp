// Fuzz target: feed HTML → plain text (libxml2's HTML parser and lede's walk over its tree).
// The documented contract is checked: valid UTF-8, and to_line has no line break.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/text.hpp"
#include "indexer/html_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const std::string text = lede::html::to_text(html);
  if (lede::text::repair_utf8(text) != text) std::abort();
  const std::string line = lede::html::to_line(html);
  if (lede::text::repair_utf8(line) != line) std::abort();
  if (line.find('\n') != std::string::npos) std::abort();
  return 0;
}

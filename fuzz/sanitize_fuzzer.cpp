// Fuzz target: untrusted text → the terminal sanitiser. Checks its contract: valid UTF-8 with
// no C0/C1 control (but "\n" when kept), no ESC, no bidi override or isolate control.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/sanitize.hpp"
#include "common/text.hpp"

namespace {

void require_printable(const std::string& out, bool keep_newlines) {
  if (lede::text::repair_utf8(out) != out) std::abort();
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x20 && !(keep_newlines && c == '\n')) std::abort();
    if (c == 0x7F) std::abort();
    if (c == 0xC2 && i + 1 < out.size()) {  // U+0080–U+009F: C1 controls
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9F) std::abort();
    }
  }
  // Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
  for (const char* bidi :
       {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    if (out.find(bidi) != std::string::npos) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  require_printable(lede::text::sanitize_for_terminal(text, false), false);
  require_printable(lede::text::sanitize_for_terminal(text, true), true);
  return 0;
}

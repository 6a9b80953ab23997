#include "indexer/json_error.hpp"

#include <string_view>

#include "common/text.hpp"

namespace lede {

std::string json_error_reason(const nlohmann::json::exception& e) {
  std::string_view reason = e.what();
  if (const std::size_t id_end = reason.find("] "); id_end != std::string_view::npos) {
    reason.remove_prefix(id_end + 2);
  }
  if (reason.starts_with("parse error")) {
    if (const std::size_t colon = reason.find(": "); colon != std::string_view::npos) {
      reason.remove_prefix(colon + 2);
    }
  }
  std::string out(reason);
  // "…; last read: '<bytes>'; expected '}'" or "…; last read: '<bytes>'": the column says
  // where the bytes are, and the quote is theirs, not a reason.
  if (const std::size_t quote = out.find("; last read: '"); quote != std::string::npos) {
    const std::size_t expected = out.rfind("'; expected ");
    if (expected != std::string::npos && expected > quote) {
      out.erase(quote, expected + 1 - quote);
    } else {
      out.erase(quote);
    }
  }
  if (out.size() > max_reason_bytes)
    out = std::string(text::truncate_utf8(out, max_reason_bytes)) + "…";
  return out;
}

}  // namespace lede

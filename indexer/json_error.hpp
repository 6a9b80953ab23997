// nlohmann-json's refusals as one short line for lede's error messages.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace lede {

/// Why nlohmann-json refused a text, fit to follow "FILE:LINE: ": without the library's
/// "[json.exception.parse_error.101] parse error at line 1, column 6: " (the caller names the
/// place), without its "; last read: '…'" quote of the bad bytes (as long as the token that
/// failed, a whole 16 MiB string if need be, and it can end inside a UTF-8 character), and cut
/// to `max_reason_bytes` of whole characters ("number overflow parsing '…'" quotes the number).
std::string json_error_reason(const nlohmann::json::exception& e);

inline constexpr std::size_t max_reason_bytes = 200;

}  // namespace lede

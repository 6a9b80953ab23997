#include "indexer/json_error.hpp"

#include <array>
#include <string_view>

#include "common/text.hpp"

namespace lede {

namespace {

/// The "; expected …" that nlohmann-json's parser may put after the quote: one of its
/// lexer's token_type_name()s, so it is recognised by the whole list rather than by searching
/// for "; expected ", which the quoted bytes can hold too (found by fuzz_jsonl: a story whose
/// body said "cts'; expected vs 50 cts").
/// @see https://github.com/nlohmann/json/blob/develop/include/nlohmann/detail/input/lexer.hpp
std::string_view expected_suffix(std::string_view message) {
  static constexpr std::array<std::string_view, 16> token_names = {"<uninitialized>",
                                                                   "true literal",
                                                                   "false literal",
                                                                   "null literal",
                                                                   "string literal",
                                                                   "number literal",
                                                                   "'['",
                                                                   "'{'",
                                                                   "']'",
                                                                   "'}'",
                                                                   "':'",
                                                                   "','",
                                                                   "<parse error>",
                                                                   "end of input",
                                                                   "'[', '{', or a literal",
                                                                   "unknown token"};
  for (const std::string_view name : token_names) {
    const std::string suffix = "; expected " + std::string(name);
    if (message.ends_with(suffix)) return message.substr(message.size() - suffix.size());
  }
  return {};
}

}  // namespace

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
  // "<reason>; last read: '<bytes>'[; expected <token>]": the first "; last read: '" is the
  // library's (its reason is fixed text); everything after it up to the suffix is the bytes.
  std::string out(reason);
  if (const std::size_t quote = reason.find("; last read: '"); quote != std::string_view::npos) {
    out = std::string(reason.substr(0, quote)) + std::string(expected_suffix(reason));
  }
  out = text::repair_utf8(out);
  if (out.size() > max_reason_bytes) {
    out = std::string(text::truncate_utf8(out, max_reason_bytes)) + "…";
  }
  return out;
}

}  // namespace lede

#include "common/schema.hpp"

#include <algorithm>
#include <stdexcept>

#include "common/text.hpp"

namespace lede::schema {

const Field& field(std::string_view name_or_prefix) {
  for (const Field& f : fields) {
    if (f.name == name_or_prefix || (f.name.empty() && f.prefix == name_or_prefix)) return f;
  }
  throw std::logic_error("schema has no field " + std::string(name_or_prefix));
}

bool is_free_text_term(std::string_view term) {
  std::size_t capitals = 0;
  while (capitals < term.size() && term[capitals] >= 'A' && term[capitals] <= 'Z') ++capitals;
  std::string_view prefix = term.substr(0, capitals);
  if (!prefix.empty() && prefix.front() == 'Z') prefix.remove_prefix(1);  // stemmed form
  if (prefix.empty()) return true;
  return std::any_of(fields.begin(), fields.end(), [&](const Field& f) {
    return f.kind == FieldKind::free_text && f.prefix == prefix;
  });
}

std::string boolean_term(const Field& f, std::string_view value) {
  std::string term(f.prefix);
  // Values are lower-cased, so a value can never be mistaken for a longer capital prefix.
  const std::string folded = text::to_lower(value);
  term += folded;
  if (term.size() <= max_term_bytes) return term;
  const std::string hash = text::hex_hash(term);
  return std::string(text::truncate_utf8(term, max_term_bytes - hash.size())) + hash;
}

}  // namespace lede::schema

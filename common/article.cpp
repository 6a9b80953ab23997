#include "common/article.hpp"

#include <array>
#include <utility>

namespace lede {

namespace {
constexpr std::array<std::pair<DateSource, std::string_view>, 5> date_source_names = {{
    {DateSource::published, "published"},
    {DateSource::updated, "updated"},
    {DateSource::dc_date, "dc:date"},
    {DateSource::feed, "feed"},
    {DateSource::first_seen, "first-seen"},
}};
}  // namespace

std::string_view to_string(DateSource source) {
  for (const auto& [value, name] : date_source_names) {
    if (value == source) return name;
  }
  return "first-seen";
}

DateSource date_source_from_string(std::string_view name) {
  for (const auto& [value, known] : date_source_names) {
    if (known == name) return value;
  }
  return DateSource::first_seen;
}

}  // namespace lede

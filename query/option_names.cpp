#include "query/option_names.hpp"

#include <array>
#include <utility>

namespace lede::query {

namespace {

constexpr std::array sort_names = {std::pair{SortOrder::blend, std::string_view("blend")},
                                   std::pair{SortOrder::relevance, std::string_view("relevance")},
                                   std::pair{SortOrder::date, std::string_view("date")}};

constexpr std::array facet_names = {std::pair{Facet::source, std::string_view("source")},
                                    std::pair{Facet::day, std::string_view("day")},
                                    std::pair{Facet::month, std::string_view("month")},
                                    std::pair{Facet::year, std::string_view("year")}};

template <typename Table, typename Enum>
std::string_view name_of(const Table& table, Enum value) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return "";
}

template <typename Table>
auto value_of(const Table& table, std::string_view name)
    -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [entry, entry_name] : table) {
    if (entry_name == name) return entry;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(SortOrder sort) {
  return name_of(sort_names, sort);
}
std::string_view to_string(Facet facet) {
  return name_of(facet_names, facet);
}

std::optional<SortOrder> sort_order_from_string(std::string_view name) {
  return value_of(sort_names, name);
}
std::optional<Facet> facet_from_string(std::string_view name) {
  return value_of(facet_names, name);
}

}  // namespace lede::query

/**
 * @file
 * @brief The names users type and scripts read for sort orders and facets
 * ("blend", "relevance", "date"; "source", "day", "month", "year").
 */
#pragma once

#include <optional>
#include <string_view>

#include "query/search.hpp"

namespace lede::query {

std::string_view to_string(SortOrder sort);
std::string_view to_string(Facet facet);

/// nullopt for an unknown name.
std::optional<SortOrder> sort_order_from_string(std::string_view name);
std::optional<Facet> facet_from_string(std::string_view name);

}  // namespace lede::query

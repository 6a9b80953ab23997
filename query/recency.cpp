#include "query/recency.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>

#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"

namespace lede::query {

namespace {

std::optional<UnixSeconds> midpoint_of_day(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  int ymd = 0;
  const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), ymd);
  if (ec != std::errc{} || ptr != key.data() + key.size()) return std::nullopt;
  const unsigned month = static_cast<unsigned>(ymd / 100 % 100);
  const unsigned day = static_cast<unsigned>(ymd % 100);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return dates::from_civil(ymd / 10000, month, day, 12);
}

}  // namespace

double RecencyModel::recency_of_day(std::string_view day_key) const {
  const auto midpoint = midpoint_of_day(day_key);
  if (!midpoint) return 0;
  const double age_days = std::max(0.0, static_cast<double>(now - *midpoint) / 86400.0);
  return std::exp2(-age_days / half_life_days);
}

void RecencyModel::validate() const {
  if (!(half_life_days > 0) || !std::isfinite(half_life_days)) {
    throw Error("half-life must be a positive number of days");
  }
  if (!(weight >= 0) || !std::isfinite(weight)) {
    throw Error("recency weight must be zero or a positive number");
  }
}

Xapian::Query recency_query(const Xapian::Database& db, const RecencyModel& model) {
  model.validate();
  // Owned here until Xapian takes it: walking the terms can throw (DatabaseModifiedError when
  // a writer overtakes the search, which search() retries), and a bare new would leak then.
  auto source = std::make_unique<Xapian::ValueMapPostingSource>(schema::day_slot);
  source->set_default_weight(0);
  const std::string prefix(schema::day().prefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const std::string day_key = (*term).substr(prefix.size());
    source->add_mapping(day_key, model.weight * model.recency_of_day(day_key));
  }
  return Xapian::Query(source.release()->release());
}

}  // namespace lede::query

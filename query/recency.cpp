#include "query/recency.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"

namespace lede::query {

namespace {

/// At most this many day terms in the filter: each is a posting list opened for every query.
constexpr std::size_t max_filtered_days = 1000;

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
  if (age_days > horizon_half_lives * half_life_days) return 0;
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
  std::vector<std::string> days_with_bonus;
  Xapian::doccount articles_with_bonus = 0;
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const std::string day_key = (*term).substr(prefix.size());
    const double recency = model.recency_of_day(day_key);
    if (recency == 0) continue;
    source->add_mapping(day_key, model.weight * recency);
    days_with_bonus.push_back(*term);
    articles_with_bonus += term.get_termfreq();
  }
  if (days_with_bonus.empty()) return {};
  Xapian::Query bonus(source.release()->release());
  // The source reads the day value of every document it is asked about, and glass steps
  // through a value chunk entry by entry: over a large archive most of a query's time. Asked
  // only about the days that still earn a bonus (their day terms, whose posting lists skip
  // cheaply), it reads only recent values. Not worth it when most articles still count.
  if (days_with_bonus.size() > max_filtered_days || articles_with_bonus > db.get_doccount() / 2) {
    return bonus;
  }
  return Xapian::Query(
      Xapian::Query::OP_FILTER, bonus,
      Xapian::Query(Xapian::Query::OP_OR, days_with_bonus.begin(), days_with_bonus.end()));
}

}  // namespace lede::query

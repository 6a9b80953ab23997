#include "query/recency.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
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

namespace chr = std::chrono;

/// The days to map come from the calendar (no reads, but an entry for every day, with
/// articles or not) or from the archive's day terms (only days with articles, but listing them
/// reads their posting lists, about 2 bytes an article). Each map entry costs ~1,800
/// instructions (ValueMapPostingSource::add_mapping, then its copy in the matcher's clone), an
/// 8 KiB block read ~7 µs on this machine: the calendar is the cheaper from about this many
/// articles a recent day (callgrind and strace -c of `lede-bench query`, docs/benchmarks.md).
constexpr double min_articles_a_calendar_day = 320;
/// Nor past this many days (a half-life of months), whatever the density.
constexpr long max_calendar_days = 1000;

/// Filtered when the recent days are at most this share of the archive's span. Forcing the
/// filter on and off in `lede-bench query` (Reuters' queries, 8 KiB blocks): at a share of 0.53
/// (200,000 synthetic articles, 300 queries) it made the blend ~10 % faster, at 1 (Reuters,
/// 2,000 queries) ~10 % slower.
constexpr double max_filtered_share = 0.75;

/// Past this many years the filter's cover of the recent days (below) is not worth its terms.
constexpr int max_cover_years = 5;

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

std::optional<chr::sys_days> day_of_key(std::string_view key) {
  const auto midpoint = midpoint_of_day(key);
  if (!midpoint) return std::nullopt;
  return chr::floor<chr::days>(chr::sys_seconds{chr::seconds{*midpoint}});
}

std::string key_of(chr::sys_days day) {
  return dates::day_key(chr::sys_seconds{day}.time_since_epoch().count());
}

/// The archive's recent days: from the first that earns a bonus (or the archive's first, if
/// later) to its last, today and any later ones included (a future date's age counts as 0).
struct RecentDays {
  chr::sys_days first, last;  ///< from the day slot's bounds, which Xapian keeps per database
  double share;               ///< of the archive's span, a guess at the share of its articles
};

std::optional<RecentDays> recent_days(const Xapian::Database& db, const RecencyModel& model) {
  const auto lowest = day_of_key(db.get_value_lower_bound(schema::day_slot));
  const auto highest = day_of_key(db.get_value_upper_bound(schema::day_slot));
  if (!lowest || !highest) return std::nullopt;  // no article has a day of its own
  // A day's bonus is non-zero while the age of its midpoint is within the horizon.
  const double horizon_days = horizon_half_lives * model.half_life_days;
  const double first_day =
      std::ceil((static_cast<double>(model.now) - 43200) / 86400 - horizon_days);
  const double lowest_day = lowest->time_since_epoch().count();
  const chr::sys_days first =
      first_day <= lowest_day ? *lowest : chr::sys_days{chr::days{static_cast<long>(first_day)}};
  if (first > *highest) return std::nullopt;
  const double span = (*highest - *lowest).count() + 1;
  return RecentDays{first, *highest, ((*highest - first).count() + 1) / span};
}

/// The days from `first` to `last` as few day, month and year terms as cover them: the rest of
/// `first`'s month by days, the rest of its year by months, then whole years.
std::vector<std::string> cover_terms(chr::sys_days first, chr::sys_days last) {
  std::vector<std::string> terms;
  const chr::year_month_day start{first};
  const chr::year_month_day end{last};
  chr::year_month month = start.year() / start.month();
  if (start.day() != chr::day{1}) {
    const chr::sys_days month_end = std::min(chr::sys_days{month / chr::last}, last);
    for (chr::sys_days d = first; d <= month_end; d += chr::days{1}) {
      terms.push_back(schema::boolean_term(schema::day(), key_of(d)));
    }
    month += chr::months{1};
  }
  chr::year year = month.year();
  if (month.month() != chr::January) {
    for (; month.year() == year && month <= end.year() / end.month(); month += chr::months{1}) {
      terms.push_back(schema::boolean_term(schema::month(), key_of(month / 1).substr(0, 6)));
    }
    ++year;
  }
  for (; year <= end.year(); ++year) {
    terms.push_back(schema::boolean_term(schema::year(), key_of(year / 1 / 1).substr(0, 4)));
  }
  return terms;
}

}  // namespace

double RecencyModel::recency_of_day(std::string_view day_key) const {
  const auto midpoint = midpoint_of_day(day_key);
  return midpoint ? recency_at(*midpoint) : 0;
}

double RecencyModel::recency_at(UnixSeconds midpoint) const {
  const double age_days = std::max(0.0, static_cast<double>(now - midpoint) / 86400.0);
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

Xapian::Query recency_query(const Xapian::Database& db, const RecencyModel& model,
                            DayListing listing) {
  model.validate();
  const auto days = recent_days(db, model);
  if (!days) return {};
  // Owned here until Xapian takes it: listing day terms can throw (DatabaseModifiedError when
  // a writer overtakes the search, which search() retries), and a bare new would leak then.
  auto source = std::make_unique<Xapian::ValueMapPostingSource>(schema::day_slot);
  source->set_default_weight(0);
  bool mapped = false;
  const auto map_day = [&](const std::string& key, double recency) {
    if (recency == 0) return;
    source->add_mapping(key, model.weight * recency);
    mapped = true;
  };
  // Up to today the days come from the calendar when the archive is dense enough (above);
  // days after today, rare, from the day terms.
  const chr::sys_days today = chr::floor<chr::days>(chr::sys_seconds{chr::seconds{model.now}});
  const chr::sys_days last_past = std::min(today, days->last);
  const std::string prefix(schema::day().prefix);
  chr::sys_days listed_from = today + chr::days{1};
  const long calendar_days = (last_past - days->first).count() + 1;
  const double recent_articles = days->share * db.get_doccount();
  if (listing == DayListing::cheaper) {
    const bool dense =
        recent_articles >= min_articles_a_calendar_day * static_cast<double>(calendar_days);
    listing =
        dense && calendar_days <= max_calendar_days ? DayListing::calendar : DayListing::day_terms;
  }
  if (listing == DayListing::calendar && calendar_days > 0) {
    for (chr::sys_days d = days->first; d <= last_past; d += chr::days{1}) {
      map_day(key_of(d), model.recency_at(chr::sys_seconds{d}.time_since_epoch().count() + 43200));
    }
  } else {
    listed_from = days->first;
  }
  if (days->last >= listed_from) {
    auto term = db.allterms_begin(prefix);
    term.skip_to(prefix + key_of(listed_from));
    for (; term != db.allterms_end(prefix); ++term) {
      const std::string key = (*term).substr(prefix.size());
      map_day(key, model.recency_of_day(key));
    }
  }
  if (!mapped) return {};
  Xapian::Query bonus(source.release()->release());
  // The source reads the day value of every document it is asked about, and glass steps
  // through a value chunk entry by entry: over a large archive most of a query's time. Asked
  // only about the recent days (day, month and year terms, whose posting lists skip cheaply),
  // it reads only recent values. Not worth it when most of the archive is recent.
  const auto cover_years =
      (chr::year_month_day{days->last}.year() - chr::year_month_day{days->first}.year()).count();
  if (days->share > max_filtered_share || cover_years > max_cover_years) return bonus;
  const std::vector<std::string> cover = cover_terms(days->first, days->last);
  return Xapian::Query(Xapian::Query::OP_FILTER, bonus,
                       Xapian::Query(Xapian::Query::OP_OR, cover.begin(), cover.end()));
}

}  // namespace lede::query

// Fuzz target: query text → Xapian::Query (Xapian's QueryParser with lede's fields, date:
// ranges and since: ages), and the same text read as --since/--until values and date: ranges.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <unistd.h>
#include <xapian.h>

#include "common/error.hpp"
#include "query/date_range.hpp"
#include "query/query_parser.hpp"

namespace {

constexpr lede::UnixSeconds now = 1700000000;  // 2023-11-14T22:13:20Z

/// A tiny archive on disk (the in-memory backend keeps no spelling data), so that wildcards
/// and spelling correction have terms to find. Removed when the fuzzer exits.
Xapian::Database& archive() {
  static const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("lede-fuzz-query-" + std::to_string(getpid()));
  static Xapian::Database db = [] {
    std::atexit([] { std::filesystem::remove_all(folder); });
    Xapian::WritableDatabase d(folder.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_database(d);
    generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    generator.set_stemmer(Xapian::Stem("en"));
    for (const char* text : {"central bank raises interest rates", "oil prices fall",
                             "banking banker banks bankrupt"}) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text);
      d.add_document(doc);
    }
    d.commit();
    return Xapian::Database(folder.string());
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static lede::query::QueryParser parser(archive(), "en", now);
  try {
    const lede::query::ParsedQuery parsed = parser.parse(text);
    (void)parsed.query.get_description();
    (void)parser.spelling_correction(text);
  } catch (const lede::Error&) {
    // A malformed date: or since: value: a clear error is the expected outcome.
  }
  if (const auto range = lede::query::parse_date_range(text)) {
    (void)lede::query::published_range_query(*range);
  }
  if (const auto from = lede::query::parse_since(text, now)) {
    (void)lede::query::published_range_query({from, std::nullopt});
  }
  (void)lede::query::parse_until(text, now);
  return 0;
}

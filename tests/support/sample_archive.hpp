// A synthetic archive for rebuild tests: RSS files with varied words, dated and undated items.
#pragma once

#include <filesystem>

namespace lede::test {

/// Writes `feeds` RSS files of `items` items each into `folder` (sample-001.xml, …). Words are
/// drawn from a fixed vocabulary by a seeded generator, so the same call writes the same bytes.
/// Every fifth item has no date (its time is the first time lede sees it).
void write_sample_feeds(const std::filesystem::path& folder, int feeds, int items,
                        unsigned seed = 1);

}  // namespace lede::test

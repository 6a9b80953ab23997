/**
 * @file
 * @brief What a rebuild keeps of the live database that re-indexing does not make again: its
 *        user metadata (feed subscriptions under "lede.feed:", failed-input notes, and any key
 *        another version or tool wrote) and its synonyms.
 *
 * Spelling data is not copied: re-indexing every article feeds the new database's spelling
 * table the way a fresh `add` of them would (see docs/rebuild.md).
 */
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace lede {

using Metadata = std::map<std::string, std::string>;

/// The user metadata of `db` whose keys start with `prefix`.
Metadata read_metadata(const Xapian::Database& db, std::string_view prefix = {});

/// The failed-input notes after a rebuild from sources. Every part started with `before` (the
/// live notes); a part whose notes differ from them read those sources, and the last such part
/// wins, as the last reading would in a sequential `add`.
Metadata merge_failed_notes(const Metadata& before, const std::vector<Metadata>& parts_after);

/// Writes into `rebuilt`: every user metadata key of `live` but the schema version (`rebuilt`
/// carries this lede's own), the failed-input notes replaced by `notes` (removing any other),
/// and the synonyms of `live`. Does not commit.
void carry_over(const Xapian::Database& live, const Metadata& notes,
                Xapian::WritableDatabase& rebuilt);

}  // namespace lede

#include "indexer/carry_over.hpp"

#include "common/schema.hpp"
#include "indexer/index_writer.hpp"

namespace lede {

namespace {

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Metadata read_metadata(const Xapian::Database& db, std::string_view prefix) {
  Metadata metadata;
  const std::string start(prefix);
  for (auto key = db.metadata_keys_begin(start); key != db.metadata_keys_end(start); ++key) {
    metadata.emplace(*key, db.get_metadata(*key));
  }
  return metadata;
}

Metadata merge_failed_notes(const Metadata& before, const std::vector<Metadata>& parts_after) {
  Metadata notes = before;
  for (const Metadata& after : parts_after) {
    for (const auto& [key, value] : before) {
      const auto now = after.find(key);
      if (now == after.end()) {
        notes.erase(key);  // that part read the source, and it succeeded
      } else if (now->second != value) {
        notes[key] = now->second;
      }
    }
    for (const auto& [key, value] : after) {
      if (!before.count(key)) notes[key] = value;
    }
  }
  return notes;
}

void carry_over(const Xapian::Database& live, const Metadata& notes,
                Xapian::WritableDatabase& rebuilt) {
  for (const auto& [key, value] : read_metadata(rebuilt, failed_input_key_prefix)) {
    if (!notes.count(key)) rebuilt.set_metadata(key, "");  // an empty value removes the key
  }
  for (const auto& [key, value] : read_metadata(live)) {
    if (key == schema::version_key || starts_with(key, failed_input_key_prefix)) continue;
    rebuilt.set_metadata(key, value);
  }
  for (const auto& [key, value] : notes) rebuilt.set_metadata(key, value);
  for (auto key = live.synonym_keys_begin(); key != live.synonym_keys_end(); ++key) {
    for (auto synonym = live.synonyms_begin(*key); synonym != live.synonyms_end(*key); ++synonym) {
      rebuilt.add_synonym(*key, *synonym);
    }
  }
}

}  // namespace lede

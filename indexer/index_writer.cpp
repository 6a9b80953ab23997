#include "indexer/index_writer.hpp"

#include "common/schema.hpp"
#include "common/stored_article.hpp"
#include "common/stored_article_v1.hpp"
#include "common/text.hpp"

namespace lede {

namespace {

std::string failed_key(const std::string& location) {
  std::string key = std::string(failed_input_key_prefix) + location;
  if (key.size() <= schema::max_term_bytes) return key;
  return std::string(failed_input_key_prefix) + text::hex_hash(location);
}

// An undated item keeps the time it was first seen, so re-reading it changes nothing.
// `decode` reads the stored data: this database's own version, or any (an earlier database).
void keep_first_seen_time(Article& article, const std::string& stored_data,
                          Article (*decode)(std::string_view) = decode_document_data) {
  if (article.date_source != DateSource::first_seen) return;
  const Article stored = decode(stored_data);
  if (stored.date_source == DateSource::first_seen) {
    article.published = stored.published;
    article.future_date = stored.future_date;
  }
}

}  // namespace

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, std::size_t batch_size)
    : db_(db), batch_size_(batch_size == 0 ? 1 : batch_size) {}

IndexWriter::~IndexWriter() {
  try {
    spelling_.flush_into(db_);
  } catch (const Xapian::Error&) {
    // The database already failed; the error that ended the run is the one to report.
  }
}

IndexWriter::Outcome IndexWriter::write(const Article& incoming) {
  const std::string term = DocumentBuilder::unique_term(incoming.id);
  // A WritableDatabase reads its own uncommitted changes, so duplicates within one batch are
  // seen too.
  Xapian::PostingIterator existing = db_.postlist_begin(term);
  const bool exists = existing != db_.postlist_end(term);

  Article article = incoming;
  std::string stored_data;
  if (exists) {
    stored_data = db_.get_document(*existing).get_data();
    keep_first_seen_time(article, stored_data);
    if (encode_document_data(article) == stored_data) {
      ++counts_.unchanged;
      return Outcome::unchanged;
    }
  }

  if (!exists && earlier_ && article.date_source == DateSource::first_seen) {
    Xapian::PostingIterator before = earlier_->postlist_begin(term);
    if (before != earlier_->postlist_end(term)) {
      keep_first_seen_time(article, earlier_->get_document(*before).get_data(),
                           decode_document_data_of_any_version);
    }
  }

  const Xapian::Document doc = builder_.build(article);
  spelling_.add_words_of(doc);
  // The lookup above already found the document (or its absence): no second term lookup.
  if (exists) {
    db_.replace_document(*existing, doc);
  } else {
    db_.add_document(doc);
  }
  exists ? ++counts_.updated : ++counts_.added;
  if (++pending_ >= batch_size_) commit();
  return exists ? Outcome::updated : Outcome::added;
}

void IndexWriter::commit() {
  spelling_.flush_into(db_);
  db_.commit();
  pending_ = 0;
}

void IndexWriter::note_failure(const std::string& location, const std::string& message) {
  db_.set_metadata(failed_key(location), message);
}

void IndexWriter::note_success(const std::string& location) {
  const std::string key = failed_key(location);
  if (!db_.get_metadata(key).empty()) db_.set_metadata(key, "");
}

}  // namespace lede

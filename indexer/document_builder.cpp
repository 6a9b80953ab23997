#include "indexer/document_builder.hpp"

#include "common/dates.hpp"
#include "common/language.hpp"
#include "common/schema.hpp"
#include "common/stem_cache.hpp"
#include "common/stored_article.hpp"
#include "common/text.hpp"

namespace lede {

namespace {

void index_free_text(Xapian::TermGenerator& gen, const schema::Field& field,
                     const std::string& text) {
  if (text.empty()) return;
  gen.index_text(text, field.wdf_boost, std::string(field.prefix));
  // Phrases and NEAR never span two fields (Omega does the same).
  gen.increase_termpos();
}

}  // namespace

DocumentBuilder::DocumentBuilder(Xapian::WritableDatabase* spelling_db) {
  if (spelling_db) {
    generator_.set_database(*spelling_db);
    generator_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }
  set_language("en");
}

void DocumentBuilder::set_language(const std::string& language) {
  if (language == stem_language_) return;
  stem_language_ = language;
  generator_.set_stemmer(with_stem_cache(stemmer_for(language)));
}

std::string DocumentBuilder::unique_term(const std::string& article_id) {
  return schema::boolean_term(schema::unique_id(), article_id);
}

std::string DocumentBuilder::collapse_key(const Article& article) {
  // Same normalised title on the same day: the same wire story picked up by several feeds.
  std::string key = text::to_lower(text::fold_whitespace(article.title));
  key += '\n';
  key += dates::day_key(article.published);
  return text::hex_hash(key);
}

Xapian::Document DocumentBuilder::build(const Article& article) {
  set_language(article.language);
  Xapian::Document doc;
  generator_.set_document(doc);

  // Prefixed free-text fields (with their wdf boosts), then the unprefixed default field.
  index_free_text(generator_, schema::title(), article.title);
  for (const std::string& author : article.authors) {
    index_free_text(generator_, schema::author(), author);
  }
  index_free_text(generator_, schema::source(), article.source);

  generator_.index_text(article.title, schema::title().wdf_boost);
  generator_.increase_termpos();
  if (!article.summary.empty() && article.body.find(article.summary) == std::string::npos) {
    generator_.index_text(article.summary);
    generator_.increase_termpos();
  }
  generator_.index_text(article.body);

  // Boolean filter terms.
  for (const std::string& category : article.categories) {
    doc.add_boolean_term(schema::boolean_term(schema::category(), category));
  }
  if (!article.language.empty()) {
    doc.add_boolean_term(schema::boolean_term(schema::language(), article.language));
  }
  if (!article.host.empty()) {
    doc.add_boolean_term(schema::boolean_term(schema::site(), article.host));
  }
  const std::string day = dates::day_key(article.published);
  doc.add_boolean_term(schema::boolean_term(schema::day(), day));
  doc.add_boolean_term(schema::boolean_term(schema::month(), day.substr(0, 6)));
  doc.add_boolean_term(schema::boolean_term(schema::year(), day.substr(0, 4)));
  doc.add_boolean_term(unique_term(article.id));
  if (!article.feed.empty())
    doc.add_boolean_term(schema::boolean_term(schema::feed(), article.feed));

  doc.add_value(schema::published,
                Xapian::sortable_serialise(static_cast<double>(article.published)));
  // The recency bonus rewards a known publication day: an article without a date of its own
  // (filed under the time lede first saw it) gets none (docs/ranking.md).
  if (article.date_source != DateSource::first_seen) doc.add_value(schema::day_slot, day);
  doc.add_value(schema::source_slot, article.source);
  doc.add_value(schema::collapse_key, collapse_key(article));

  doc.set_data(encode_document_data(article));
  return doc;
}

}  // namespace lede

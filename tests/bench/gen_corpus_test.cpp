// gen-corpus on a tiny hand-written corpus: the same seed gives the same bytes, another seed
// other bytes; the output is the corpus schema in date order, built only from the corpus'
// words; the RSS days parse with lede's own feed parser into the same articles.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bench/gen_corpus/generator.hpp"
#include "bench/gen_corpus/model.hpp"
#include "bench/gen_corpus/writers.hpp"
#include "common/dates.hpp"
#include "indexer/feed/feed.hpp"
#include "tests/support/temp_dir.hpp"

namespace lede::gen_corpus {
namespace {

const char* const tiny_corpus =
    R"({"id":"a","title":"OIL PRICES RISE","body":"Oil prices rose on Monday. Traders said supply was tight.\n\nOPEC meets next week.","summary":"x","published":"1987-03-02T09:15:00Z","link":"https://archive.example/a","source":"Reuters","categories":["crude"],"places":[]}
{"id":"b","title":"BANK RAISES RATES","body":"The bank raised rates on Monday. Markets said the move was expected.","summary":"x","published":"1987-03-02T14:00:00Z","link":"https://archive.example/b","source":"Reuters","categories":["interest","money-fx"],"places":[]}

{"id":"c","title":"WHEAT HARVEST ENDS","body":"","summary":"","published":"1987-03-04T08:00:00Z","link":"https://archive.example/c","source":"Wire & Co <W>","categories":[],"places":[]}
{"id":"d","title":"OIL TANKER SEIZED","body":"Gunboats seized an \"oil\" tanker at dawn, officials said.","summary":"x","published":"1987-03-04T23:59:59Z","link":"https://archive.example/d","source":"Reuters","categories":["crude","ship"],"places":[]}
)";

std::string generate_jsonl(const Model& model, std::uint64_t count, std::uint64_t seed) {
  std::ostringstream out;
  generate(model, count, seed, [&](const SyntheticArticle& a) { write_json_line(out, a); });
  return out.str();
}

std::vector<nlohmann::json> lines_of(const std::string& text) {
  std::vector<nlohmann::json> records;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) records.push_back(nlohmann::json::parse(line));
  return records;
}

TEST(GenCorpus, LearnsTheTinyCorpus) {
  const Model model = learn_from(tiny_corpus, "tiny.jsonl");
  EXPECT_EQ(model.shapes.size(), 4u);
  EXPECT_EQ(model.shapes[0].title_tokens, 3u);
  EXPECT_EQ(model.shapes[0].paragraphs, (std::vector<std::uint32_t>{10, 4}));
  EXPECT_TRUE(model.shapes[2].paragraphs.empty());               // a brief
  EXPECT_EQ(model.per_day, (std::vector<std::uint32_t>{2, 2}));  // 1987-03-02, 1987-03-04
  EXPECT_EQ(model.sources, (std::vector<std::string>{"Reuters", "Wire & Co <W>"}));
  EXPECT_EQ(model.source_cumulative, (std::vector<std::uint64_t>{3, 4}));
  EXPECT_EQ(model.category_sets.size(), 4u);
  EXPECT_EQ(model.tokens[0], "<start>");
}

TEST(GenCorpus, SameSeedSameBytesOtherSeedOtherBytes) {
  const Model model = learn_from(tiny_corpus, "tiny.jsonl");
  const std::string first = generate_jsonl(model, 60, 42);
  EXPECT_EQ(first, generate_jsonl(model, 60, 42));
  EXPECT_EQ(first, generate_jsonl(learn_from(tiny_corpus, "again.jsonl"), 60, 42));
  EXPECT_NE(first, generate_jsonl(model, 60, 43));
  // A longer run starts with the shorter one, also when the shorter one ends within a day.
  const std::string odd = generate_jsonl(model, 61, 42);
  EXPECT_EQ(generate_jsonl(model, 100, 42).substr(0, odd.size()), odd);
}

TEST(GenCorpus, WritesTheCorpusSchemaInDateOrderFromCorpusWords) {
  const Model model = learn_from(tiny_corpus, "tiny.jsonl");
  const std::set<std::string> vocabulary(model.tokens.begin() + 1, model.tokens.end());
  const auto records = lines_of(generate_jsonl(model, 50, 7));
  ASSERT_EQ(records.size(), 50u);
  const std::vector<std::string> keys = {"id",   "title",  "body",       "summary", "published",
                                         "link", "source", "categories", "places"};
  std::string previous;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    std::vector<std::string> got;
    for (const auto& [key, value] : r.items()) got.push_back(key);
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()),
              std::set<std::string>(keys.begin(), keys.end()));
    EXPECT_EQ(r["id"], "synthetic-" + std::to_string(i + 1));
    const std::string published = r["published"];
    ASSERT_TRUE(dates::parse_iso8601(published)) << published;
    EXPECT_LE(previous, published);  // RFC 3339 UTC strings sort as times
    previous = published;
    std::istringstream words(r["title"].get<std::string>() + " " + r["body"].get<std::string>());
    for (std::string word; words >> word;) EXPECT_TRUE(vocabulary.count(word)) << word;
    if (r["body"] == "") {
      EXPECT_EQ(r["summary"], "");
    }
  }
  EXPECT_GE(previous.substr(0, 10), "1987-03-03");  // 50 articles need more than two days
}

TEST(GenCorpus, SummaryFollowsTheCorpusRule) {
  EXPECT_EQ(summary_of({}), "");
  EXPECT_EQ(summary_of({"Short first.", "Second."}), "Short first.");
  const std::string sentence = "First sentence ends here.";
  const std::string long_paragraph = sentence + " " + std::string(400, 'x');
  EXPECT_EQ(summary_of({long_paragraph}), sentence);
  std::string words;
  while (words.size() < 400) words += "word ";
  const std::string cut = summary_of({words});
  EXPECT_LE(cut.size(), 300u);
  EXPECT_EQ(cut.substr(cut.size() - 3), "...");
  EXPECT_EQ(cut.substr(0, cut.size() - 3).back(), 'd');  // cut at a word boundary
}

TEST(GenCorpus, RssDaysParseIntoTheSameArticles) {
  const Model model = learn_from(tiny_corpus, "tiny.jsonl");
  test::TempDir dir;
  std::multiset<std::string> written, parsed_titles;
  {
    RssDayWriter writer(dir.path());
    generate(model, 30, 5, [&](const SyntheticArticle& a) {
      writer.write(a);
      written.insert(a.title);
    });
    writer.finish();
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    const feed::Feed parsed = feed::parse(bytes, {entry.path().string(), "", ""});
    EXPECT_EQ(parsed.format, "rss2.0");
    for (const feed::Item& item : parsed.items) parsed_titles.insert(item.title.value);
  }
  EXPECT_EQ(parsed_titles, written);
  EXPECT_GE(files, 2u);
}

}  // namespace
}  // namespace lede::gen_corpus

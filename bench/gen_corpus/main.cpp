// gen-corpus: writes N synthetic articles learned from a real JSON Lines corpus, as JSON Lines
// (to a file or stdout) or as daily RSS files (into a folder). Deterministic by --seed.
// Exit codes: 0 done, 2 error (one "gen-corpus: …" line on stderr).
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "bench/gen_corpus/generator.hpp"
#include "bench/gen_corpus/model.hpp"
#include "bench/gen_corpus/writers.hpp"
#include "common/error.hpp"

namespace {

struct CommandLine {
  std::string corpus;
  std::uint64_t count = 0;
  std::uint64_t seed = 1;
  std::string format = "jsonl";
  std::string out = "-";
};

int run(const CommandLine& cl) {
  using namespace lede::gen_corpus;
  const Model model = learn(cl.corpus);
  if (cl.format == "rss") {
    if (cl.out == "-") throw lede::Error("--format rss: give a folder with --out");
    RssDayWriter writer(cl.out);
    generate(model, cl.count, cl.seed, [&](const SyntheticArticle& a) { writer.write(a); });
    writer.finish();
    return 0;
  }
  std::ofstream file;
  if (cl.out != "-") {
    file.open(cl.out, std::ios::binary | std::ios::trunc);
    if (!file) throw lede::Error(cl.out + ": cannot write");
  }
  std::ostream& out = cl.out == "-" ? std::cout : file;
  generate(model, cl.count, cl.seed, [&](const SyntheticArticle& a) { write_json_line(out, a); });
  out.flush();
  if (!out) throw lede::Error(cl.out + ": write failed");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "gen-corpus: synthetic news articles with term statistics learned from a real "
      "JSON Lines corpus (bench/README.md)"};
  app.name("gen-corpus");
  CommandLine cl;
  app.add_option("--from", cl.corpus, "JSON Lines corpus to learn from")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--count", cl.count, "Articles to write")->required();
  app.add_option("--seed", cl.seed, "Same seed, same corpus: same bytes")->capture_default_str();
  app.add_option("--format", cl.format, "jsonl | rss (one file per day)")
      ->capture_default_str()
      ->check(CLI::IsMember({"jsonl", "rss"}));
  app.add_option("--out", cl.out, "File for jsonl ('-': stdout), folder for rss")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    return run(cl);
  } catch (const lede::Error& e) {
    std::cerr << "gen-corpus: " << e.what() << '\n';
    return 2;
  }
}

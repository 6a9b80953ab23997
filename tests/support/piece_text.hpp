// Random texts for differential tests: each a string of pieces the rules under test are about,
// drawn by a seeded 64-bit LCG, so a failure names an input that reproduces.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lede::test {

class PieceText {
 public:
  PieceText(std::vector<std::string> pieces, std::uint64_t seed)
      : pieces_(std::move(pieces)), state_(seed) {}

  /// The next text: `count` pieces.
  std::string next(int count) {
    std::string text;
    for (int k = 0; k < count; ++k) {
      state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;  // Knuth's MMIX LCG
      text += pieces_[(state_ >> 33) % pieces_.size()];
    }
    return text;
  }

 private:
  std::vector<std::string> pieces_;
  std::uint64_t state_;
};

}  // namespace lede::test

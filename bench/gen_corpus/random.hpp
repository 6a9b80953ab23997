/**
 * @file
 * @brief A small, fully specified random generator, so that a seed gives the same bytes
 * everywhere (std::*_distribution's algorithms differ between standard libraries).
 *
 * xoshiro256** seeded through splitmix64, as its authors recommend.
 * @see https://prng.di.unimi.it/ (xoshiro256starstar.c, splitmix64.c)
 */
#pragma once

#include <cstdint>

namespace lede::gen_corpus {

class Random {
 public:
  explicit Random(std::uint64_t seed);

  std::uint64_t next();

  /// Uniform in [0, bound) (bound > 0) by the remainder: the bias is below bound / 2^64,
  /// nothing for the bounds used here, and the result is the same on every platform.
  std::uint64_t below(std::uint64_t bound);

 private:
  std::uint64_t s_[4];
};

}  // namespace lede::gen_corpus

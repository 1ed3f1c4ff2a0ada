// Space-filling samples of the unit cube for sweeps too large for a full grid: Latin hypercube
// (McKay, Beckman & Conover 1979) and Sobol' (Sobol' 1967; direction numbers of Joe & Kuo 2008).
// Every number comes from our own generator, so a sample is the same on every platform and build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zeropark::cli {

// points[i][d] in [0, 1): sample i's coordinate in dimension d.
using UnitSamples = std::vector<std::vector<double>>;

// The most dimensions (swept parameters) a Sobol' sample supports.
inline constexpr std::size_t kSobolMaxDimensions = 21;

// n points: each dimension's n strata [k/n, (k+1)/n) hold exactly one point each, paired at random
// across dimensions and placed at random within their stratum; `seed` fixes both.
UnitSamples latin_hypercube(std::size_t n, std::size_t dimensions, std::uint64_t seed);

// The first n points of the Sobol' sequence (Gray-code order, starting at the origin), as scipy's
// qmc.Sobol(scramble=False) gives them. With a seed, every dimension gets a random digital shift
// (XOR with a random 32-bit word), which keeps the sequence's stratification. Throws
// std::invalid_argument beyond kSobolMaxDimensions or 2^32 points.
UnitSamples sobol(std::size_t n, std::size_t dimensions, const std::uint64_t* shift_seed);

// A stream of 64-bit words from a seed (SplitMix64, Steele, Lea & Flood 2014): defined by its
// arithmetic alone, unlike the standard library's distributions.
class SampleStream {
 public:
  explicit SampleStream(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double uniform();                      // [0, 1) with 53 random bits
  std::size_t below(std::size_t bound);  // uniform on 0 .. bound-1, without modulo bias

 private:
  std::uint64_t state_;
};

}  // namespace zeropark::cli

#include "sweep_sampling.h"

#include <numeric>
#include <stdexcept>
#include <string>

namespace zeropark::cli {
namespace {

// Joe & Kuo's primitive polynomials and initial direction numbers m_1..m_s for dimensions 2 to 21
// (dimension 1 is the van der Corput sequence). A polynomial is written with its leading and
// trailing terms: 0b111 = x^2 + x + 1, degree s = bit length - 1.
struct SobolDimension {
  std::uint32_t polynomial;
  std::uint32_t m[7];
};
constexpr SobolDimension kSobolDimensions[kSobolMaxDimensions - 1] = {
    {3, {1}},
    {7, {1, 3}},
    {11, {1, 3, 1}},
    {13, {1, 1, 1}},
    {19, {1, 1, 3, 3}},
    {25, {1, 3, 5, 13}},
    {37, {1, 1, 5, 5, 17}},
    {41, {1, 1, 5, 5, 5}},
    {47, {1, 1, 7, 11, 19}},
    {55, {1, 1, 5, 1, 1}},
    {59, {1, 1, 1, 3, 11}},
    {61, {1, 3, 5, 5, 31}},
    {67, {1, 3, 3, 9, 7, 49}},
    {91, {1, 1, 1, 15, 21, 21}},
    {97, {1, 3, 1, 13, 27, 49}},
    {103, {1, 1, 1, 15, 7, 5}},
    {109, {1, 3, 1, 15, 13, 25}},
    {115, {1, 1, 5, 5, 19, 61}},
    {131, {1, 3, 7, 11, 23, 15, 103}},
    {137, {1, 3, 7, 13, 13, 15, 69}},
};

constexpr int kBits = 32;

// v[k] (k = 0..31): the direction numbers of one dimension, scaled to 32-bit fractions.
std::vector<std::uint32_t> direction_numbers(std::size_t dimension) {
  std::vector<std::uint32_t> v(kBits);
  if (dimension == 0) {
    for (int k = 0; k < kBits; ++k) v[k] = std::uint32_t{1} << (kBits - 1 - k);
    return v;
  }
  const SobolDimension& d = kSobolDimensions[dimension - 1];
  int s = 0;
  while ((d.polynomial >> (s + 1)) != 0) ++s;
  for (int k = 0; k < s; ++k) v[k] = d.m[k] << (kBits - 1 - k);
  // v_k = v_{k-s} ^ (v_{k-s} >> s) ^ the inner coefficients' terms: the polynomial's recurrence.
  for (int k = s; k < kBits; ++k) {
    std::uint32_t value = v[k - s] ^ (v[k - s] >> s);
    for (int j = 1; j < s; ++j)
      if ((d.polynomial >> (s - j)) & 1u) value ^= v[k - j];
    v[k] = value;
  }
  return v;
}

constexpr double kTwoToMinus32 = 1.0 / 4294967296.0;

}  // namespace

std::uint64_t SampleStream::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double SampleStream::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::size_t SampleStream::below(std::size_t bound) {
  // Rejects the top sliver of the 64-bit range that `bound` does not divide evenly.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t x = next();
  while (x >= limit) x = next();
  return static_cast<std::size_t>(x % bound);
}

UnitSamples latin_hypercube(std::size_t n, std::size_t dimensions, std::uint64_t seed) {
  UnitSamples points(n, std::vector<double>(dimensions));
  SampleStream stream(seed);
  std::vector<std::size_t> strata(n);
  for (std::size_t d = 0; d < dimensions; ++d) {
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(strata[i - 1], strata[stream.below(i)]);  // Fisher-Yates
    for (std::size_t i = 0; i < n; ++i)
      points[i][d] = (static_cast<double>(strata[i]) + stream.uniform()) / static_cast<double>(n);
  }
  return points;
}

UnitSamples sobol(std::size_t n, std::size_t dimensions, const std::uint64_t* shift_seed) {
  if (dimensions > kSobolMaxDimensions)
    throw std::invalid_argument("a Sobol' sample takes at most " + std::to_string(kSobolMaxDimensions) +
                                " parameters, not " + std::to_string(dimensions));
  if (n > (std::size_t{1} << kBits)) throw std::invalid_argument("a Sobol' sample takes at most 2^32 points");
  std::vector<std::vector<std::uint32_t>> v;
  for (std::size_t d = 0; d < dimensions; ++d) v.push_back(direction_numbers(d));
  std::vector<std::uint32_t> shift(dimensions, 0);
  if (shift_seed) {
    SampleStream stream(*shift_seed);
    for (std::uint32_t& s : shift) s = static_cast<std::uint32_t>(stream.next() >> 32);
  }
  UnitSamples points(n, std::vector<double>(dimensions));
  std::vector<std::uint32_t> x(dimensions, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) {
      // Gray-code order: point i differs from point i-1 by the direction number of the lowest
      // zero bit of i-1.
      int c = 0;
      for (std::size_t value = i - 1; value & 1u; value >>= 1) ++c;
      for (std::size_t d = 0; d < dimensions; ++d) x[d] ^= v[d][c];
    }
    for (std::size_t d = 0; d < dimensions; ++d) points[i][d] = static_cast<double>(x[d] ^ shift[d]) * kTwoToMinus32;
  }
  return points;
}

}  // namespace zeropark::cli

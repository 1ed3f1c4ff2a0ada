// Latin hypercube and Sobol' samples: their defining properties, scipy's published sequence, and
// the same numbers from the same seed.
#include "sweep_sampling.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace zeropark::cli;

namespace {

std::vector<std::vector<double>> read_reference(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<std::vector<double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<double> row;
    std::stringstream fields(line);
    std::string field;
    while (std::getline(fields, field, ',')) row.push_back(std::stod(field));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("a Latin hypercube puts exactly one point in each stratum of every dimension", "[sweep][sampling]") {
  const std::size_t n = 50, dimensions = 4;
  const UnitSamples points = latin_hypercube(n, dimensions, 11);
  REQUIRE(points.size() == n);
  for (std::size_t d = 0; d < dimensions; ++d) {
    std::set<std::size_t> strata;
    for (const auto& p : points) {
      REQUIRE(p[d] >= 0.0);
      REQUIRE(p[d] < 1.0);
      strata.insert(static_cast<std::size_t>(p[d] * n));
    }
    CHECK(strata.size() == n);
  }
}

TEST_CASE("a Latin hypercube is fixed by its seed and changes with it", "[sweep][sampling]") {
  CHECK(latin_hypercube(20, 3, 7) == latin_hypercube(20, 3, 7));
  CHECK(latin_hypercube(20, 3, 7) != latin_hypercube(20, 3, 8));
  // Pairing across dimensions is random: two dimensions are not sorted the same way.
  const UnitSamples points = latin_hypercube(20, 2, 7);
  std::size_t same_order = 0;
  for (std::size_t i = 1; i < points.size(); ++i)
    same_order += (points[i][0] > points[i - 1][0]) == (points[i][1] > points[i - 1][1]);
  CHECK(same_order < points.size() - 1);
}

TEST_CASE("the Sobol sequence equals scipy's for 64 points in 21 dimensions", "[sweep][sampling]") {
  const auto reference = read_reference(ZEROPARK_TEST_DATA_DIR "/sweeps/sobol_scipy_64x21.csv");
  REQUIRE(reference.size() == 64);
  const UnitSamples points = sobol(64, 21, nullptr);
  for (std::size_t i = 0; i < 64; ++i)
    for (std::size_t d = 0; d < 21; ++d) {
      INFO("point " << i << ", dimension " << d);
      REQUIRE(points[i][d] == reference[i][d]);  // multiples of 1/64: exact
    }
}

TEST_CASE("a digitally shifted Sobol sample keeps one point per stratum in each power-of-two block",
          "[sweep][sampling]") {
  const std::uint64_t seed = 3;
  const UnitSamples points = sobol(256, 6, &seed);
  CHECK(points == sobol(256, 6, &seed));
  CHECK(points != sobol(256, 6, nullptr));
  for (std::size_t d = 0; d < 6; ++d) {
    std::set<std::size_t> strata;
    for (const auto& p : points) strata.insert(static_cast<std::size_t>(p[d] * 256));
    CHECK(strata.size() == 256);
  }
  // The first two dimensions form a (0, m, 2)-net: every 16 × 16 cell of the unit square holds
  // exactly one of 256 points, shifted or not.
  std::set<std::pair<std::size_t, std::size_t>> cells;
  for (const auto& p : points) cells.insert({static_cast<std::size_t>(p[0] * 16), static_cast<std::size_t>(p[1] * 16)});
  CHECK(cells.size() == 256);
}

TEST_CASE("a Sobol sample refuses more dimensions than it has direction numbers for", "[sweep][sampling]") {
  CHECK_THROWS_AS(sobol(8, kSobolMaxDimensions + 1, nullptr), std::invalid_argument);
}

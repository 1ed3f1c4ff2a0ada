// The Pareto front against a hand-worked set and against a brute-force dominance check.
#include "pareto.h"

#include <catch2/catch.hpp>

#include "sweep_sampling.h"

using namespace zeropark::cli;
using Point = std::optional<std::pair<double, double>>;

TEST_CASE("the Pareto front of a hand-worked set", "[sweep][pareto]") {
  // (cost, CO2): A(1,9) B(2,5) C(3,5) dominated by B, D(4,2) E(5,3) dominated by D, F(4,2) equal to
  // D so both stay, G missing (failed), H(6,1).
  const std::vector<Point> points = {{{1, 9}}, {{2, 5}}, {{3, 5}},     {{4, 2}},
                                     {{5, 3}}, {{4, 2}}, std::nullopt, {{6, 1}}};
  const std::vector<bool> expected = {true, true, false, true, false, true, false, true};
  CHECK(pareto_front(points) == expected);
}

TEST_CASE("the Pareto front equals brute-force dominance on random points with ties", "[sweep][pareto]") {
  SampleStream stream(5);
  std::vector<Point> points;
  for (int i = 0; i < 400; ++i)  // few distinct values, so that ties in either objective are common
    points.push_back(
        std::pair<double, double>(static_cast<double>(stream.below(30)), static_cast<double>(stream.below(30))));
  const std::vector<bool> front = pareto_front(points);
  std::size_t count = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < points.size() && !dominated; ++j) {
      const auto& a = *points[j];
      const auto& b = *points[i];
      dominated = a.first <= b.first && a.second <= b.second && (a.first < b.first || a.second < b.second);
    }
    INFO("point " << i);
    CHECK(front[i] == !dominated);
    count += front[i];
  }
  CHECK(count >= 1);
}

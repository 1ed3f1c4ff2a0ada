// Round y-axis ticks for the live view's plots.
#include "axis_ticks.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace zeropark::view;

namespace {

// Every property a plot relies on: the axis covers the data, ticks are evenly spaced whole
// multiples of a 1/2/5 × 10^k step, at most max_ticks of them, all finite.
void check_ticks(const AxisTicks& t, double lo, double hi, int max_ticks = 5) {
  REQUIRE(t.values.size() >= 2);
  CHECK(t.values.size() <= static_cast<std::size_t>(max_ticks));
  CHECK(t.min <= lo);
  CHECK(t.max >= hi);
  CHECK(t.min == t.values.front());
  CHECK(t.max == t.values.back());
  const double mantissa = t.step / std::pow(10.0, std::floor(std::log10(t.step) + 1e-9));
  CHECK((mantissa == Approx(1) || mantissa == Approx(2) || mantissa == Approx(5)));
  for (std::size_t i = 0; i < t.values.size(); ++i) {
    CHECK(std::isfinite(t.values[i]));
    const double multiple = t.values[i] / t.step;
    CHECK(multiple == Approx(std::round(multiple)).margin(1e-9));
    if (i > 0) CHECK(t.values[i] - t.values[i - 1] == Approx(t.step));
  }
}

}  // namespace

TEST_CASE("axis ticks for a power range from zero are round hundreds", "[viz][axis]") {
  const AxisTicks t = axis_ticks(0, 1201.55);
  check_ticks(t, 0, 1201.55);
  CHECK(t.step == 500);
  CHECK(t.min == 0);
  CHECK(t.max == 1500);
}

TEST_CASE("axis ticks spanning zero include zero", "[viz][axis]") {
  const AxisTicks t = axis_ticks(-80, 420);
  check_ticks(t, -80, 420);
  CHECK(t.step == 200);
  CHECK(t.values == std::vector<double>{-200, 0, 200, 400, 600});
}

TEST_CASE("axis ticks for a fraction are decimal", "[viz][axis]") {
  const AxisTicks t = axis_ticks(0.1, 0.95);
  check_ticks(t, 0.1, 0.95);
  CHECK(t.step == Approx(0.5));
  CHECK(t.min == 0);
  CHECK(t.max == Approx(1));
  CHECK(tick_label(t.values[1], t.step) == "0.5");
  // With room for more ticks the step gets finer: 0, 0.2, ..., 1.
  const AxisTicks fine = axis_ticks(0.1, 0.95, 6);
  check_ticks(fine, 0.1, 0.95, 6);
  CHECK(fine.step == Approx(0.2));
}

TEST_CASE("a bound already on a tick stays the axis end", "[viz][axis]") {
  const AxisTicks t = axis_ticks(0, 0.3, 4);
  check_ticks(t, 0, 0.3, 4);
  CHECK(t.max == Approx(0.3));
  CHECK(axis_ticks(0, 1000).max == 1000);
}

TEST_CASE("a flat series still gets an axis round its value", "[viz][axis]") {
  const AxisTicks at_price = axis_ticks(0.65, 0.65);
  check_ticks(at_price, 0.65, 0.65);
  CHECK(at_price.min < 0.65);
  CHECK(at_price.max > 0.65);
  const AxisTicks at_zero = axis_ticks(0, 0);
  check_ticks(at_zero, 0, 0);
  CHECK(at_zero.min < 0);
  CHECK(at_zero.max > 0);
  const AxisTicks negative = axis_ticks(-250, -250);
  check_ticks(negative, -250, -250);
}

TEST_CASE("axis ticks ignore non-finite bounds and swapped ones", "[viz][axis]") {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  const AxisTicks none = axis_ticks(nan, nan);
  check_ticks(none, 0, 1);
  const AxisTicks half = axis_ticks(nan, 42);
  check_ticks(half, 42, 42);
  check_ticks(axis_ticks(-inf, 7), 7, 7);
  const AxisTicks swapped = axis_ticks(420, -80);
  CHECK(swapped.values == axis_ticks(-80, 420).values);
}

TEST_CASE("axis ticks stay few over many decades", "[viz][axis]") {
  for (double hi : {1e-6, 0.0173, 3.0, 99.99, 12345.0, 8.7e8}) {
    INFO("hi = " << hi);
    check_ticks(axis_ticks(0, hi), 0, hi);
    check_ticks(axis_ticks(-hi / 3, hi), -hi / 3, hi);
    check_ticks(axis_ticks(-hi, -hi / 7, 3), -hi, -hi / 7, 3);
  }
}

TEST_CASE("tick labels carry the decimals the step needs", "[viz][axis]") {
  CHECK(tick_label(1500, 500) == "1500");
  CHECK(tick_label(-200, 200) == "-200");
  CHECK(tick_label(0.5, 0.5) == "0.5");
  CHECK(tick_label(0.04, 0.02) == "0.04");
  CHECK(tick_label(-1e-17, 0.1) == "0.0");  // never "-0.0" from rounding noise
}

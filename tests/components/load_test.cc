#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "components/load.h"
#include "support/temp_dir.h"
#include "zeropark/error.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

LoadSpec load_named(const std::string& profile) {
  LoadSpec load = default_load();
  load.name = "l";
  load.profile = profile;
  return load;
}

}  // namespace

TEST_CASE("a CSV profile is scaled to its annual energy exactly", "[load]") {
  testing::TempDir dir;
  dir.write("p.csv", testing::hourly_csv("kWh", [](int h) { return 1.0 + h % 7; }));
  LoadSpec load = load_named("p.csv");
  load.annual_kwh = 1.0e6;
  const LoadModel m = compile_load(load, 0, dir.path());
  CHECK_FALSE(m.weekly);
  CHECK(std::accumulate(m.hourly_kw.begin(), m.hourly_kw.end(), 0.0) == Approx(1.0e6).epsilon(1e-12));
  CHECK(m.hourly_kw[1] / m.hourly_kw[0] == Approx(2.0));  // the shape is kept
  // Hour i of the file drives typical-year hour i, whatever the year.
  CHECK(load_demand_kw(m, {2024, 1, 1, 1, 0, 0}) == m.hourly_kw[1]);
  CHECK(load_demand_kw(m, {2024, 3, 1, 0, 30, 0}) == m.hourly_kw[59 * 24]);
  load.annual_kwh = 0;  // unscaled: kWh per hour is the mean kW
  CHECK(compile_load(load, 0, dir.path()).hourly_kw[6] == 7.0);
}

TEST_CASE("the office profile follows the simulated calendar's weekdays", "[load]") {
  LoadSpec load = load_named("office");
  load.peak_kw = 200;
  const LoadModel m = compile_load(load, 0, ".");
  REQUIRE(m.weekly);
  CHECK(load_demand_kw(m, {2023, 1, 1, 10, 0, 0}) == Approx(60));   // Sunday
  CHECK(load_demand_kw(m, {2023, 1, 2, 10, 0, 0}) == Approx(200));  // Monday
  CHECK(load_demand_kw(m, {2023, 1, 2, 7, 59, 0}) == Approx(60));   // before opening
  // In a leap year and across a year end the weekdays stay right.
  CHECK(load_demand_kw(m, {2024, 3, 4, 10, 0, 0}) == Approx(200));  // Monday
  CHECK(load_demand_kw(m, {2024, 3, 3, 10, 0, 0}) == Approx(60));   // Sunday
  CHECK(load_demand_kw(m, {2024, 1, 1, 10, 0, 0}) == Approx(200));  // Monday
  CHECK(load_demand_kw(m, {2024, 1, 6, 10, 0, 0}) == Approx(60));   // Saturday
}

TEST_CASE("a built-in profile scaled to annual energy holds it over average weeks", "[load]") {
  LoadSpec load = load_named("data_centre");
  load.annual_kwh = 8.76e6;
  const LoadModel m = compile_load(load, 0, ".");
  const double week_kwh = std::accumulate(m.hourly_kw.begin(), m.hourly_kw.end(), 0.0);
  CHECK(week_kwh * 8760.0 / 168.0 == Approx(8.76e6).epsilon(1e-12));
}

TEST_CASE("a built-in profile needs a size and a CSV must exist", "[load]") {
  CHECK_THROWS_AS(compile_load(load_named("constant"), 0, "."), InputError);
  CHECK_THROWS_WITH(compile_load(load_named("missing.csv"), 0, "/nowhere"),
                    Catch::Contains("cannot open profile '/nowhere/missing.csv'"));
}

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "components/load.h"
#include "support/temp_dir.h"
#include "zeropark/error.h"
#include "zeropark/spec.h"

using namespace zeropark;

TEST_CASE("a CSV profile is scaled to its annual energy exactly", "[load]") {
  testing::TempDir dir;
  dir.write("p.csv", testing::hourly_csv("kWh", [](int h) { return 1.0 + h % 7; }));
  LoadSpec load = default_load();
  load.name = "l";
  load.profile = "p.csv";
  load.annual_kwh = 1.0e6;
  const std::vector<double> kw = load_profile_kw(load, dir.path(), 2023);
  CHECK(std::accumulate(kw.begin(), kw.end(), 0.0) == Approx(1.0e6).epsilon(1e-12));
  CHECK(kw[1] / kw[0] == Approx(2.0));  // the shape is kept
  load.annual_kwh = 0;  // unscaled: kWh per hour is the mean kW
  CHECK(load_profile_kw(load, dir.path(), 2023)[6] == 7.0);
}

TEST_CASE("the office profile follows the calendar's weekdays", "[load]") {
  LoadSpec load = default_load();
  load.name = "office";
  load.profile = "office";
  load.peak_kw = 200;
  const std::vector<double> kw = load_profile_kw(load, ".", 2023);
  // 2023-01-01 was a Sunday, 2023-01-02 a Monday.
  CHECK(kw[0 * 24 + 10] == Approx(60));
  CHECK(kw[1 * 24 + 10] == Approx(200));
  CHECK(kw[1 * 24 + 7] == Approx(60));
  CHECK(*std::max_element(kw.begin(), kw.end()) == Approx(200));
}

TEST_CASE("a built-in profile needs a size and a CSV must exist", "[load]") {
  LoadSpec load = default_load();
  load.name = "x";
  load.profile = "constant";
  CHECK_THROWS_AS(load_profile_kw(load, ".", 2023), InputError);
  load.profile = "missing.csv";
  CHECK_THROWS_WITH(load_profile_kw(load, "/nowhere", 2023), Catch::Contains("cannot open profile '/nowhere/missing.csv'"));
}

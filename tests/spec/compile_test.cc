#include <catch2/catch.hpp>

#include "support/compile_text.h"
#include "support/scenarios.h"
#include "zeropark/error.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"

using namespace zeropark;
using Catch::Matchers::Contains;

namespace {

using testing::compile_error;
using testing::compile_text;

const std::string kTwoBuses =
    "name: two\n"
    "simulation:\n"
    "  weather: " + testing::shanghai_epw() + "\n"
    "buses:\n"
    "  - name: main\n"
    "  - name: feeder\n";

}  // namespace

TEST_CASE("a minimal park compiles with dense indices and an oriented tree", "[compile]") {
  const ParkModel m = compile_text(kTwoBuses +
                                   "lines:\n  - {name: tx, from: feeder, to: main, capacity_kw: 500, efficiency: 0.98}\n"
                                   "loads:\n  - {name: l, bus: feeder, profile: constant, annual_kwh: 8760}\n"
                                   "grid:\n  bus: main\n");
  REQUIRE(m.lines.size() == 1);
  // The line was written feeder → main but is oriented away from the grid's bus.
  CHECK(m.lines[0].parent_bus == 0);
  CHECK(m.lines[0].child_bus == 1);
  CHECK(m.buses[1].parent_line == 0);
  CHECK(m.buses_leaves_first == std::vector<int>{1, 0});
  CHECK(m.end_tick == 365 * 86400);
  REQUIRE(m.loads[0].weekly);
  CHECK(m.loads[0].hourly_kw[100] == Approx(1.0));
  CHECK(num_vertices(m.topology) == 2 + 1 + 1);
}

TEST_CASE("duplicate names are errors that point at both definitions", "[compile]") {
  const InputError e = compile_error(testing::minimal_scenario("pv:\n  - {name: office, bus: main, dc_capacity_kw: 5}\n"));
  CHECK_THAT(e.what(), Contains("duplicate name 'office'") && Contains("first used at line 7"));
}

TEST_CASE("a dangling bus reference is an error with a hint", "[compile]") {
  const InputError e = compile_error(testing::minimal_scenario("pv:\n  - {name: p, bus: mian, dc_capacity_kw: 5}\n"));
  CHECK(e.field() == "pv.p.bus");
  CHECK_THAT(e.what(), Contains("no bus named 'mian'") && Contains("did you mean 'main'"));
}

TEST_CASE("an island without a slack is an error", "[compile]") {
  const InputError e = compile_error(kTwoBuses +
                                     "loads:\n  - {name: stranded, bus: feeder, profile: constant, annual_kwh: 10}\n"
                                     "grid:\n  bus: main\n");
  CHECK_THAT(e.what(), Contains("cannot reach the grid connection"));
}

TEST_CASE("a loop of lines is rejected", "[compile]") {
  const InputError e = compile_error(kTwoBuses +
                                     "lines:\n"
                                     "  - {name: a, from: main, to: feeder}\n"
                                     "  - {name: b, from: feeder, to: main}\n"
                                     "grid:\n  bus: main\n");
  CHECK_THAT(e.what(), Contains("loop"));
}

TEST_CASE("an inverted SOC window is an error", "[compile]") {
  const InputError e = compile_error(testing::minimal_scenario(
      "batteries:\n  - {name: b, bus: main, capacity_kwh: 10, max_charge_kw: 5, max_discharge_kw: 5, "
      "soc_min: 0.8, soc_max: 0.2}\n"));
  CHECK(e.field() == "batteries.b.soc_min");
  CHECK_THAT(e.what(), Contains("inverted"));
}

TEST_CASE("a missing weather file names the scenario line and the resolved path", "[compile]") {
  const InputError e = compile_error(
      "name: x\nsimulation:\n  weather: nowhere.epw\nbuses:\n  - name: main\ngrid:\n  bus: main\n");
  CHECK(e.field() == "simulation.weather");
  CHECK(e.where().line == 3);
  CHECK_THAT(e.what(), Contains("cannot open weather file") && Contains("nowhere.epw"));
}

TEST_CASE("tariffs must cover every month once with known periods", "[compile]") {
  const std::string head = testing::minimal_scenario() + "  tariff:\n    prices_cny_per_kwh: {peak: 1.0, valley: 0.3}\n";
  const InputError gap = compile_error(head +
                                       "    seasons:\n      - name: s\n        months: [1, 2, 3]\n"
                                       "        periods: [{start: \"00:00\", period: valley}]\n");
  CHECK_THAT(gap.what(), Contains("month 4 is in no season"));
  const InputError unknown = compile_error(head +
                                           "    seasons:\n      - name: s\n        months: [1,2,3,4,5,6,7,8,9,10,11,12]\n"
                                           "        periods: [{start: \"00:00\", period: valey}]\n");
  CHECK_THAT(unknown.what(), Contains("no price for period 'valey'"));
  const InputError late = compile_error(head +
                                        "    seasons:\n      - name: s\n        months: [1,2,3,4,5,6,7,8,9,10,11,12]\n"
                                        "        periods: [{start: \"06:00\", period: peak}]\n");
  CHECK_THAT(late.what(), Contains("must start at 00:00"));
}

TEST_CASE("an unknown controller is an error with a hint", "[compile]") {
  const InputError e = compile_error(testing::minimal_scenario("", "  controller: self_consumptoin\n"));
  CHECK_THAT(e.what(), Contains("did you mean 'self_consumption'"));
}

TEST_CASE("the baseline drops PV and batteries and keeps the rest", "[compile]") {
  const ParkModel m = compile_text(testing::minimal_scenario(
      "pv:\n  - {name: p, bus: main, dc_capacity_kw: 5}\n"
      "batteries:\n  - {name: b, bus: main, capacity_kwh: 10, max_charge_kw: 5, max_discharge_kw: 5}\n"));
  const ParkModel base = baseline_of(m);
  CHECK(base.pv_arrays.empty());
  CHECK(base.batteries.empty());
  CHECK(base.loads.size() == 1);
  CHECK(num_vertices(base.topology) == 3);
}

TEST_CASE("resolutions that do not divide an hour and years before 1970 are rejected", "[compile]") {
  const InputError step = compile_error(testing::minimal_scenario("", "  resolution_s: 700\n"));
  CHECK(step.field() == "simulation.resolution_s");
  CHECK_THAT(step.what(), Contains("divides 3600"));
  const InputError old = compile_error(testing::minimal_scenario("", "  start: 1969-06-01\n"));
  CHECK(old.field() == "simulation.start");
}

TEST_CASE("errors about a simulation key point at that key's line", "[compile]") {
  const InputError e = compile_error(testing::minimal_scenario("", "  start: 2023-06-01\n  end: 2023-05-01\n"));
  CHECK(e.field() == "simulation.end");
  CHECK(e.where().line == 5);
}

TEST_CASE("a season pricing a period it never uses is a typo", "[compile]") {
  const InputError e = compile_error(testing::minimal_scenario() +
                                     "  tariff:\n    prices_cny_per_kwh: {peak: 1.0}\n"
                                     "    seasons:\n      - name: s\n        months: [1,2,3,4,5,6,7,8,9,10,11,12]\n"
                                     "        prices_cny_per_kwh: {peek: 2.0}\n"
                                     "        periods: [{start: \"00:00\", period: peak}]\n");
  CHECK(e.field() == "grid.tariff.seasons[0].prices_cny_per_kwh.peek");
  CHECK_THAT(e.what(), Contains("none of its periods uses"));
}

TEST_CASE("names that would break trace paths are rejected", "[compile]") {
  for (const std::string name : {"office/a", ".", ".."}) {
    const InputError e = compile_error(testing::minimal_scenario(
        "pv:\n  - {name: \"" + name + "\", bus: main, dc_capacity_kw: 5}\n"));
    CHECK_THAT(e.what(), Contains("cannot be a name"));
  }
  CHECK_NOTHROW(compile_text(testing::minimal_scenario("pv:\n  - {name: 屋顶光伏, bus: main, dc_capacity_kw: 5}\n")));
}

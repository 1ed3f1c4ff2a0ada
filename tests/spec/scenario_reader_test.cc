#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support/scenarios.h"
#include "zeropark/error.h"
#include "zeropark/spec.h"

using namespace zeropark;
using Catch::Matchers::Contains;

namespace {

// The InputError that reading `text` raises (fails the test when none is raised).
InputError read_error(const std::string& text) {
  try {
    read_scenario_text(text, "park.yaml");
  } catch (const InputError& e) {
    return e;
  }
  FAIL("no InputError for:\n" << text);
  throw;  // unreachable
}

}  // namespace

TEST_CASE("a valid scenario fills defaults from the parameter tables", "[spec]") {
  const ParkSpec spec = read_scenario_text(testing::minimal_scenario(), "park.yaml");
  CHECK(spec.name == "minimal");
  CHECK(spec.simulation.resolution_s == 3600);
  CHECK(spec.simulation.controller == "self_consumption");
  REQUIRE(spec.loads.size() == 1);
  CHECK(spec.loads[0].peak_kw == 100);
  CHECK(spec.loads[0].at.line == 7);
  REQUIRE(spec.grids.size() == 1);
  CHECK(spec.grids[0].name == "grid");
  CHECK(std::isinf(spec.grids[0].import_limit_kw));
  const BatterySpec battery = default_battery();
  CHECK(battery.soc_min == 0.1);
  CHECK(battery.charge_efficiency == 0.95);
}

TEST_CASE("an out-of-range value names file, line, column and field", "[spec]") {
  const InputError e = read_error(testing::minimal_scenario(
      "batteries:\n"
      "  - name: b1\n"
      "    bus: main\n"
      "    capacity_kwh: -3\n"
      "    max_charge_kw: 10\n"
      "    max_discharge_kw: 10\n"));
  CHECK(e.where().file == "park.yaml");
  CHECK(e.where().line == 16);
  CHECK(e.where().column == 19);
  CHECK(e.field() == "batteries[0].capacity_kwh");
  CHECK_THAT(e.what(), Contains("park.yaml:16:19") && Contains("capacity_kwh") && Contains("got -3"));
}

TEST_CASE("an unknown key is an error with a did-you-mean hint", "[spec]") {
  const InputError e = read_error(testing::minimal_scenario("", "  resolutoin_s: 60\n"));
  CHECK(e.where().line == 4);
  CHECK(e.field() == "simulation.resolutoin_s");
  CHECK_THAT(e.what(), Contains("did you mean 'resolution_s'"));
  const InputError top = read_error(testing::minimal_scenario("batterys: []\n"));
  CHECK_THAT(top.what(), Contains("did you mean 'batteries'"));
}

TEST_CASE("a missing required key and a wrong type are errors", "[spec]") {
  const InputError missing = read_error(
      "name: x\nsimulation:\n  weather: w.epw\nbuses:\n  - name: main\npv:\n  - name: p\n    bus: main\n");
  CHECK(missing.field() == "pv[0].dc_capacity_kw");
  CHECK(missing.where().line == 7);
  CHECK_THAT(missing.what(), Contains("is required"));
  const InputError wrong = read_error(testing::minimal_scenario("", "  resolution_s: fast\n"));
  CHECK_THAT(wrong.what(), Contains("expected a number in s") && Contains("'fast'"));
  const InputError fractional = read_error(testing::minimal_scenario("", "  resolution_s: 1.5\n"));
  CHECK_THAT(fractional.what(), Contains("whole number"));
  const InputError nan = read_error(testing::minimal_scenario("", "  delta_t_s: .nan\n"));
  CHECK(nan.field() == "simulation.delta_t_s");
}

TEST_CASE("YAML syntax errors carry the line", "[spec]") {
  const InputError e = read_error("name: x\nsimulation:\n  weather: [unclosed\n");
  CHECK(e.where().line >= 3);
  CHECK_THAT(e.what(), Contains("YAML syntax"));
}

TEST_CASE("a choice outside its list names the allowed values", "[spec]") {
  const InputError e = read_error(testing::minimal_scenario(
      "pv:\n  - name: p\n    bus: main\n    dc_capacity_kw: 10\n    mounting: pole\n"));
  CHECK_THAT(e.what(), Contains("open_rack, roof_mount, insulated_back") && Contains("'pole'"));
}

TEST_CASE("a missing scenario file is a clear error", "[spec]") {
  try {
    read_scenario_file("/nonexistent/park.yaml");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Contains("/nonexistent/park.yaml") && Contains("cannot open"));
  }
}

TEST_CASE("docs/scenarios.md carries the reference generated from the parameter tables", "[spec][docs]") {
  std::ifstream in(std::string(ZEROPARK_SOURCE_DIR) + "/docs/scenarios.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  // Regenerate with docs/regenerate.sh.
  const std::string begin = "<!-- BEGIN GENERATED REFERENCE (zeropark schema) -->\n";
  const std::string end = "<!-- END GENERATED REFERENCE -->";
  const std::string doc = text.str();
  const auto from = doc.find(begin);
  const auto to = doc.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  CHECK(doc.substr(from + begin.size(), to - from - begin.size()) == scenario_reference_markdown());
  // The commented example is the default scenario, verbatim.
  std::ifstream scenario(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/baoshan_carbon_zero_park.yaml");
  std::stringstream scenario_text;
  scenario_text << scenario.rdbuf();
  CHECK(doc.find("```yaml\n" + scenario_text.str() + "```") != std::string::npos);
}

TEST_CASE("infinite or absurd sizes are rejected where a bound is meaningful", "[spec]") {
  const InputError inf_capacity = read_error(testing::minimal_scenario(
      "batteries:\n  - {name: b, bus: main, capacity_kwh: .inf, max_charge_kw: 5, max_discharge_kw: 5}\n"));
  CHECK_THAT(inf_capacity.what(), Contains("capacity_kwh") && Contains("must be in (0, 1e+12]"));
  const InputError lossy_line = read_error(testing::minimal_scenario(
      "lines:\n  - {name: l, from: main, to: main, efficiency: 1e-9}\n"));
  CHECK_THAT(lossy_line.what(), Contains("efficiency") && Contains("[0.5, 1]"));
  const InputError slow = read_error(testing::minimal_scenario("", "  resolution_s: 7200\n"));
  CHECK_THAT(slow.what(), Contains("resolution_s") && Contains("[1, 3600]"));
  // Limits that may be absent accept .inf.
  CHECK_NOTHROW(read_scenario_text(testing::minimal_scenario("  import_limit_kw: .inf\n"), "park.yaml"));
}

TEST_CASE("text that is not UTF-8 is refused at its first bad byte", "[spec]") {
  // "宝山" saved as GBK in a comment on line 2.
  const InputError e = read_error("name: x\n# \xb1\xa6\xc9\xbd\nsimulation:\n  weather: w.epw\n");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 3);
  CHECK_THAT(e.what(), Contains("not UTF-8"));
  CHECK_NOTHROW(read_scenario_text(testing::minimal_scenario("# 宝山零碳园区\n"), "park.yaml"));
}

TEST_CASE("a key written twice is an error naming both lines", "[spec]") {
  const InputError e = read_error(testing::minimal_scenario("", "  seed: 1\n  seed: 2\n"));
  CHECK(e.where().line == 5);
  CHECK(e.field() == "simulation.seed");
  CHECK_THAT(e.what(), Contains("duplicate key (also at line 4)"));
  const InputError top = read_error(testing::minimal_scenario("buses: []\n"));
  CHECK_THAT(top.what(), Contains("duplicate key"));
}

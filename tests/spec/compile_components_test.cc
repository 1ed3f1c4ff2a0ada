// The component library's definitions: what compiles, and the errors that name file, line and
// field when a definition does not fit the park.
#include <catch2/catch.hpp>

#include "components/ev_sessions.h"
#include "support/compile_text.h"
#include "support/scenarios.h"
#include "zeropark/error.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"

using namespace zeropark;
using Catch::Matchers::Contains;
using zeropark::testing::minimal_scenario;

namespace {

ParkModel compile_with(const std::string& extra) { return testing::compile_text(minimal_scenario(extra)); }

InputError error_with(const std::string& extra) { return testing::compile_error(minimal_scenario(extra)); }

const std::string kHeatingOnly =
    "heat_buses:\n"
    "  - name: heating\n";
const std::string kHeating = kHeatingOnly +
                             "  - name: chilled\n"
                             "    medium: cooling\n"
                             "    supply_temperature_c: 7\n";

}  // namespace

TEST_CASE("heat pumps and chillers compile with their sources' published temperatures", "[compile][heat]") {
  const ParkModel m = compile_with(kHeating +
                                   "heat_pumps:\n"
                                   "  - {name: sea, bus: main, heat_bus: heating, source: sea_water, rated_kw: 100}\n"
                                   "  - {name: ground, bus: main, heat_bus: heating, source: ground, rated_kw: 100}\n"
                                   "chillers:\n"
                                   "  - {name: ch, bus: main, heat_bus: chilled, rated_kw: 100}\n");
  REQUIRE(m.heat_pumps.size() == 3);
  CHECK(m.heat_pumps[0].source == HeatPumpSource::kSeaWater);
  CHECK(m.heat_pumps[0].source_mean_c == Approx(14.85));  // Qingdao coastal sea water
  CHECK(m.heat_pumps[0].source_amplitude_k == Approx(10.7));
  // Deep ground: the site's annual mean air temperature (Shanghai's EPW: 16.7 °C), no season.
  CHECK(m.heat_pumps[1].source_mean_c == Approx(16.7).margin(0.1));
  CHECK(m.heat_pumps[1].source_amplitude_k == 0);
  CHECK(m.heat_pumps[2].cooling);
  // Heat buses hang off the electrical network through the heat pumps.
  CHECK(num_vertices(m.topology) == 1 + 1 + 1 + 2 + 3);
}

TEST_CASE("a chiller on a heating bus, or a heat pump on a cooling bus, is an error at its line", "[compile][heat]") {
  const InputError e =
      error_with(kHeating + "chillers:\n  - {name: ch, bus: main, heat_bus: heating, rated_kw: 100}\n");
  CHECK(e.where().line == 19);
  CHECK(e.field() == "chillers.ch.heat_bus");
  CHECK_THAT(e.message(), Contains("chillers serve cooling buses"));
  CHECK(error_with(kHeating + "heat_pumps:\n  - {name: hp, bus: main, heat_bus: chilled, rated_kw: 100}\n").field() ==
        "heat_pumps.hp.heat_bus");
}

TEST_CASE("a heat bus that nothing supplies is an error naming it", "[compile][heat]") {
  const InputError heating =
      error_with(kHeatingOnly + "heat_loads:\n  - {name: dhw, bus: heating, profile: constant, peak_kw: 10}\n");
  CHECK(heating.field() == "heat_buses.heating");
  CHECK_THAT(heating.message(), Contains("nothing supplies this heating bus"));
  const InputError cooling =
      error_with(kHeating + "heat_pumps:\n  - {name: hp, bus: main, heat_bus: heating, rated_kw: 100}\n");
  CHECK(cooling.field() == "heat_buses.chilled");
  CHECK_THAT(cooling.message(), Contains("no chiller serves this cooling bus"));
}

TEST_CASE("a COP table must be rectangular and increasing", "[compile][heat]") {
  const std::string pump =
      "heat_pumps:\n"
      "  - name: hp\n"
      "    bus: main\n"
      "    heat_bus: heating\n"
      "    rated_kw: 100\n"
      "    cop_method: table\n"
      "    cop_table:\n"
      "      source_c: [-7, 2, 7]\n"
      "      sink_c: [35, 55]\n";
  const ParkModel m = compile_with(kHeatingOnly + pump + "      cop: [[2.9, 2.1], [3.6, 2.6], [4.5, 3.1]]\n");
  CHECK(m.heat_pumps[0].table_cop.size() == 6);
  const InputError ragged = error_with(kHeatingOnly + pump + "      cop: [[2.9, 2.1], [3.6], [4.5, 3.1]]\n");
  CHECK(ragged.field() == "heat_pumps.hp.cop_table.cop[1]");
  const InputError missing = error_with(
      kHeatingOnly + "heat_pumps:\n  - {name: hp, bus: main, heat_bus: heating, rated_kw: 100, cop_method: table}\n");
  CHECK(missing.field() == "heat_pumps.hp.cop_table");
}

TEST_CASE("hydrogen definitions are checked against each other", "[compile][hydrogen]") {
  const std::string tank = "h2_tanks:\n  - {name: t, capacity_kg: 100, min_kg: 10, initial_kg: 50}\n";
  const ParkModel m =
      compile_with(tank + "electrolysers:\n  - {name: e, bus: main, h2_tank: t, rated_power_kw: 100}\n");
  CHECK(m.electrolysers[0].tank == 0);
  CHECK(error_with("h2_tanks:\n  - {name: t, capacity_kg: 100, min_kg: 100}\n").field() == "h2_tanks.t.min_kg");
  CHECK(error_with(tank + "electrolysers:\n  - {name: e, bus: main, h2_tank: tnk, rated_power_kw: 100}\n").field() ==
        "electrolysers.e.h2_tank");
  CHECK_THAT(error_with(tank + "h2_demands:\n  - {name: d, h2_tank: t, daily_kg: 5}\n").message(),
             Contains("no electrolyser"));
}

TEST_CASE("EV sessions come from the named file or from the seeded generator", "[compile][ev]") {
  const InputError e = error_with("ev_chargers:\n  - {name: c, bus: main, sessions: no_such_file.csv}\n");
  CHECK(e.field() == "ev_chargers.c.sessions");
  CHECK_THAT(e.message(), Contains("cannot open"));
  const ParkModel one = compile_with("ev_chargers:\n  - {name: c, bus: main, count: 10}\n");
  const ParkModel other = compile_park(read_scenario_text(
      minimal_scenario("ev_chargers:\n  - {name: c, bus: main, count: 10}\n", "  seed: 7\n"), "p.yaml"));
  REQUIRE(!one.ev_chargers[0].sessions->empty());
  REQUIRE(!other.ev_chargers[0].sessions->empty());
  CHECK(one.ev_chargers[0].sessions->front().arrival_s != other.ev_chargers[0].sessions->front().arrival_s);
}

TEST_CASE("buildings, green spaces and data centres compile with their published factors", "[compile]") {
  const ParkModel m = compile_with(kHeatingOnly +
                                   "heat_pumps:\n  - {name: hp, bus: main, heat_bus: heating, rated_kw: 100}\n"
                                   "buildings:\n  - {name: b, heat_bus: heating, floor_area_m2: 5000, count: 3}\n"
                                   "green_spaces:\n  - {name: park, area_m2: 10000, vegetation: lawn}\n"
                                   "data_centres:\n  - {name: dc, bus: main, it_capacity_kw: 100}\n");
  CHECK(m.buildings[0].count == 3);
  CHECK(m.green_spaces[0].sequestration_kg_co2_per_m2_year == Approx(0.330).margin(0.001));
  CHECK(m.data_centres[0].it.hourly_kw[0] == Approx(60));  // 100 kW installed at 60 %
  const InputError cold = error_with(kHeatingOnly +
                                     "heat_pumps:\n  - {name: hp, bus: main, heat_bus: heating, rated_kw: 100}\n"
                                     "buildings:\n  - {name: b, heat_bus: heating, floor_area_m2: 5000, "
                                     "heating_setpoint_c: 24, cooling_setpoint_c: 22}\n");
  CHECK(cold.field() == "buildings.b.cooling_setpoint_c");
}

TEST_CASE("a controller setting the controller does not declare is an error at its line", "[compile][controller]") {
  const InputError e = error_with("controller_settings:\n  target_import_kw: 500\n");
  CHECK(e.field() == "controller_settings.target_import_kw");
  CHECK(e.where().line == 14);  // the value's line, after the minimal park's 12 lines and the map's key
  CHECK_THAT(e.message(), Contains("controller 'self_consumption' has no setting 'target_import_kw'"));
}

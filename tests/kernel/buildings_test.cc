// Buildings in the plant: their 5R1C networks ask the heat buses for what holds their set-points,
// and when they get less they cool down for real and ask for more afterwards.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "kernel/heat_balance.h"
#include "support/scenarios.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::minimal_scenario;

namespace {

std::string office(double heat_pump_kw, bool cooled) {
  return std::string(
             "heat_buses:\n"
             "  - name: heating\n"
             "    supply_temperature_c: 40\n"
             "  - name: cooling\n"
             "    medium: cooling\n"
             "    supply_temperature_c: 7\n"
             "heat_pumps:\n"
             "  - name: hp\n"
             "    bus: main\n"
             "    heat_bus: heating\n"
             "    min_load_fraction: 0\n"
             "    rated_kw: ") +
         std::to_string(heat_pump_kw) +
         "\n"
         "chillers:\n"
         "  - name: chiller\n"
         "    bus: main\n"
         "    heat_bus: cooling\n"
         "    min_load_fraction: 0\n"
         "    rated_kw: 2000\n"
         "buildings:\n"
         "  - name: tower\n"
         "    heat_bus: heating\n" +
         (cooled ? "    cooling_bus: cooling\n" : "") +
         "    floor_area_m2: 10000\n"
         "    storeys: 5\n";
}

class BuildingRecorder final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick) override {
    worst_heat_imbalance = std::max(worst_heat_imbalance, max_heat_bus_imbalance_kw(m, s.powers));
    coldest_mass_c = std::min(coldest_mass_c, s.building_mass_c[0]);
    warmest_mass_c = std::max(warmest_mass_c, s.building_mass_c[0]);
  }
  double worst_heat_imbalance = 0;
  double coldest_mass_c = 1e9, warmest_mass_c = -1e9;
};

RunResult run_year(const std::string& park, BuildingRecorder& recorder) {
  const ParkModel model = compile_park(read_scenario_text(minimal_scenario(park), "building.yaml"));
  return run_park(model, &recorder, RunOptions{false, {}, false});
}

}  // namespace

TEST_CASE("a well-served office gets heat in winter and cooling in summer, all of it", "[buildings][year]") {
  BuildingRecorder recorder;
  const RunResult result = run_year(office(2000, true), recorder);
  const EnergyTotals& t = result.final_state.totals;
  INFO("heating " << t.building_heating_served_kwh[0] << " kWh, cooling " << t.building_cooling_served_kwh[0]
                  << " kWh");
  CHECK(recorder.worst_heat_imbalance < 1e-9);
  CHECK(t.building_heating_unserved_kwh[0] == Approx(0).margin(1e-6));
  CHECK(t.building_cooling_unserved_kwh[0] == Approx(0).margin(1e-6));
  // Shanghai (HDD18 1,585 K·d, CDD10 2,870 K·d) needs both, cooling the larger in an office with
  // 10 W/m² of internal gains.
  CHECK(t.building_heating_served_kwh[0] > 10 * 10000);
  CHECK(t.building_cooling_served_kwh[0] > t.building_heating_served_kwh[0]);
  // Held between its set-points, the mass never strays far from them.
  CHECK(recorder.coldest_mass_c > 15);
  CHECK(recorder.warmest_mass_c < 30);
  // What the heat pump and chiller delivered is what the building got.
  CHECK(t.heat_pump_thermal_kwh[0] == Approx(t.building_heating_served_kwh[0]).epsilon(1e-12));
  CHECK(t.heat_pump_thermal_kwh[1] == Approx(t.building_cooling_served_kwh[0]).epsilon(1e-12));
}

TEST_CASE("an undersized heat pump lets the building cool, and the building then asks for more", "[buildings][year]") {
  BuildingRecorder big, small;
  const RunResult served = run_year(office(2000, true), big);
  const RunResult short_of_heat = run_year(office(60, true), small);
  const EnergyTotals& a = served.final_state.totals;
  const EnergyTotals& b = short_of_heat.final_state.totals;
  CHECK(small.worst_heat_imbalance < 1e-9);
  CHECK(b.building_heating_unserved_kwh[0] > 0);
  CHECK(small.coldest_mass_c < big.coldest_mass_c - 1);
  // A cold building needs more to come back: asked-for heat exceeds the well-served building's.
  CHECK(b.building_heating_served_kwh[0] + b.building_heating_unserved_kwh[0] > a.building_heating_served_kwh[0]);
  // But it cannot get more than the heat pump makes.
  CHECK(b.building_heating_served_kwh[0] <= 60 * 8760 + 1e-6);
}

TEST_CASE("a building without a cooling bus floats above its cooling set-point", "[buildings][year]") {
  BuildingRecorder recorder;
  const RunResult result = run_year(office(2000, false), recorder);
  const EnergyTotals& t = result.final_state.totals;
  CHECK(t.building_cooling_served_kwh[0] == 0);
  CHECK(t.building_cooling_unserved_kwh[0] == 0);
  CHECK(recorder.warmest_mass_c > 27);  // Shanghai's summer warms an uncooled office past 26 °C
}

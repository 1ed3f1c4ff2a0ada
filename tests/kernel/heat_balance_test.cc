// The heat side through the real kernel: heat buses balance at every event, tanks conserve
// energy, heat pumps draw heat / COP from their electric bus, and minimum run and off times are
// exact events.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kernel/balance.h"
#include "kernel/heat_balance.h"
#include "support/scenarios.h"
#include "support/temp_dir.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::minimal_scenario;
using zeropark::testing::TempDir;

namespace {

RunOptions without_baseline() {
  RunOptions options;
  options.with_baseline = false;
  return options;
}

// Records what a test needs to see at every event.
class HeatRecorder final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const OperatingPoint& op = s.powers;
    double scale = 1;
    for (const auto* v : {&op.heat_pump_thermal_kw, &op.thermal_storage_kw, &op.heat_load_kw})
      for (double x : *v) scale = std::max(scale, std::abs(x));
    worst_heat_imbalance = std::max(worst_heat_imbalance, max_heat_bus_imbalance_kw(m, op) / scale);
    worst_electric_imbalance =
        std::max(worst_electric_imbalance, max_bus_imbalance_kw(m, op) / std::max(1.0, bus_power_scale_kw(op)));
    for (std::size_t i = 0; i < m.heat_pumps.size(); ++i) {
      const double expected = op.heat_pump_thermal_kw[i] / op.heat_pump_cop[i];
      worst_cop_error = std::max(worst_cop_error, std::abs(-op.heat_pump_electric_kw[i] - expected));
    }
    for (std::size_t k = 0; k < m.thermal_storages.size(); ++k) {
      const double e = s.thermal_storage_energy_kwh[k];
      tanks_in_window = tanks_in_window && e >= 0 && e <= m.thermal_storages[k].store.capacity_kwh;
    }
    rows.push_back({s.tick, duration_s, op.heat_pump_thermal_kw.empty() ? 0 : op.heat_pump_thermal_kw[0],
                    s.heat_pump_on.empty() ? 0 : s.heat_pump_on[0],
                    op.heat_load_demand_kw.empty() ? 0 : op.heat_load_demand_kw[0],
                    op.heat_load_kw.empty() ? 0 : op.heat_load_kw[0]});
  }

  struct Row {
    Tick tick;
    Tick duration_s;
    double pump_thermal_kw;
    int pump_on;
    double demand_kw;
    double served_kw;  // ≤ 0
  };
  std::vector<Row> rows;
  double worst_heat_imbalance = 0;
  double worst_electric_imbalance = 0;
  double worst_cop_error = 0;
  bool tanks_in_window = true;
};

const std::string kHeatPark =
    "heat_buses:\n"
    "  - name: heating_loop\n"
    "    supply_temperature_c: 45\n"
    "heat_pumps:\n"
    "  - name: ashp\n"
    "    bus: main\n"
    "    heat_bus: heating_loop\n"
    "    source: air\n"
    "    rated_kw: 120\n"
    "    min_load_fraction: 0.3\n"
    "thermal_storage:\n"
    "  - name: tank\n"
    "    heat_bus: heating_loop\n"
    "    capacity_kwh: 300\n"
    "    max_charge_kw: 60\n"
    "    max_discharge_kw: 60\n"
    "    soc_initial: 0.5\n"
    "heat_loads:\n"
    "  - name: space_heating\n"
    "    bus: heating_loop\n"
    "    profile: office\n"
    "    peak_kw: 100\n";

// A heating loop with one heat pump drawing on a constant-temperature source; `pump_lines` adds
// the pump's own settings (YAML lines at its indentation).
std::string loop_with_pump(double source_c, double rated_kw, const std::string& pump_lines) {
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, "    source_mean_c: %g\n    rated_kw: %g\n", source_c, rated_kw);
  return std::string(
             "heat_buses:\n"
             "  - name: loop\n"
             "heat_pumps:\n"
             "  - name: hp\n"
             "    bus: main\n"
             "    heat_bus: loop\n"
             "    source: constant\n") +
         numbers + pump_lines;
}

}  // namespace

TEST_CASE("a heat pump and a tank balance the heat bus at every event for a year", "[heat][year]") {
  const ParkModel model = compile_park(read_scenario_text(minimal_scenario(kHeatPark), "heat.yaml"));
  HeatRecorder recorder;
  const RunResult result = run_park(model, &recorder, without_baseline());
  const EnergyTotals& t = result.final_state.totals;
  INFO("worst heat imbalance " << recorder.worst_heat_imbalance << ", worst electric "
                               << recorder.worst_electric_imbalance);
  CHECK(recorder.worst_heat_imbalance < 1e-12);
  CHECK(recorder.worst_electric_imbalance < 1e-9);
  CHECK(recorder.worst_cop_error < 1e-9);
  CHECK(recorder.tanks_in_window);

  // Heat: produced + from the tank = served + dumped.
  const double tank_net = t.thermal_storage_discharged_kwh[0] - t.thermal_storage_charged_kwh[0];
  CHECK(t.heat_pump_thermal_kwh[0] + tank_net ==
        Approx(t.heat_load_served_kwh[0] + t.heat_bus_dumped_kwh[0]).epsilon(1e-12));
  // The tank: what went in − what came out − standing loss = what it gained.
  const double gained =
      result.final_state.thermal_storage_energy_kwh[0] - model.thermal_storages[0].store.energy_initial_kwh;
  CHECK(t.thermal_storage_charged_kwh[0] - t.thermal_storage_discharged_kwh[0] - t.thermal_storage_loss_kwh[0] ==
        Approx(gained).margin(1e-6));
  CHECK(t.thermal_storage_loss_kwh[0] > 0);
  // Electricity: grid = office + heat pump (one bus, no losses).
  CHECK(t.grid_import_kwh == Approx(t.load_served_kwh[0] + t.heat_pump_electric_kwh[0]).epsilon(1e-12));
  // The office shape asks for 100 kW at its peak; a Carnot-method heat pump has its rated 120 kW
  // at all temperatures, so no heat is ever unmet.
  CHECK(t.heat_load_unserved_kwh[0] == Approx(0).margin(1e-9));
  const double scop = t.heat_pump_thermal_kwh[0] / t.heat_pump_electric_kwh[0];
  // Carnot fraction 0.45 at 45 °C supply from Shanghai air (mean 16.7 °C): COP ≈ 0.45·318/(45−T).
  CHECK(scop > 3.5);
  CHECK(scop < 8);
}

TEST_CASE("minimum run and off times are exact events", "[heat][events]") {
  // Demand 40 kW in hours 8 and 9 of each day, none otherwise. The heat pump must run at least
  // 9000 s after a start and stay off 2700 s after a stop.
  TempDir dir;
  const auto demand = [](int h) { return (h % 24 == 8 || h % 24 == 9) ? 40.0 : 0.0; };
  dir.write("heat.csv", zeropark::testing::hourly_csv("heat_kwh", demand));
  const std::string park = loop_with_pump(10, 100,
                                          "    min_load_fraction: 0.25\n"
                                          "    min_on_s: 9000\n"
                                          "    min_off_s: 2700\n") +

                           "heat_loads:\n"
                           "  - name: demand\n"
                           "    bus: loop\n"
                           "    profile: " +
                           (dir.path() / "heat.csv").string() + "\n";
  const ParkModel model = compile_park(read_scenario_text(
      minimal_scenario(park, "  start: 2023-01-02T00:00\n  end: 2023-01-04T00:00\n"), "events.yaml"));
  HeatRecorder recorder;
  const RunResult result = run_park(model, &recorder, without_baseline());
  CHECK(recorder.worst_heat_imbalance < 1e-12);

  // Starts at 08:00 of each day; demand ends at 10:00, but the pump must run until 08:00 + 9000 s
  // = 10:30, at its minimum load (25 kW, all dumped: there is no tank).
  const auto row_at = [&](Tick tick) {
    const auto it = std::find_if(recorder.rows.begin(), recorder.rows.end(),
                                 [&](const HeatRecorder::Row& r) { return r.tick == tick; });
    REQUIRE(it != recorder.rows.end());
    return *it;
  };
  for (Tick day : {Tick{0}, Tick{86400}}) {
    CHECK(row_at(day + 8 * 3600).pump_thermal_kw == Approx(40));
    CHECK(row_at(day + 10 * 3600).pump_thermal_kw == Approx(25));
    CHECK(row_at(day + 10 * 3600).pump_on == 1);
    // The exact event: 10:30 is not an input boundary, only the minimum run time ending.
    CHECK(row_at(day + 10 * 3600 + 1800).pump_thermal_kw == 0);
    CHECK(row_at(day + 10 * 3600 + 1800).pump_on == 0);
  }
  CHECK(result.final_state.totals.heat_pump_starts[0] == 2);
  CHECK(result.final_state.totals.heat_bus_dumped_kwh[0] == Approx(2 * 25 * 0.5));
  CHECK(result.final_state.totals.heat_load_unserved_kwh[0] == Approx(0).margin(1e-9));
}

TEST_CASE("a minimum off time leaves demand unmet until it ends, exactly", "[heat][events]") {
  // Demand in hours 8 and 10 only: the pump stops at 09:00 (no minimum run) and may not restart
  // before 09:00 + 5400 s = 10:30, so half of hour 10's demand is unmet.
  TempDir dir;
  const auto demand = [](int h) { return (h % 24 == 8 || h % 24 == 10) ? 30.0 : 0.0; };
  dir.write("heat.csv", zeropark::testing::hourly_csv("heat_kwh", demand));
  const std::string park = loop_with_pump(10, 100,
                                          "    min_load_fraction: 0\n"
                                          "    min_off_s: 5400\n") +

                           "heat_loads:\n"
                           "  - name: demand\n"
                           "    bus: loop\n"
                           "    profile: " +
                           (dir.path() / "heat.csv").string() + "\n";
  const ParkModel model = compile_park(
      read_scenario_text(minimal_scenario(park, "  start: 2023-01-02T00:00\n  end: 2023-01-03T00:00\n"), "off.yaml"));
  const RunResult result = run_park(model, nullptr, without_baseline());
  const EnergyTotals& t = result.final_state.totals;
  CHECK(t.heat_load_unserved_kwh[0] == Approx(15));  // 10:00–10:30 at 30 kW
  CHECK(t.heat_pump_thermal_kwh[0] == Approx(30 + 15));
  CHECK(t.heat_pump_starts[0] == 2);
}

TEST_CASE("an import limit sheds heat pump power and the heat bus reports the heat lost", "[heat][limits]") {
  const std::string park = loop_with_pump(5, 200, "") +

                           "heat_loads:\n"
                           "  - name: demand\n"
                           "    bus: loop\n"
                           "    profile: constant\n"
                           "    peak_kw: 150\n";
  // 100 kW of office + the heat pump's draw exceed a 110 kW import limit.
  std::string yaml = minimal_scenario(park, "  start: 2023-01-02T00:00\n  end: 2023-01-03T00:00\n");
  yaml.replace(yaml.find("  bus: main\n", yaml.find("grid:")), 12, "  bus: main\n  import_limit_kw: 110\n");
  const ParkModel model = compile_park(read_scenario_text(yaml, "limit.yaml"));
  HeatRecorder recorder;
  const RunResult result = run_park(model, &recorder, without_baseline());
  const EnergyTotals& t = result.final_state.totals;
  CHECK(recorder.worst_heat_imbalance < 1e-12);
  CHECK(recorder.worst_electric_imbalance < 1e-9);
  CHECK(recorder.worst_cop_error < 1e-9);
  // Loads and the heat pump are shed in proportion; the grid delivers exactly its limit.
  CHECK(t.grid_import_kwh == Approx(110 * 24));
  CHECK(t.heat_load_unserved_kwh[0] > 0);
  CHECK(t.heat_load_served_kwh[0] + t.heat_load_unserved_kwh[0] == Approx(150 * 24));
  CHECK(t.heat_load_served_kwh[0] == Approx(t.heat_pump_thermal_kwh[0]));
}

TEST_CASE("a heat pump cut by an import limit while it charges a tank charges it less, in balance", "[heat][limits]") {
  // Demand only in the first hour; the pump must then run on at its minimum load (50 kW) and the
  // tank takes that surplus, until the 105 kW import limit cuts the pump's electricity.
  TempDir dir;
  dir.write("heat.csv", zeropark::testing::hourly_csv("heat_kwh", [](int h) { return h % 24 == 0 ? 60.0 : 0.0; }));
  const std::string park = loop_with_pump(10, 100,
                                          "    min_load_fraction: 0.5\n"
                                          "    min_on_s: 43200\n") +

                           "thermal_storage:\n"
                           "  - name: tank\n"
                           "    heat_bus: loop\n"
                           "    capacity_kwh: 2000\n"
                           "    max_charge_kw: 100\n"
                           "    max_discharge_kw: 100\n"
                           "    soc_initial: 0\n"
                           "heat_loads:\n"
                           "  - name: demand\n"
                           "    bus: loop\n"
                           "    profile: " +
                           (dir.path() / "heat.csv").string() + "\n";
  std::string yaml = minimal_scenario(park, "  start: 2023-01-02T00:00\n  end: 2023-01-03T00:00\n");
  yaml.replace(yaml.find("  bus: main\n", yaml.find("grid:")), 12, "  bus: main\n  import_limit_kw: 105\n");
  const ParkModel model = compile_park(read_scenario_text(yaml, "cut.yaml"));
  HeatRecorder recorder;
  const RunResult result = run_park(model, &recorder, without_baseline());
  const EnergyTotals& t = result.final_state.totals;
  CHECK(recorder.worst_heat_imbalance < 1e-12);
  CHECK(recorder.worst_electric_imbalance < 1e-9);
  // At the limit while the pump must run (12 h), then the office alone.
  CHECK(t.grid_import_kwh == Approx(105 * 12 + 100 * 12).epsilon(1e-9));
  // The tank got what the pump made beyond the demand, less than 50 kW over the 11 hours after.
  CHECK(t.thermal_storage_charged_kwh[0] > 0);
  CHECK(t.thermal_storage_charged_kwh[0] < 50 * 11);
  CHECK(t.heat_pump_thermal_kwh[0] == Approx(t.heat_load_served_kwh[0] + t.thermal_storage_charged_kwh[0] -
                                             t.thermal_storage_discharged_kwh[0] + t.heat_bus_dumped_kwh[0])
                                          .epsilon(1e-9));
}

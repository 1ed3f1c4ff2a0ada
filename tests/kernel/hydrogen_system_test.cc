// The hydrogen chain in the plant: mass balances in every tank, the refill rule and an emptying
// tank are exact events, and a fuel cell turns hydrogen into electricity and recovered heat.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "components/hydrogen.h"
#include "kernel/balance.h"
#include "kernel/heat_balance.h"
#include "kernel/plant.h"
#include "support/scenarios.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::minimal_scenario;

namespace {

// Every segment: the tank level, its net flow and the bus balances.
class TankRecorder final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const OperatingPoint& op = s.powers;
    worst_imbalance = std::max(worst_imbalance, max_bus_imbalance_kw(m, op) / std::max(1.0, bus_power_scale_kw(op)));
    worst_heat_imbalance = std::max(worst_heat_imbalance, max_heat_bus_imbalance_kw(m, op));
    const H2TankModel& tank = m.h2_tanks[0];
    in_window = in_window && s.h2_tank_level_kg[0] >= tank.min_kg && s.h2_tank_level_kg[0] <= tank.capacity_kg;
    rows.push_back({s.tick, duration_s, s.h2_tank_level_kg[0],
                    op.electrolyser_h2_kg_per_h.empty() ? 0 : op.electrolyser_h2_kg_per_h[0],
                    op.fuel_cell_kw.empty() ? 0 : op.fuel_cell_kw[0]});
  }
  struct Row {
    Tick tick, duration_s;
    double level_kg, made_kg_per_h, fuel_cell_kw;
  };
  std::vector<Row> rows;
  double worst_imbalance = 0, worst_heat_imbalance = 0;
  bool in_window = true;
};

const std::string kStation =
    "h2_tanks:\n"
    "  - name: tank\n"
    "    capacity_kg: 500\n"
    "    min_kg: 25\n"
    "    initial_kg: 300\n"
    "electrolysers:\n"
    "  - name: electrolyser\n"
    "    bus: main\n"
    "    h2_tank: tank\n"
    "    rated_power_kw: 500\n"
    "    refill_below_kg: 150\n"
    "h2_demands:\n"
    "  - name: buses\n"
    "    h2_tank: tank\n"
    "    daily_kg: 100\n";

}  // namespace

TEST_CASE("an electrolyser refills its tank by the rule and every kilogram is accounted for", "[hydrogen]") {
  const ParkModel model = compile_park(read_scenario_text(
      minimal_scenario(kStation, "  start: 2023-01-01T00:00\n  end: 2023-02-01T00:00\n"), "h2.yaml"));
  TankRecorder recorder;
  const RunResult result = run_park(model, &recorder, RunOptions{false, {}, false});
  const EnergyTotals& t = result.final_state.totals;
  CHECK(recorder.in_window);
  CHECK(recorder.worst_imbalance < 1e-9);
  // Mass: made − dispensed = what the tank gained.
  const double gained = result.final_state.h2_tank_level_kg[0] - 300;
  CHECK(t.electrolyser_h2_kg[0] - (t.h2_demand_kg[0] - t.h2_demand_unserved_kg[0]) == Approx(gained).margin(1e-6));
  CHECK(t.h2_demand_kg[0] == Approx(31 * 100));
  CHECK(t.h2_demand_unserved_kg[0] == 0);
  // The rule: it starts the first whole second the tank is at or below 150 kg and stops exactly
  // when the tank is full.
  int starts = 0, stops = 0;
  for (std::size_t i = 1; i < recorder.rows.size(); ++i) {
    const auto& before = recorder.rows[i - 1];
    const auto& now = recorder.rows[i];
    if (before.made_kg_per_h == 0 && now.made_kg_per_h > 0) {
      ++starts;
      CHECK(now.level_kg <= 150);
      // One second earlier it was still above: the draw is at most 100·7.3 % kg per hour.
      CHECK(now.level_kg > 150 - 8.0 / 3600);
    }
    if (before.made_kg_per_h > 0 && now.made_kg_per_h == 0) {
      ++stops;
      CHECK(now.level_kg == Approx(500).margin(1e-6));
    }
  }
  CHECK(starts >= 2);
  CHECK(stops >= 2);
  // Specific energy: 55 kWh/kg at rated load (DOE 2022 status).
  CHECK(t.electrolyser_kwh[0] / t.electrolyser_h2_kg[0] == Approx(55).epsilon(0.01));
}

TEST_CASE("a fuel cell at its set-point empties the tank at the exact second and feeds its heat",
          "[hydrogen][fuel_cell]") {
  const std::string park =
      "h2_tanks:\n"
      "  - name: tank\n"
      "    capacity_kg: 100\n"
      "    min_kg: 10\n"
      "    initial_kg: 20\n"
      "heat_buses:\n"
      "  - name: loop\n"
      "heat_pumps:\n"
      "  - name: hp\n"
      "    bus: main\n"
      "    heat_bus: loop\n"
      "    source: constant\n"
      "    source_mean_c: 10\n"
      "    rated_kw: 200\n"
      "    min_load_fraction: 0\n"
      "heat_loads:\n"
      "  - name: heat\n"
      "    bus: loop\n"
      "    profile: constant\n"
      "    peak_kw: 100\n"
      "fuel_cells:\n"
      "  - name: fc\n"
      "    bus: main\n"
      "    h2_tank: tank\n"
      "    heat_bus: loop\n"
      "    rated_electric_kw: 100\n";
  const ParkModel model = compile_park(
      read_scenario_text(minimal_scenario(park, "  start: 2023-01-02T00:00\n  end: 2023-01-03T00:00\n"), "fc.yaml"));
  ParkState state = initial_state(model);
  TankRecorder recorder;
  Plant plant(model, state, recorder);
  plant.begin();
  Command command;
  command.fuel_cell_setpoint_kw = {60.0};
  plant.apply(command);
  plant.advance_to(model.end_tick);
  plant.finish();

  CHECK(recorder.in_window);
  CHECK(recorder.worst_imbalance < 1e-9);
  CHECK(recorder.worst_heat_imbalance < 1e-9);
  const FuelCellOperation at_60 = fuel_cell_at(*model.fuel_cells[0].params, 60);
  // 10 kg above the heel at h2_kg_per_h: it runs (10 / rate) h, then stops at the heel.
  const double run_s = 10 / at_60.h2_kg_per_h * 3600;
  CHECK(state.totals.fuel_cell_h2_kg[0] == Approx(10).epsilon(1e-9));
  CHECK(state.h2_tank_level_kg[0] == Approx(10).margin(1e-9));
  CHECK(state.totals.fuel_cell_kwh[0] == Approx(60 * run_s / 3600).epsilon(1e-3));
  // Its recovered heat went to the heat bus: the heat pump made that much less.
  CHECK(state.totals.fuel_cell_heat_kwh[0] == Approx(at_60.recoverable_heat_kw * run_s / 3600).epsilon(1e-3));
  CHECK(state.totals.heat_pump_thermal_kwh[0] + state.totals.fuel_cell_heat_kwh[0] == Approx(100 * 24).epsilon(1e-9));
  // Energy: electricity + heat + unrecovered heat = the hydrogen's lower heating value.
  CHECK(at_60.electric_kw + at_60.heat_kw == Approx(at_60.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg).epsilon(1e-12));
  // The tank reached its heel at an exact second, after which the fuel cell is off.
  const auto stop = std::find_if(recorder.rows.begin(), recorder.rows.end(),
                                 [](const TankRecorder::Row& r) { return r.fuel_cell_kw == 0; });
  REQUIRE(stop != recorder.rows.end());
  CHECK(std::abs(static_cast<double>(stop->tick) - run_s) <= 1.0);
}

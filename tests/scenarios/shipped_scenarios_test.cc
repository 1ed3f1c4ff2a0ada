// Every shipped scenario, checked at every event of its year: each electric and heat bus balances,
// every store stays in its window, segments are contiguous, and a second run is bit-identical.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "kernel/balance.h"
#include "kernel/heat_balance.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

class EveryEvent final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const OperatingPoint& op = s.powers;
    electric = std::max(electric, max_bus_imbalance_kw(m, op) / std::max(1.0, bus_power_scale_kw(op)));
    double heat_scale = 1;
    for (const auto* v : {&op.heat_pump_thermal_kw, &op.thermal_storage_kw, &op.pvt_thermal_kw, &op.building_heating_kw,
                          &op.building_cooling_kw, &op.heat_load_kw})
      for (double x : *v) heat_scale = std::max(heat_scale, std::abs(x));
    heat = std::max(heat, max_heat_bus_imbalance_kw(m, op) / heat_scale);
    for (std::size_t i = 0; i < m.batteries.size(); ++i)
      windows = windows && s.battery_energy_kwh[i] >= 0 && s.battery_energy_kwh[i] <= m.batteries[i].energy_max_kwh;
    for (std::size_t k = 0; k < m.thermal_storages.size(); ++k)
      windows = windows && s.thermal_storage_energy_kwh[k] >= 0 &&
                s.thermal_storage_energy_kwh[k] <= m.thermal_storages[k].store.capacity_kwh;
    for (std::size_t k = 0; k < m.h2_tanks.size(); ++k)
      windows = windows && s.h2_tank_level_kg[k] >= m.h2_tanks[k].min_kg &&
                s.h2_tank_level_kg[k] <= m.h2_tanks[k].capacity_kg;
    contiguous = contiguous && duration_s > 0 && s.tick == next_tick;
    next_tick = s.tick + duration_s;
    ++events;
  }
  double electric = 0, heat = 0;
  bool windows = true, contiguous = true;
  Tick next_tick = 0;
  std::uint64_t events = 0;
};

}  // namespace

TEST_CASE("every shipped scenario balances every bus and keeps every store in its window all year",
          "[scenarios][year]") {
  int scenarios = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(ZEROPARK_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    ++scenarios;
    const ParkModel model = compile_park(read_scenario_file(entry.path()));
    EveryEvent check;
    const RunResult result = run_park(model, &check, RunOptions{false, {}, false});
    INFO(entry.path().filename().string() << ": " << check.events << " events, worst electric imbalance "
                                          << check.electric << ", worst heat imbalance " << check.heat);
    CHECK(check.events == result.events);
    CHECK(check.electric < 1e-9);
    CHECK(check.heat < 1e-9);
    CHECK(check.windows);
    CHECK(check.contiguous);
    CHECK(check.next_tick == model.end_tick);
    // Same scenario, same seed: the same final state, bit for bit.
    const RunResult again = run_park(model, nullptr, RunOptions{false, {}, false});
    CHECK(hash_state(again.final_state) == hash_state(result.final_state));
  }
  CHECK(scenarios >= 4);
}

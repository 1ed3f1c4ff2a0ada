// The plant's own bookkeeping: a battery that ages keeps its state of charge inside a window that
// shrinks with its capacity, and its KPIs say how much is left.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/scenarios.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::minimal_scenario;

namespace {

class FadeRecorder final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick) override {
    const BatteryModel& b = m.batteries[0];
    const double fraction = std::min(1.0, s.battery_ageing[0].q_pct / 100.0);
    // 1e-9 of the capacity: the exact-solution rounding the plant allows at an edge.
    in_faded_window = in_faded_window &&
                      s.battery_energy_kwh[0] <= b.energy_max_kwh * fraction + 1e-9 * b.capacity_kwh &&
                      s.battery_energy_kwh[0] >= b.energy_min_kwh * fraction - 1e-9 * b.capacity_kwh;
    never_grows = never_grows && s.battery_ageing[0].q_pct <= last_q_pct;
    last_q_pct = s.battery_ageing[0].q_pct;
  }
  bool in_faded_window = true, never_grows = true;
  double last_q_pct = 1e9;
};

}  // namespace

TEST_CASE("an ageing battery fades with its cycles and the calendar and stays in its shrinking window",
          "[plant][ageing][year]") {
  const std::string park =
      "pv:\n"
      "  - {name: roof, bus: main, dc_capacity_kw: 400}\n"
      "batteries:\n"
      "  - {name: store, bus: main, capacity_kwh: 400, max_charge_kw: 200, max_discharge_kw: 200, ageing: standard}\n";
  const ParkModel model = compile_park(read_scenario_text(minimal_scenario(park), "ageing.yaml"));
  FadeRecorder recorder;
  const RunResult result = run_park(model, &recorder, RunOptions{false, {}, false});
  const BatteryAgeingState& ageing = result.final_state.battery_ageing[0];
  INFO("capacity " << ageing.q_pct << " % (cycle " << ageing.q_cycle_pct << " %, calendar " << ageing.q_calendar_pct
                   << " %), " << ageing.cycles_counted << " cycles of mean depth " << ageing.mean_cycle_range_pct
                   << " %");
  CHECK(recorder.in_faded_window);
  CHECK(recorder.never_grows);
  // A year of daily PV cycling: some hundreds of cycles, a few per cent of fade.
  CHECK(ageing.cycles_counted > 200);
  CHECK(ageing.q_pct < 100);
  CHECK(ageing.q_pct > 90);
  CHECK(kpi_value(result.kpis, "battery_capacity_remaining_ratio") == Approx(std::min(1.0, ageing.q_pct / 100)));
  // Without ageing the same park keeps its full window.
  std::string fresh = park;
  fresh.replace(fresh.find(", ageing: standard"), 18, "");
  const RunResult unaged = run_park(compile_park(read_scenario_text(minimal_scenario(fresh), "fresh.yaml")), nullptr,
                                    RunOptions{false, {}, false});
  CHECK(kpi_value(unaged.kpis, "battery_capacity_remaining_ratio") == 1);
  CHECK(kpi_value(unaged.kpis, "battery_discharged_kwh") > kpi_value(result.kpis, "battery_discharged_kwh"));
}

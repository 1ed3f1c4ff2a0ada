// EV charge points in the plant: arrivals and departures at their exact seconds, charging that
// ends exactly when a car has what it asked for, V2G that never costs a car its departure energy.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "components/ev_sessions.h"
#include "kernel/balance.h"
#include "kernel/plant.h"
#include "support/scenarios.h"
#include "support/temp_dir.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::minimal_scenario;
using zeropark::testing::TempDir;

namespace {

// Every segment's start tick, the group's power and the worst bus imbalance.
class EvRecorder final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const OperatingPoint& op = s.powers;
    worst_imbalance = std::max(worst_imbalance, max_bus_imbalance_kw(m, op) / std::max(1.0, bus_power_scale_kw(op)));
    ticks.push_back(s.tick);
    group_kw.push_back(op.ev_kw.empty() ? 0.0 : op.ev_kw[0]);
    durations.push_back(duration_s);
  }
  std::vector<Tick> ticks, durations;
  std::vector<double> group_kw;
  double worst_imbalance = 0;
};

std::string ev_park(const std::string& sessions_path, const std::string& extra = "") {
  return "ev_chargers:\n"
         "  - name: chargers\n"
         "    bus: main\n"
         "    count: 2\n"
         "    max_power_kw: 7\n"
         "    efficiency: 0.95\n"
         "    sessions: " +
         sessions_path + "\n" + extra;
}

// Runs the plant without SimGrid, holding one command all along.
ParkState run_plant(const ParkModel& model, const Command& command, TraceSink& sink) {
  ParkState state = initial_state(model);
  Plant plant(model, state, sink);
  plant.begin();
  plant.apply(command);
  plant.advance_to(model.end_tick);
  plant.finish();
  return state;
}

const std::string kWindow = "  start: 2023-01-02T00:00\n  end: 2023-01-03T00:00\n";

}  // namespace

TEST_CASE("cars charge at once and stop at the exact second they have what they asked for", "[ev][events]") {
  // Monday 2 January 2023. Car A: 08:00–12:00, 7 kWh. Car B: 08:30–09:00, 10 kWh (cannot get it
  // all). Car C: 08:45, finds both points taken. Car D: 09:30 on B's freed point, 3.5 kWh.
  TempDir dir;
  dir.write("sessions.csv",
            "arrival,departure,energy_kwh\n"
            "2023-01-02 08:00,2023-01-02 12:00,7\n"
            "2023-01-02 08:30,2023-01-02 09:00,10\n"
            "2023-01-02 08:45,2023-01-02 10:00,5\n"
            "2023-01-02 09:30,2023-01-02 11:00,3.5\n");
  const ParkModel model = compile_park(
      read_scenario_text(minimal_scenario(ev_park((dir.path() / "sessions.csv").string()), kWindow), "ev.yaml"));
  EvRecorder recorder;
  const RunResult result = run_park(model, &recorder, RunOptions{false, {}, false});
  const EnergyTotals& t = result.final_state.totals;
  CHECK(recorder.worst_imbalance < 1e-9);

  // 7 kW at the bus puts 6.65 kW into a car: A's 7 kWh take 7/6.65 h = 3789.47 s, so a segment
  // ends at 08:00 + 3789 s and a one-second landing follows.
  const Tick a_full = 8 * 3600 + 3789;
  CHECK(std::count(recorder.ticks.begin(), recorder.ticks.end(), a_full) == 1);
  CHECK(std::count(recorder.ticks.begin(), recorder.ticks.end(), a_full + 1) == 1);
  for (Tick exact : {Tick{8 * 3600}, Tick{8 * 3600 + 1800}, Tick{9 * 3600}, Tick{9 * 3600 + 1800}})
    CHECK(std::count(recorder.ticks.begin(), recorder.ticks.end(), exact) == 1);

  CHECK(t.ev_sessions_served[0] == 3);
  CHECK(t.ev_sessions_turned_away[0] == 1);
  // B got 30 minutes at 6.65 kW: 3.325 of its 10 kWh.
  CHECK(t.ev_undelivered_kwh[0] == Approx(10 - 3.325).epsilon(1e-12));
  CHECK(t.ev_requested_kwh[0] == Approx(7 + 10 + 3.5));
  // Drawn from the bus: what the cars got / 0.95.
  CHECK(t.ev_charged_kwh[0] == Approx((7 + 3.325 + 3.5) / 0.95).epsilon(1e-9));
  CHECK(t.ev_v2g_kwh[0] == 0);
  // Occupied: A 4 h, B 0.5 h, D 1.5 h.
  CHECK(t.ev_plugged_hours[0] == Approx(6.0));
  CHECK(t.grid_import_kwh == Approx(100 * 24 + t.ev_charged_kwh[0]).epsilon(1e-12));
}

TEST_CASE("V2G returns energy but every car leaves with what it asked for", "[ev][v2g]") {
  TempDir dir;
  // Two cars with long stays and modest needs: plenty of slack for V2G.
  dir.write("sessions.csv",
            "arrival,departure,energy_kwh\n"
            "2023-01-02 08:00,2023-01-02 18:00,20\n"
            "2023-01-02 09:00,2023-01-02 17:00,10\n");
  const ParkModel model = compile_park(read_scenario_text(
      minimal_scenario(ev_park((dir.path() / "sessions.csv").string(), "    bidirectional: yes\n"), kWindow),
      "v2g.yaml"));
  EvRecorder recorder;
  Command discharge;
  discharge.ev_setpoint_kw = {10.0};  // ask the group for 10 kW of V2G all day
  const ParkState state = run_plant(model, discharge, recorder);
  const EnergyTotals& t = state.totals;
  CHECK(recorder.worst_imbalance < 1e-9);
  CHECK(t.ev_v2g_kwh[0] > 10);  // real energy came back
  // Each car is forced back to charging in time: nothing is missing at departure (within the
  // one second a laxity event can lose).
  CHECK(t.ev_undelivered_kwh[0] < 0.01);
  CHECK(t.ev_requested_kwh[0] == Approx(30));
  // Conservation through the chargers: into the cars = charged·η − returned/η, and the cars left
  // with what they asked for.
  const double into_cars = t.ev_charged_kwh[0] * 0.95 - t.ev_v2g_kwh[0] / 0.95;
  CHECK(into_cars == Approx(30 - t.ev_undelivered_kwh[0]).epsilon(1e-9));
}

TEST_CASE("a charging set-point limits the group but never a car that must charge", "[ev][setpoint]") {
  TempDir dir;
  dir.write("sessions.csv",
            "arrival,departure,energy_kwh\n"
            "2023-01-02 08:00,2023-01-02 10:00,12\n");
  const ParkModel model = compile_park(
      read_scenario_text(minimal_scenario(ev_park((dir.path() / "sessions.csv").string()), kWindow), "slow.yaml"));
  EvRecorder recorder;
  Command slow;
  slow.ev_setpoint_kw = {-2.0};  // 2 kW would take 6.3 h; the car has 2 h and needs 1.9 h at 7 kW
  const ParkState state = run_plant(model, slow, recorder);
  CHECK(state.totals.ev_undelivered_kwh[0] < 0.01);
  // It starts at 2 kW and switches to 7 kW when its laxity runs out.
  bool saw_slow = false, saw_fast = false;
  for (std::size_t i = 0; i < recorder.ticks.size(); ++i) {
    if (recorder.group_kw[i] == Approx(-2.0)) saw_slow = true;
    if (recorder.group_kw[i] == Approx(-7.0)) saw_fast = true;
  }
  CHECK(saw_slow);
  CHECK(saw_fast);
}

TEST_CASE("generated sessions are the same for the same seed and run a year in balance", "[ev][year]") {
  const std::string park =
      "ev_chargers:\n"
      "  - name: workplace\n"
      "    bus: main\n"
      "    count: 20\n"
      "    sessions_per_charger_weekday: 1.2\n";
  const ParkModel a = compile_park(read_scenario_text(minimal_scenario(park), "gen.yaml"));
  const ParkModel b = compile_park(read_scenario_text(minimal_scenario(park), "gen.yaml"));
  REQUIRE(a.ev_chargers[0].sessions->size() == b.ev_chargers[0].sessions->size());
  CHECK(a.ev_chargers[0].sessions->size() > 5000);  // ~24 a weekday over a year
  EvRecorder recorder;
  const RunResult result = run_park(a, &recorder, RunOptions{false, {}, false});
  const EnergyTotals& t = result.final_state.totals;
  CHECK(recorder.worst_imbalance < 1e-9);
  CHECK(t.ev_sessions_served[0] + t.ev_sessions_turned_away[0] <=
        static_cast<double>(a.ev_chargers[0].sessions->size()));
  CHECK(t.ev_charged_kwh[0] > 20000);
  CHECK(t.ev_undelivered_kwh[0] >= 0);
  CHECK(t.grid_import_kwh == Approx(100 * 8760 + t.ev_charged_kwh[0]).epsilon(1e-12));
}

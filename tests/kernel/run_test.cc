// Year-long runs through the real kernel (SimGrid actors, mailboxes). ctest runs each test case
// in its own process, as SimGrid allows one engine per process at a time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kernel/balance.h"
#include "support/scenarios.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

RunOptions without_baseline() {
  RunOptions options;
  options.with_baseline = false;
  return options;
}

ParkModel default_park() {
  return compile_park(read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/baoshan_carbon_zero_park.yaml"));
}

// Checks every event as it happens and hashes everything the trace would hold.
class CheckingSink final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const OperatingPoint& op = s.powers;
    worst_relative_imbalance = std::max(worst_relative_imbalance,
                                        max_bus_imbalance_kw(m, op) / std::max(1.0, bus_power_scale_kw(op)));
    for (std::size_t i = 0; i < m.batteries.size(); ++i) {
      const double e = s.battery_energy_kwh[i];
      soc_in_window = soc_in_window && e >= m.batteries[i].energy_min_kwh && e <= m.batteries[i].energy_max_kwh;
      if (e == m.batteries[i].energy_min_kwh) ticks_at_floor.push_back(s.tick);
    }
    positive_durations = positive_durations && duration_s > 0;
    contiguous = contiguous && s.tick == next_expected_tick;
    next_expected_tick = s.tick + duration_s;
    add(s.tick);
    add(duration_s);
    for (const auto* v : {&op.pv_kw, &op.battery_kw, &op.load_kw, &op.line_sent_kw, &op.line_received_kw, &s.battery_energy_kwh})
      for (double x : *v) add(x);
    add(op.grid_kw);
    ++events;
    ticks.push_back(s.tick);
  }

  double worst_relative_imbalance = 0;
  bool soc_in_window = true;
  bool positive_durations = true;
  bool contiguous = true;
  Tick next_expected_tick = 0;
  std::uint64_t events = 0;
  std::uint64_t hash = 14695981039346656037ULL;
  std::vector<Tick> ticks;
  std::vector<Tick> ticks_at_floor;

 private:
  template <class T>
  void add(T value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    for (unsigned char b : bytes) hash = (hash ^ b) * 1099511628211ULL;
  }
};

}  // namespace

TEST_CASE("a year of the default park balances every bus at every event", "[run][year]") {
  const ParkModel model = default_park();
  CheckingSink sink;
  const RunResult result = run_park(model, &sink, without_baseline());
  INFO("events " << sink.events << ", worst relative imbalance " << sink.worst_relative_imbalance);
  CHECK(sink.events == result.events);
  CHECK(sink.events > 8760);
  CHECK(sink.worst_relative_imbalance < 1e-9);
  CHECK(sink.soc_in_window);
  CHECK(sink.positive_durations);
  CHECK(sink.contiguous);
  CHECK(sink.next_expected_tick == model.end_tick);
}

TEST_CASE("batteries conserve energy over a year", "[run][year]") {
  const ParkModel model = default_park();
  const RunResult result = run_park(model, nullptr, without_baseline());
  const EnergyTotals& t = result.final_state.totals;
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    const BatteryModel& b = model.batteries[i];
    const double stored_change = result.final_state.battery_energy_kwh[i] - b.energy_initial_kwh;
    const double converted = t.battery_charged_kwh[i] * b.charge_efficiency - t.battery_discharged_kwh[i] / b.discharge_efficiency;
    INFO("charged " << t.battery_charged_kwh[i] << " kWh, discharged " << t.battery_discharged_kwh[i]
                    << " kWh, self-discharge " << t.battery_self_discharge_kwh[i] << " kWh");
    CHECK(t.battery_charged_kwh[i] > 100000);  // the battery really cycles
    CHECK(t.battery_self_discharge_kwh[i] >= 0);
    CHECK(converted - t.battery_self_discharge_kwh[i] == Approx(stored_change).margin(1e-6));
  }
  // The park as a whole: sources = sinks + losses.
  double pv = 0, served = 0, line_loss = 0, battery_net = 0;
  for (double v : t.pv_kwh) pv += v;
  for (double v : t.load_served_kwh) served += v;
  for (double v : t.line_loss_kwh) line_loss += v;
  for (std::size_t i = 0; i < model.batteries.size(); ++i) battery_net += t.battery_discharged_kwh[i] - t.battery_charged_kwh[i];
  CHECK(pv + battery_net + t.grid_import_kwh - t.grid_export_kwh == Approx(served + line_loss).epsilon(1e-12));
}

TEST_CASE("same scenario and seed give a bit-identical event stream", "[run][determinism]") {
  const ParkModel model = default_park();
  CheckingSink first, second;
  const RunResult a = run_park(model, &first, without_baseline());
  const RunResult b = run_park(model, &second, without_baseline());
  CHECK(first.events == second.events);
  CHECK(first.hash == second.hash);
  CHECK(hash_state(a.final_state) == hash_state(b.final_state));
}

TEST_CASE("a battery running empty is an event at the exact second through the kernel", "[run][battery]") {
  // 100 kW of load, no PV: self-consumption discharges at the 30 kW limit, drawing 30/0.95 kW from
  // a store that holds 40 kWh above its floor: empty after 40 / (30 / 0.95) h = 4560 s.
  const std::string text = testing::minimal_scenario(
      "batteries:\n  - {name: b, bus: main, capacity_kwh: 100, max_charge_kw: 30, max_discharge_kw: 30,"
      " discharge_efficiency: 0.95, soc_min: 0.1, soc_initial: 0.5, self_discharge_per_day: 0}\n",
      "  end: 2023-01-02T00:00\n");
  const ParkModel model = compile_park(read_scenario_text(text, "empty.yaml"));
  CheckingSink sink;
  run_park(model, &sink, without_baseline());
  CHECK(std::find(sink.ticks.begin(), sink.ticks.end(), 4560) != sink.ticks.end());
  REQUIRE_FALSE(sink.ticks_at_floor.empty());
  CHECK(sink.ticks_at_floor.front() == 4560);
  CHECK(sink.soc_in_window);
}

TEST_CASE("the baseline's CO2 and cost follow from the load exactly", "[run][kpi]") {
  // 100 kW for a year at 0.5 CNY/kWh and the default 0.5617 kg/kWh; PV makes the difference.
  const std::string text = testing::minimal_scenario(
      "  tariff:\n    prices_cny_per_kwh: {flat: 0.5}\n"
      "pv:\n  - {name: p, bus: main, dc_capacity_kw: 50}\n");
  const ParkModel model = compile_park(read_scenario_text(text, "kpi.yaml"));
  const RunResult r = run_park(model, nullptr);
  CHECK(kpi_value(r.baseline_kpis, "grid_import_kwh") == Approx(876000).epsilon(1e-12));
  CHECK(kpi_value(r.baseline_kpis, "co2_kg") == Approx(876000 * 0.5617).epsilon(1e-12));
  CHECK(kpi_value(r.baseline_kpis, "net_cost_cny") == Approx(438000).epsilon(1e-12));
  const double pv_kwh = kpi_value(r.kpis, "pv_generation_kwh");
  CHECK(pv_kwh > 40000);  // ~1,100 kWh/kWp·a in Shanghai
  CHECK(pv_kwh < 75000);
  CHECK(kpi_value(r.kpis, "co2_avoided_kg") == Approx(pv_kwh * 0.5617).epsilon(1e-9));
  CHECK(kpi_value(r.kpis, "pv_self_consumption_ratio") == Approx(1.0));
}

TEST_CASE("a binding import limit with a battery at its floor costs no extra events", "[run][battery]") {
  // 100 kW of load behind a 90 kW import limit; the battery starts at its floor with 1 %/day of
  // self-discharge, so it float-charges while load is shed. Regression: shedding the float charge
  // used to force a one-second event every second and create energy.
  const std::string text = testing::minimal_scenario(
      "  import_limit_kw: 90\n"
      "batteries:\n  - {name: b, bus: main, capacity_kwh: 100, max_charge_kw: 30, max_discharge_kw: 30,"
      " soc_min: 0.1, soc_initial: 0.1, self_discharge_per_day: 0.01}\n",
      "  end: 2023-01-11T00:00\n");
  const ParkModel model = compile_park(read_scenario_text(text, "floor.yaml"));
  CheckingSink sink;
  const RunResult r = run_park(model, &sink, without_baseline());
  CHECK(sink.events <= 241);
  CHECK(sink.soc_in_window);
  CHECK(sink.worst_relative_imbalance < 1e-9);
  const EnergyTotals& t = r.final_state.totals;
  const BatteryModel& b = model.batteries[0];
  CHECK(t.battery_self_discharge_kwh[0] > 0);
  CHECK(t.battery_charged_kwh[0] * b.charge_efficiency - t.battery_self_discharge_kwh[0] ==
        Approx(r.final_state.battery_energy_kwh[0] - b.energy_initial_kwh).margin(1e-9));
  CHECK(kpi_value(r.kpis, "load_unserved_kwh") == Approx(10 * 240 + t.battery_charged_kwh[0]).epsilon(1e-9));
}

TEST_CASE("an error inside the simulation ends the run with that error and never aborts", "[run][errors]") {
  // A sink that fails at a given tick stands for any failure inside the plant actor (a full disk,
  // a bad value): run_park must stop both parks' actors cleanly and rethrow.
  struct FailingSink final : TraceSink {
    void on_event(const ParkModel&, const ParkState& s, Tick) override {
      if (s.tick >= 86400) throw std::runtime_error("disk on fire");
    }
  };
  const ParkModel model = default_park();
  FailingSink sink;
  CHECK_THROWS_WITH(run_park(model, &sink), Catch::Contains("disk on fire"));
  struct FailingAtStart final : TraceSink {
    void on_run_start(const ParkModel&, const ParkState&) override { throw std::runtime_error("no start"); }
  } start_failure;
  CHECK_THROWS_WITH(run_park(model, &start_failure, without_baseline()), Catch::Contains("no start"));
}

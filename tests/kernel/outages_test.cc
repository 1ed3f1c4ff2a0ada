// Outages: a grid outage islands the park, which serves its critical loads from storage first;
// equipment outages take out what they name; random outages match the two-state availability
// model; bad outage entries are errors at their line.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "spec/compile_outages.h"
#include "support/scenarios.h"
#include "zeropark/error.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::shanghai_epw;

namespace {

// A night on one bus: a 10 kW critical load, a 20 kW other load, a 100 kWh battery half full
// (usable down to 10 %, 15 kW, 96 % each way, no self-discharge) and the grid, out 00:00–04:00.
std::string island_night(const std::string& battery_extra = "    self_discharge_per_day: 0\n",
                         const std::string& outages =
                             "outages:\n"
                             "  - {component: grid, start: \"2023-01-02T00:00\", "
                             "end: \"2023-01-02T04:00\"}\n") {
  return "name: island\n"
         "simulation:\n"
         "  weather: " +
         shanghai_epw() +
         "\n"
         "  start: \"2023-01-02T00:00\"\n"
         "  end: \"2023-01-02T06:00\"\n"
         "buses:\n"
         "  - name: main\n"
         "loads:\n"
         "  - {name: control_room, bus: main, profile: constant, peak_kw: 10, critical: yes}\n"
         "  - {name: offices, bus: main, profile: constant, peak_kw: 20}\n"
         "batteries:\n"
         "  - name: store\n"
         "    bus: main\n"
         "    capacity_kwh: 100\n"
         "    max_charge_kw: 15\n"
         "    max_discharge_kw: 15\n"
         "    charge_efficiency: 0.96\n"
         "    discharge_efficiency: 0.96\n"
         "    soc_min: 0.1\n"
         "    soc_max: 0.9\n"
         "    soc_initial: 0.5\n" +
         battery_extra +
         "grid:\n"
         "  bus: main\n" +
         outages;
}

double kpi(const KpiTable& table, const std::string& key) {
  for (const Kpi& k : table)
    if (k.key == key) return k.value;
  FAIL("no KPI " << key);
  return 0;
}

// Checks every islanded segment: no exchange with the grid, critical loads served before others.
class IslandWatch final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick) override {
    const OperatingPoint& op = s.powers;
    lowest_energy_kwh = std::min(lowest_energy_kwh, s.battery_energy_kwh[0]);  // at each segment's start
    if (op.grid_connected) return;
    ++islanded_segments;
    if (op.grid_kw != 0.0) {
      exchange_while_islanded = true;
      UNSCOPED_INFO("grid " << op.grid_kw << " kW at tick " << s.tick << ", battery " << op.battery_kw[0] << " kW, "
                            << s.battery_energy_kwh[0] << " kWh");
    }
    const double critical_unserved_kw = op.load_demand_kw[0] + op.load_kw[0];
    const double other_served_kw = -op.load_kw[1];
    if (critical_unserved_kw > 1e-9 && other_served_kw > 1e-9) critical_shed_first = true;
    (void)m;
  }
  int islanded_segments = 0;
  bool exchange_while_islanded = false;
  bool critical_shed_first = false;
  double lowest_energy_kwh = 1e300;
};

RunResult run_without_baseline(const ParkModel& model, TraceSink* sink) {
  RunOptions options;
  options.with_baseline = false;
  return run_park(model, sink, options);
}

}  // namespace

TEST_CASE("an islanded park serves its critical load from the battery for as long as the battery lasts",
          "[outages][island]") {
  const ParkModel model = compile_park(read_scenario_text(island_night(), "island.yaml"));
  IslandWatch watch;
  const RunResult result = run_without_baseline(model, &watch);
  CHECK(watch.islanded_segments > 0);
  CHECK_FALSE(watch.exchange_while_islanded);
  CHECK_FALSE(watch.critical_shed_first);
  // By hand: islanded, every built-in controller discharges only what the critical load lacks
  // (controllers/rules.h, island_rule): 10 kW, draining 10 / 0.96 kW from the 40 usable kWh, which
  // lasts 3.84 h. The offices are shed for the whole outage; the control room for its last 0.16 h.
  CHECK(kpi(result.kpis, "islanded_hours") == Approx(4.0).epsilon(1e-12));
  CHECK(kpi(result.kpis, "islanded_hours_survived") == Approx(3.84).epsilon(1e-9));
  CHECK(kpi(result.kpis, "critical_unserved_kwh") == Approx(10 * (4 - 3.84)).epsilon(1e-9));
  CHECK(kpi(result.kpis, "unserved_kwh.offices") == Approx(20 * 4).epsilon(1e-9));
  CHECK(kpi(result.kpis, "outage_hours.grid") == Approx(4.0).epsilon(1e-12));
  CHECK(watch.lowest_energy_kwh >= 10.0 - 1e-9);
}

TEST_CASE("a battery with self-discharge rests below its window when an island has nothing to hold it",
          "[outages][island]") {
  // Half a percent a day: the float charge at the bottom edge is about 2 W, and at night, with the
  // battery empty, nothing in the island can supply it.
  const ParkModel model =
      compile_park(read_scenario_text(island_night("    self_discharge_per_day: 0.005\n"), "island.yaml"));
  IslandWatch watch;
  const RunResult result = run_without_baseline(model, &watch);
  CHECK_FALSE(watch.exchange_while_islanded);
  CHECK(watch.lowest_energy_kwh < 10.0);
  CHECK(watch.lowest_energy_kwh > 10.0 * (1 - 0.005));  // less than a day's self-discharge of 10 kWh
  CHECK(kpi(result.kpis, "islanded_hours_survived") < 3.84);
}

TEST_CASE("a PV inverter outage takes exactly the array's output in its window", "[outages]") {
  const std::string pv = "pv:\n  - {name: roof, bus: main, dc_capacity_kw: 200}\n";
  const auto scenario = [&](const std::string& outages) {
    return "name: pv_out\n"
           "simulation:\n"
           "  weather: " +
           shanghai_epw() +
           "\n"
           "  start: \"2023-06-01T00:00\"\n"
           "  end: \"2023-06-03T00:00\"\n"
           "buses:\n  - name: main\n"
           "loads:\n  - {name: office, bus: main, profile: constant, peak_kw: 50}\n" +
           pv + "grid:\n  bus: main\n" + outages;
  };
  const RunResult whole = run_without_baseline(compile_park(read_scenario_text(scenario(""), "pv.yaml")), nullptr);
  const RunResult first_day_out = run_without_baseline(
      compile_park(read_scenario_text(
          scenario("outages:\n  - {component: roof, start: \"2023-06-01T00:00\", end: \"2023-06-02T00:00\"}\n"),
          "pv.yaml")),
      nullptr);
  const RunResult second_day_out = run_without_baseline(
      compile_park(read_scenario_text(
          scenario("outages:\n  - {component: roof, start: \"2023-06-02T00:00\", end: \"2023-06-03T00:00\"}\n"),
          "pv.yaml")),
      nullptr);
  const double both_days_kwh = kpi(whole.kpis, "pv_generation_kwh");
  CHECK(both_days_kwh > 500);
  CHECK(kpi(first_day_out.kpis, "pv_generation_kwh") + kpi(second_day_out.kpis, "pv_generation_kwh") ==
        Approx(both_days_kwh).epsilon(1e-12));
  CHECK(kpi(first_day_out.kpis, "outage_hours.roof") == 24.0);
}

TEST_CASE("random outages are seeded and match the two-state availability model", "[outages]") {
  // Over about 160,000 failure-repair cycles the share of time out is MTTR / (MTBF + MTTR) = 1 / 11
  // within the sampling error (about 0.35 % of it here; the check allows 2 %).
  const Tick ten_years_s = 10 * 365 * 86400;
  const double mtbf_s = 3600.0 * 0.5, mttr_s = 3600.0 * 0.05;
  const std::vector<OutageWindow> windows = random_outage_windows(mtbf_s, mttr_s, ten_years_s, 7);
  double out_s = 0;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    out_s += static_cast<double>(windows[i].end - windows[i].start);
    if (i > 0) CHECK(windows[i].start > windows[i - 1].end);
  }
  REQUIRE(windows.size() > 150000);
  CHECK(out_s / static_cast<double>(ten_years_s) == Approx(mttr_s / (mtbf_s + mttr_s)).epsilon(0.02));
  CHECK(random_outage_windows(mtbf_s, mttr_s, ten_years_s / 100, 7).front().start == windows.front().start);
  CHECK(random_outage_windows(mtbf_s, mttr_s, ten_years_s / 100, 8).front().start != windows.front().start);
}

TEST_CASE("a scenario's random grid outages island the park and the same seed gives the same hours",
          "[outages][island]") {
  const std::string random =
      "outages:\n  - {component: grid, mean_time_between_failures_h: 20, mean_time_to_repair_h: 1}\n";
  const ParkModel model =
      compile_park(read_scenario_text(island_night("    self_discharge_per_day: 0\n", random), "r.yaml"));
  REQUIRE(model.outages.size() == 1);
  const RunResult a = run_without_baseline(model, nullptr);
  const RunResult b = run_without_baseline(model, nullptr);
  CHECK(kpi(a.kpis, "islanded_hours") == kpi(b.kpis, "islanded_hours"));
  double out_h = 0;
  for (const OutageWindow& w : model.outages[0].down) out_h += static_cast<double>(w.end - w.start) / 3600.0;
  CHECK(kpi(a.kpis, "islanded_hours") == Approx(out_h).epsilon(1e-12));
}

TEST_CASE("bad outage entries are errors at their line", "[outages][errors]") {
  const auto error_of = [](const std::string& outages) -> std::string {
    try {
      compile_park(read_scenario_text(island_night("    self_discharge_per_day: 0\n", outages), "bad.yaml"));
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK_THAT(error_of("outages:\n  - {component: roofs, start: \"2023-01-02T01:00\", end: \"2023-01-02T02:00\"}\n"),
             Catch::Contains("no grid connection or component named 'roofs'") && Catch::Contains("bad.yaml:"));
  CHECK_THAT(error_of("outages:\n  - {component: offices, start: \"2023-01-02T01:00\", end: \"2023-01-02T02:00\"}\n"),
             Catch::Contains("no grid connection or component named 'offices'"));
  CHECK_THAT(error_of("outages:\n  - {component: grid, start: \"2023-01-02T03:00\", end: \"2023-01-02T02:00\"}\n"),
             Catch::Contains("outages[0].end") && Catch::Contains("must be after start"));
  CHECK_THAT(error_of("outages:\n  - {component: grid}\n"), Catch::Contains("give either start and end"));
  CHECK_THAT(error_of("outages:\n  - {component: grid, start: \"2023-01-02T01:00\", end: \"2023-01-02T02:00\", "
                      "mean_time_to_repair_h: 3}\n"),
             Catch::Contains("give either start and end"));
  CHECK_THAT(error_of("outages:\n  - {component: grid, mean_time_to_repair_h: 3}\n"),
             Catch::Contains("mean_time_between_failures_h"));
  CHECK_THAT(error_of("outages:\n  - {component: grid, start: yesterday, end: \"2023-01-02T02:00\"}\n"),
             Catch::Contains("outages[0].start") && Catch::Contains("ISO 8601"));
  CHECK_THAT(error_of("outages:\n  - {component: grid, begin: 2023-01-02T01:00}\n"),
             Catch::Contains("unknown key") && Catch::Contains("outages[0].begin"));
}

TEST_CASE("a heat pump out of service serves no heat in its window and recovers after it", "[outages]") {
  // A constant 60 kW heat load on a loop with one air-source heat pump and no tank, for two days;
  // the pump is out from 06:00 to 18:00 on the first.
  const auto scenario = [](const std::string& outages) {
    return "name: heat_out\n"
           "simulation:\n"
           "  weather: " +
           shanghai_epw() +
           "\n"
           "  start: \"2023-01-02T00:00\"\n"
           "  end: \"2023-01-04T00:00\"\n"
           "buses:\n  - name: main\n"
           "heat_buses:\n  - {name: loop, supply_temperature_c: 45}\n"
           "heat_pumps:\n  - {name: ashp, bus: main, heat_bus: loop, source: air, rated_kw: 120}\n"
           "heat_loads:\n  - {name: space_heating, bus: loop, profile: constant, peak_kw: 60}\n"
           "grid:\n  bus: main\n" +
           outages;
  };
  const RunResult in_service = run_without_baseline(compile_park(read_scenario_text(scenario(""), "h.yaml")), nullptr);
  const RunResult out = run_without_baseline(
      compile_park(read_scenario_text(
          scenario("outages:\n  - {component: ashp, start: \"2023-01-02T06:00\", end: \"2023-01-02T18:00\"}\n"),
          "h.yaml")),
      nullptr);
  CHECK(kpi(in_service.kpis, "heat_unmet_kwh") == Approx(0).margin(1e-9));
  CHECK(kpi(out.kpis, "heat_unmet_kwh") == Approx(60 * 12).epsilon(1e-9));
  CHECK(kpi(out.kpis, "heat_demand_kwh") == Approx(kpi(in_service.kpis, "heat_demand_kwh")).epsilon(1e-12));
  CHECK(kpi(out.kpis, "outage_hours.ashp") == Approx(12).epsilon(1e-12));
}

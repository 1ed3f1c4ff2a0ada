// KPIs recomputed from real runs' traces equal each run's own KPI table to 1e-9 relative, and
// the attribution hands out exactly the run's CO2 and energy cost. Each case runs the engine once
// (one SimGrid engine per process: ctest runs each case alone).
#include "report/trace_kpis.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "report/attribution.h"
#include "report/report_output.h"
#include "report/trace_reader.h"
#include "support/temp_dir.h"
#include "zeropark/hdf5_trace.h"
#include "zeropark/kpi.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::TempDir;

namespace {

std::string scenario_path(const std::string& name) {
  return std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

// Runs the model without its baseline, writing a trace as `zeropark run` does; returns the KPIs.
KpiTable run_to_trace(const ParkModel& model, const std::filesystem::path& trace) {
  Hdf5TraceSink sink(trace);
  RunOptions options;
  options.with_baseline = false;
  const RunResult result = run_park(model, &sink, options);
  sink.commit(result.kpis, result.baseline_kpis);
  return result.kpis;
}

ParkModel scenario_between(const std::string& name, const std::string& start, const std::string& end) {
  ParkSpec spec = read_scenario_file(scenario_path(name));
  RunOverrides overrides;
  overrides.start_iso = start;
  overrides.end_iso = end;
  apply_overrides(spec, overrides);
  return compile_park(spec);
}

// Every recomputed KPI against the run's own, and Σ attributed CO2 and cost against the totals.
void check_trace_against_run(const std::filesystem::path& path, const KpiTable& run) {
  const report::TraceFile trace(path);
  const std::vector<report::RecomputedKpi> kpis = report::recompute_kpis(trace);
  CHECK(kpis.size() == 16);
  for (const report::RecomputedKpi& k : kpis) {
    // The run records EV charging and V2G apart; the trace gives only their difference.
    const double expected = k.key == "ev_net_charging_kwh"
                                ? kpi_value(run, "ev_charging_kwh") - kpi_value(run, "ev_v2g_returned_kwh")
                                : kpi_value(run, k.key);
    INFO(k.key << ": recomputed " << k.value << ", run " << expected);
    CHECK_FALSE(report::differs_relative(k.value, expected));
    // What the report compares with is the run's value too.
    CHECK(report::recorded_kpi(trace, k.key) == expected);
  }
  const report::Attribution a = report::attribute(trace);
  double co2_kg = 0, cost_cny = 0;
  for (const report::AssetShare& s : a.assets) {
    co2_kg += s.co2_kg;
    cost_cny += s.cost_cny;
  }
  CHECK(std::none_of(a.assets.begin(), a.assets.end(),
                     [](const report::AssetShare& s) { return s.name == "unattributed"; }));
  double zones_co2_kg = 0;
  for (const report::ZoneShare& z : a.zones) zones_co2_kg += z.co2_kg;
  CHECK_FALSE(report::differs_relative(zones_co2_kg, kpi_value(run, "co2_kg")));
  INFO("attributed " << co2_kg << " kg, " << cost_cny << " CNY");
  CHECK_FALSE(report::differs_relative(co2_kg, kpi_value(run, "co2_kg")));
  CHECK_FALSE(report::differs_relative(cost_cny, kpi_value(run, "energy_cost_cny")));
  CHECK(kpi_value(run, "co2_kg") > 0);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("report KPIs of the default park over January equal the run's", "[report][kpis][run]") {
  const TempDir dir;
  const std::filesystem::path trace = dir.path() / "baoshan_january.h5";
  const KpiTable run = run_to_trace(scenario_between("baoshan_carbon_zero_park", "2023-01-01", "2023-02-01"), trace);
  check_trace_against_run(trace, run);
}

TEST_CASE("report KPIs of the Shenzhen V2G building over a week equal the run's", "[report][kpis][run]") {
  const TempDir dir;
  const std::filesystem::path trace = dir.path() / "shenzhen_week.h5";
  const KpiTable run =
      run_to_trace(scenario_between("shenzhen_futian_power_building", "2023-06-05", "2023-06-12"), trace);
  CHECK(kpi_value(run, "ev_v2g_returned_kwh") > 0);  // the week exercises V2G
  check_trace_against_run(trace, run);
}

// The Shenzhen building islanded for 12 hours (as in tests/scenarios/typhoon_island_test.cc):
// rows with the grid out carry no import and so nothing to share, and the KPIs still agree.
TEST_CASE("report KPIs of a week with a grid outage (islanded) equal the run's", "[report][kpis][run]") {
  std::ifstream in(scenario_path("shenzhen_futian_power_building"));
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = replaced(text.str(), "start: 2023-01-01T00:00", "start: 2023-08-28T00:00");
  yaml = replaced(yaml, "end: 2024-01-01T00:00", "end: 2023-09-04T00:00");
  yaml = replaced(yaml, "annual_kwh: 260000}", "annual_kwh: 260000, critical: yes}");
  yaml += "outages:\n  - {component: grid, start: \"2023-09-01T18:00\", end: \"2023-09-02T06:00\"}\n";
  const ParkModel model =
      compile_park(read_scenario_text(yaml, std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/outage_week.yaml"));
  const TempDir dir;
  const std::filesystem::path trace = dir.path() / "outage_week.h5";
  const KpiTable run = run_to_trace(model, trace);
  CHECK(kpi_value(run, "islanded_hours") == Approx(12));
  check_trace_against_run(trace, run);
}

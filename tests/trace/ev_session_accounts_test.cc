// CO2 and cost per EV session (the trace's ev_sessions table): each group's sessions add up to the
// group's share by the attribution rule as `zeropark report` reads it back from the rows, and to
// the run's charging and V2G energy; a car only giving energy back takes no CO2.
#include <hdf5.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "report/attribution.h"
#include "report/trace_reader.h"
#include "support/hdf5_columns.h"
#include "support/temp_dir.h"
#include "zeropark/hdf5_trace.h"
#include "zeropark/kpi.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;

TEST_CASE("EV sessions add up to their charger group's attributed CO2 and cost and to the charged energy",
          "[trace][ev]") {
  // The Shenzhen building over a summer week: 12 V2G points (real sessions) and 2 super chargers
  // (generated sessions), a battery and two lines.
  ParkSpec spec =
      read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/shenzhen_futian_power_building.yaml");
  RunOverrides overrides;
  overrides.start_iso = "2023-07-03T00:00";
  overrides.end_iso = "2023-07-10T00:00";
  apply_overrides(spec, overrides);
  const ParkModel model = compile_park(spec);
  testing::TempDir dir;
  const std::filesystem::path path = dir.path() / "sessions.h5";
  Hdf5TraceSink sink(path);
  RunOptions options;
  options.with_baseline = false;
  const RunResult result = run_park(model, &sink, options);
  sink.commit(result.kpis, result.baseline_kpis);

  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const std::vector<std::string> group = testing::read_strings(file, "ev_sessions/group");
  const std::vector<double> drawn_kwh = testing::read_doubles(file, "ev_sessions/drawn_kwh");
  const std::vector<double> v2g_kwh = testing::read_doubles(file, "ev_sessions/v2g_kwh");
  const std::vector<double> co2_kg = testing::read_doubles(file, "ev_sessions/co2_kg");
  const std::vector<double> cost_cny = testing::read_doubles(file, "ev_sessions/cost_cny");
  const std::vector<double> arrival_s = testing::read_doubles(file, "ev_sessions/arrival_s");
  const std::vector<double> departure_s = testing::read_doubles(file, "ev_sessions/departure_s");
  H5Fclose(file);
  REQUIRE(group.size() == co2_kg.size());
  CHECK(static_cast<double>(group.size()) == kpi_value(result.kpis, "ev_sessions_served"));

  std::map<std::string, double> group_co2_kg, group_cost_cny;
  double total_drawn_kwh = 0, total_v2g_kwh = 0;
  for (std::size_t i = 0; i < group.size(); ++i) {
    group_co2_kg[group[i]] += co2_kg[i];
    group_cost_cny[group[i]] += cost_cny[i];
    total_drawn_kwh += drawn_kwh[i];
    total_v2g_kwh += v2g_kwh[i];
    CHECK(departure_s[i] > arrival_s[i]);
    if (drawn_kwh[i] == 0) CHECK(co2_kg[i] == 0);
  }
  CHECK(total_drawn_kwh == Approx(kpi_value(result.kpis, "ev_charging_kwh")).epsilon(1e-9));
  CHECK(total_v2g_kwh == Approx(kpi_value(result.kpis, "ev_v2g_returned_kwh")).epsilon(1e-9));
  CHECK(total_v2g_kwh > 0);

  const report::Attribution attribution = report::attribute(report::TraceFile(path));
  int groups = 0;
  for (const report::AssetShare& asset : attribution.assets) {
    if (asset.kind != "ev_charger") continue;
    ++groups;
    INFO(asset.name);
    CHECK(asset.co2_kg > 0);
    CHECK(group_co2_kg[asset.name] == Approx(asset.co2_kg).epsilon(1e-9));
    CHECK(group_cost_cny[asset.name] == Approx(asset.cost_cny).epsilon(1e-9));
  }
  CHECK(groups == 2);
}

TEST_CASE("a park without charge points writes no EV session table", "[trace][ev]") {
  ParkSpec spec = read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/baoshan_carbon_zero_park.yaml");
  RunOverrides overrides;
  overrides.end_iso = "2023-01-03T00:00";
  apply_overrides(spec, overrides);
  testing::TempDir dir;
  const std::filesystem::path path = dir.path() / "no_ev.h5";
  Hdf5TraceSink sink(path);
  const RunResult result = run_park(compile_park(spec), &sink, {});
  sink.commit(result.kpis, result.baseline_kpis);
  CHECK_FALSE(report::TraceFile(path).has_dataset("ev_sessions/group"));
}

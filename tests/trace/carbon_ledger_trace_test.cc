// The trace's carbon_ledger group: four 1-D datasets of equal length (line, kind, area as UTF-8
// strings; co2_kg as float64), each with unit and description, written at the run's end; its grid
// line equals the run's co2_kg and its lines add up to ledger_net_co2_kg.
#include <hdf5.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "support/hdf5_columns.h"
#include "support/scenarios.h"
#include "support/temp_dir.h"
#include "zeropark/hdf5_trace.h"
#include "zeropark/kpi.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using testing::Dataset;
using testing::read_doubles;
using testing::read_strings;

namespace {

// Runs the park without its baseline and writes its trace to `path`.
RunResult run_with_trace(const ParkModel& model, const std::filesystem::path& path) {
  Hdf5TraceSink sink(path);
  RunOptions options;
  options.with_baseline = false;
  const RunResult result = run_park(model, &sink, options);
  sink.commit(result.kpis, result.baseline_kpis);
  return result;
}

}  // namespace

TEST_CASE("the trace's carbon_ledger group is written at the run's end and reads back", "[trace][carbon]") {
  const std::string text = testing::minimal_scenario(
      "green_spaces:\n"
      "  - {name: 滨海绿地, area_m2: 5000, sequestration_kg_co2_per_m2_year: 1.5}\n"
      "carbon_ledger:\n"
      "  recyclables:\n"
      "    - {area: block_a, category: refrigerators, mass_kg: 46, factor_kg_co2_per_kg: 1.29630434783}\n"
      "    - {category: paper, mass_kg: 100, factor_kg_co2_per_kg: 0.5}\n"
      "  offsets:\n"
      "    - {name: open_day, co2_kg: 300, source: illustrative}\n",
      "  start: 2023-06-01T00:00\n  end: 2023-06-03T00:00\n");
  const ParkModel model = compile_park(read_scenario_text(text, "p.yaml"));
  testing::TempDir dir;
  const std::filesystem::path path = dir.path() / "ledger.h5";
  const RunResult result = run_with_trace(model, path);

  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const std::vector<std::string> line = read_strings(file, "carbon_ledger/line");
  const std::vector<std::string> kind = read_strings(file, "carbon_ledger/kind");
  const std::vector<std::string> area = read_strings(file, "carbon_ledger/area");
  const std::vector<double> co2_kg = read_doubles(file, "carbon_ledger/co2_kg");
  for (const char* name : {"line", "kind", "area", "co2_kg"}) {
    const Dataset d(file, std::string("carbon_ledger/") + name);
    CHECK_FALSE(d.attribute("description").empty());
    CHECK(d.attribute("unit") == (std::string(name) == "co2_kg" ? "kg" : ""));
  }
  H5Fclose(file);

  CHECK(line == std::vector<std::string>{"grid electricity", "green space: 滨海绿地",
                                         "recyclables: refrigerators (block_a)", "recyclables: paper",
                                         "offset: open_day"});
  CHECK(kind == std::vector<std::string>{"emission", "sink", "recycling", "recycling", "offset"});
  CHECK(area == std::vector<std::string>{"", "", "block_a", "", ""});
  REQUIRE(co2_kg.size() == 5);
  // 100 kW for two days at East China's 0.5617 kg/kWh.
  CHECK(co2_kg[0] == kpi_value(result.kpis, "co2_kg"));
  CHECK(co2_kg[0] == Approx(4800 * 0.5617).epsilon(1e-9));
  CHECK(co2_kg[1] == Approx(-5000 * 1.5 * 2 / 365).epsilon(1e-12));
  CHECK(co2_kg[2] == Approx(-59.63).epsilon(1e-9));
  CHECK(co2_kg[3] == -50);
  CHECK(co2_kg[4] == -300);
  CHECK(std::accumulate(co2_kg.begin(), co2_kg.end(), 0.0) ==
        Approx(kpi_value(result.kpis, "ledger_net_co2_kg")).epsilon(1e-12));
}

TEST_CASE("carbon account KPIs equal the attribution recomputed from the trace's rows", "[trace][carbon]") {
  // The shipped Shenzhen park (V2G and super chargers, chillers, a battery, two lines) over a
  // summer fortnight, with its own accounts: tower and charging_yard (valley credit 0.1 kg/kWh).
  ParkSpec spec =
      read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/shenzhen_futian_power_building.yaml");
  RunOverrides overrides;
  overrides.start_iso = "2023-07-03T00:00";
  overrides.end_iso = "2023-07-17T00:00";
  apply_overrides(spec, overrides);
  const ParkModel model = compile_park(spec);
  REQUIRE(model.carbon_ledger.accounts.size() == 2);
  testing::TempDir dir;
  const std::filesystem::path path = dir.path() / "shenzhen.h5";
  const RunResult result = run_with_trace(model, path);

  // The rule, from the file alone: every component's power_kw < 0 draws, plus the lines' losses.
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const std::vector<double> duration_s = read_doubles(file, "time/duration_s");
  const std::string grid = "components/" + model.grid.name + "/";
  const std::vector<double> grid_kw = read_doubles(file, grid + "power_kw");
  const std::vector<double> price = read_doubles(file, grid + "price_cny_per_kwh");
  const std::vector<double> factor = read_doubles(file, grid + "carbon_kg_per_kwh");
  const std::vector<double> period = read_doubles(file, grid + "tariff_period");
  std::map<std::string, std::vector<double>> draw_kw;
  const auto add_draws = [&](const auto& components) {
    for (const auto& c : components) {
      std::vector<double> p = read_doubles(file, "components/" + c.name + "/power_kw");
      for (double& x : p) x = x < 0 ? -x : 0.0;
      draw_kw[c.name] = p;
    }
  };
  add_draws(model.loads);
  add_draws(model.data_centres);
  add_draws(model.heat_pumps);
  add_draws(model.ev_chargers);
  add_draws(model.batteries);
  add_draws(model.electrolysers);
  std::vector<double> losses(duration_s.size(), 0.0);
  for (const LineModel& l : model.lines) {
    const std::vector<double> sent = read_doubles(file, "lines/" + l.name + "/sent_kw");
    const std::vector<double> received = read_doubles(file, "lines/" + l.name + "/received_kw");
    for (std::size_t r = 0; r < losses.size(); ++r) losses[r] += sent[r] - received[r];
  }
  for (double& x : losses) x = std::max(x, 0.0);
  draw_kw["line_losses"] = losses;
  H5Fclose(file);

  const std::map<std::string, std::vector<std::string>> members = {
      {"tower", {"offices", "dispatch_it_room", "hp_air_source", "chiller_1", "chiller_2"}},
      {"charging_yard", {"v2g_staff", "super_chargers"}}};
  const auto& names = model.grid.tariff.period_names;
  const double valley = static_cast<double>(std::find(names.begin(), names.end(), "valley") - names.begin());
  double all_co2_kg = 0;
  for (const auto& [account, list] : members) {
    double co2_kg = 0, cost_cny = 0, credit_kg = 0;
    for (std::size_t r = 0; r < duration_s.size(); ++r) {
      double total_kw = 0, member_kw = 0;
      for (const auto& [name, kw] : draw_kw) total_kw += kw[r];
      for (const std::string& m : list) member_kw += draw_kw.at(m)[r];
      const double import_kwh = std::max(grid_kw[r], 0.0) * duration_s[r] / 3600;
      if (total_kw > 0) {
        co2_kg += import_kwh * factor[r] * member_kw / total_kw;
        cost_cny += import_kwh * price[r] * member_kw / total_kw;
      }
      if (account == "charging_yard" && period[r] == valley) credit_kg += member_kw * duration_s[r] / 3600 * 0.1;
    }
    INFO(account);
    CHECK(co2_kg > 0);
    CHECK(co2_kg == Approx(kpi_value(result.kpis, "account_co2_kg." + account)).epsilon(1e-9));
    CHECK(cost_cny == Approx(kpi_value(result.kpis, "account_cost_cny." + account)).epsilon(1e-9));
    CHECK(credit_kg == Approx(kpi_value(result.kpis, "account_credit_kg_co2." + account)).epsilon(1e-9).margin(1e-12));
    all_co2_kg += co2_kg;
  }
  CHECK(kpi_value(result.kpis, "account_credit_kg_co2.charging_yard") > 0);
  CHECK(all_co2_kg < kpi_value(result.kpis, "co2_kg"));  // the battery and the losses are in no account
}

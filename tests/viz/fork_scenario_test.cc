// Saving a what-if fork as a scenario YAML: the saved file compiles to the forked model and runs
// to the same KPIs as the edit applied to the original from the start.
#include "fork_scenario.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "what_if.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using namespace zeropark::view;

namespace {

std::filesystem::path scenario_path(const std::string& name) {
  return std::filesystem::path(ZEROPARK_SOURCE_DIR) / "scenarios" / (name + ".yaml");
}

// The scenario cut to a few days (runs stay short), read as if from its own file so relative
// paths resolve there; the first PV array gets an explicit AC rating so its scaling is covered.
ParkModel short_original(const std::string& name, const std::string& end = "2023-01-04T00:00") {
  std::ifstream in(scenario_path(name));
  std::ostringstream text;
  text << in.rdbuf();
  YAML::Node root = YAML::Load(text.str());
  root["simulation"]["end"] = end;
  root["pv"][0]["ac_capacity_kw"] = root["pv"][0]["dc_capacity_kw"].as<double>() / 1.1;
  YAML::Emitter out;
  out << root;
  return compile_park(read_scenario_text(out.c_str(), scenario_path(name)));
}

// A fresh folder away from the scenario's, so the saved file's inputs resolve only if its paths
// were made absolute.
std::filesystem::path scratch_folder() {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "zeropark_fork_scenario_test";
  std::filesystem::create_directories(dir);
  return dir;
}

ParkModel saved_and_read_back(const ParkModel& original, const WhatIfEdit& edit, const std::string& file) {
  const std::filesystem::path path = scratch_folder() / file;
  save_fork_scenario(original, edit, path);
  return compile_park(read_scenario_file(path));
}

void check_same_kpis(const KpiTable& a, const KpiTable& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(a[i].key);
    CHECK(a[i].key == b[i].key);
    CHECK(a[i].value == Approx(b[i].value).epsilon(1e-9).margin(1e-9));
  }
}

RunOptions without_baseline() {
  RunOptions options;
  options.with_baseline = false;
  return options;
}

// The fields no edit touches.
void check_unchanged(const ParkModel& saved, const ParkModel& original) {
  CHECK(saved.end_tick == original.end_tick);
  CHECK(saved.buses.size() == original.buses.size());
  CHECK(saved.loads.size() == original.loads.size());
  CHECK(saved.lines.size() == original.lines.size());
  CHECK(saved.grid.import_limit_kw == original.grid.import_limit_kw);
  CHECK(saved.grid.carbon_kg_per_kwh_hourly == original.grid.carbon_kg_per_kwh_hourly);
  for (std::size_t i = 0; i < original.batteries.size(); ++i) {
    CHECK(saved.batteries[i].charge_efficiency == original.batteries[i].charge_efficiency);
    CHECK(saved.batteries[i].bus == original.batteries[i].bus);
  }
}

}  // namespace

TEST_CASE("a saved fork with a bigger battery compiles to the forked model", "[viz][fork]") {
  const ParkModel original = short_original("baoshan_carbon_zero_park");
  WhatIfEdit edit;
  edit.battery_capacity_scale = 3;
  const ParkModel forked = apply_edit(original, edit);
  const ParkModel saved = saved_and_read_back(original, edit, "capacity.yaml");
  CHECK(saved.name == "baoshan_carbon_zero_park_fork");
  REQUIRE(saved.batteries.size() == forked.batteries.size());
  for (std::size_t i = 0; i < forked.batteries.size(); ++i) {
    CHECK(saved.batteries[i].capacity_kwh == Approx(forked.batteries[i].capacity_kwh));
    CHECK(saved.batteries[i].capacity_kwh == Approx(3 * original.batteries[i].capacity_kwh));
    CHECK(saved.batteries[i].energy_min_kwh == Approx(forked.batteries[i].energy_min_kwh));
    CHECK(saved.batteries[i].energy_max_kwh == Approx(forked.batteries[i].energy_max_kwh));
    CHECK(saved.batteries[i].energy_initial_kwh == Approx(forked.batteries[i].energy_initial_kwh));
    CHECK(saved.batteries[i].max_charge_kw == original.batteries[i].max_charge_kw);
  }
  for (std::size_t i = 0; i < original.pv_arrays.size(); ++i)
    CHECK(saved.pv_arrays[i].dc_capacity_kw == original.pv_arrays[i].dc_capacity_kw);
  CHECK(saved.controller == original.controller);
  check_unchanged(saved, original);
  check_same_kpis(run_park(saved, nullptr, without_baseline()).kpis,
                  run_park(forked, nullptr, without_baseline()).kpis);
}

TEST_CASE("a saved fork with more battery power compiles to the forked model", "[viz][fork]") {
  const ParkModel original = short_original("baoshan_carbon_zero_park");
  WhatIfEdit edit;
  edit.battery_power_scale = 0.5;
  const ParkModel forked = apply_edit(original, edit);
  const ParkModel saved = saved_and_read_back(original, edit, "power.yaml");
  for (std::size_t i = 0; i < forked.batteries.size(); ++i) {
    CHECK(saved.batteries[i].max_charge_kw == Approx(forked.batteries[i].max_charge_kw));
    CHECK(saved.batteries[i].max_discharge_kw == Approx(forked.batteries[i].max_discharge_kw));
    CHECK(saved.batteries[i].max_discharge_kw == Approx(0.5 * original.batteries[i].max_discharge_kw));
    CHECK(saved.batteries[i].capacity_kwh == original.batteries[i].capacity_kwh);
  }
  check_unchanged(saved, original);
  check_same_kpis(run_park(saved, nullptr, without_baseline()).kpis,
                  run_park(forked, nullptr, without_baseline()).kpis);
}

TEST_CASE("a saved fork with more PV scales DC and the AC rating where given", "[viz][fork]") {
  const ParkModel original = short_original("baoshan_carbon_zero_park");
  WhatIfEdit edit;
  edit.pv_scale = 1.5;
  const ParkModel forked = apply_edit(original, edit);
  const ParkModel saved = saved_and_read_back(original, edit, "pv.yaml");
  REQUIRE(saved.pv_arrays.size() == forked.pv_arrays.size());
  for (std::size_t i = 0; i < forked.pv_arrays.size(); ++i) {
    INFO(forked.pv_arrays[i].name);
    CHECK(saved.pv_arrays[i].dc_capacity_kw == Approx(forked.pv_arrays[i].dc_capacity_kw));
    CHECK(saved.pv_arrays[i].ac_capacity_kw == Approx(forked.pv_arrays[i].ac_capacity_kw));
    CHECK(saved.pv_arrays[i].dc_capacity_kw == Approx(1.5 * original.pv_arrays[i].dc_capacity_kw));
  }
  for (std::size_t i = 0; i < original.batteries.size(); ++i)
    CHECK(saved.batteries[i].capacity_kwh == original.batteries[i].capacity_kwh);
  check_unchanged(saved, original);
  check_same_kpis(run_park(saved, nullptr, without_baseline()).kpis,
                  run_park(forked, nullptr, without_baseline()).kpis);
}

TEST_CASE("a fork with dearer energy scales every period's price and the export price, and saves them", "[viz][fork]") {
  const ParkModel original = short_original("baoshan_carbon_zero_park");
  WhatIfEdit edit;
  edit.tariff_scale = 1.5;
  CHECK(edit.label() == "prices x1.5");
  const ParkModel forked = apply_edit(original, edit);
  const ParkModel saved = saved_and_read_back(original, edit, "prices.yaml");
  const TariffModel& before = original.grid.tariff;
  REQUIRE(forked.grid.tariff.seasons.size() == before.seasons.size());
  for (std::size_t s = 0; s < before.seasons.size(); ++s)
    for (std::size_t k = 0; k < before.seasons[s].segments.size(); ++k) {
      const double price = before.seasons[s].segments[k].price_cny_per_kwh;
      CHECK(forked.grid.tariff.seasons[s].segments[k].price_cny_per_kwh == Approx(1.5 * price));
      CHECK(saved.grid.tariff.seasons[s].segments[k].price_cny_per_kwh == Approx(1.5 * price));
    }
  CHECK(saved.grid.tariff.export_price_cny_per_kwh == Approx(1.5 * before.export_price_cny_per_kwh));
  CHECK(saved.grid.tariff.demand_charge_cny_per_kw_month == before.demand_charge_cny_per_kw_month);
  check_unchanged(saved, original);
  const KpiTable forked_kpis = run_park(forked, nullptr, without_baseline()).kpis;
  check_same_kpis(run_park(saved, nullptr, without_baseline()).kpis, forked_kpis);
  double energy_cost = 0, original_cost = 0;
  for (const Kpi& k : forked_kpis)
    if (k.key == "energy_cost_cny") energy_cost = k.value;
  for (const Kpi& k : run_park(original, nullptr, without_baseline()).kpis)
    if (k.key == "energy_cost_cny") original_cost = k.value;
  CHECK(energy_cost > original_cost);  // self_consumption does not look at prices: 1.5 × the cost
  CHECK(energy_cost == Approx(1.5 * original_cost).epsilon(1e-9));
}

TEST_CASE("a saved fork with another controller names it in the scenario", "[viz][fork]") {
  const ParkModel original = short_original("baoshan_carbon_zero_park");
  WhatIfEdit edit;
  edit.controller = "tou_arbitrage";
  REQUIRE(original.controller != edit.controller);
  const ParkModel forked = apply_edit(original, edit);
  const ParkModel saved = saved_and_read_back(original, edit, "controller.yaml");
  CHECK(saved.controller == "tou_arbitrage");
  CHECK(saved.controller_plugin.empty());
  CHECK(saved.local_controllers.size() == forked.local_controllers.size());
  for (std::size_t i = 0; i < original.batteries.size(); ++i)
    CHECK(saved.batteries[i].capacity_kwh == original.batteries[i].capacity_kwh);
  check_unchanged(saved, original);
  const KpiTable saved_kpis = run_park(saved, nullptr, without_baseline()).kpis;
  check_same_kpis(saved_kpis, run_park(forked, nullptr, without_baseline()).kpis);
  // The controller did change something, or the equality above says nothing about it.
  const KpiTable original_kpis = run_park(original, nullptr, without_baseline()).kpis;
  CHECK(kpi_value(saved_kpis, "net_cost_cny") != Approx(kpi_value(original_kpis, "net_cost_cny")).epsilon(1e-6));
}

TEST_CASE("a saved fork of a park with EV sessions runs from another folder", "[viz][fork]") {
  // Shenzhen's chargers read a sessions CSV and its loads profile CSVs, all relative paths.
  const ParkModel original = short_original("shenzhen_futian_power_building", "2023-02-03T00:00");
  WhatIfEdit edit;
  edit.battery_capacity_scale = 2;
  edit.battery_power_scale = 1.5;
  edit.pv_scale = 0.75;
  edit.controller = "peak_shaving";
  const std::filesystem::path path = scratch_folder() / "shenzhen.yaml";
  save_fork_scenario(original, edit, path);
  const std::string text = [&] {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }();
  CHECK(text.find("../assets") == std::string::npos);
  const ParkModel saved = compile_park(read_scenario_text(text, path));
  const ParkModel forked = apply_edit(original, edit);
  CHECK(saved.controller == "peak_shaving");
  check_unchanged(saved, original);
  check_same_kpis(run_park(saved, nullptr, without_baseline()).kpis,
                  run_park(forked, nullptr, without_baseline()).kpis);
}

TEST_CASE("saving a fork reports a path it cannot write and refuses a bad edit", "[viz][fork]") {
  const ParkModel original = short_original("baoshan_carbon_zero_park");
  WhatIfEdit edit;
  edit.pv_scale = 2;
  const std::filesystem::path nowhere = scratch_folder() / "no_such_folder" / "fork.yaml";
  CHECK_THROWS_WITH(save_fork_scenario(original, edit, nowhere), Catch::Contains("no_such_folder"));
  CHECK_FALSE(std::filesystem::exists(nowhere));
  edit.pv_scale = 0;
  CHECK_THROWS_AS(fork_scenario_text(original, edit), std::invalid_argument);
  edit.pv_scale = 1;
  edit.controller = "no_such_controller";
  CHECK_THROWS_AS(fork_scenario_text(original, edit), std::invalid_argument);
  CHECK(default_fork_file(original) == "baoshan_carbon_zero_park_fork.yaml");
}

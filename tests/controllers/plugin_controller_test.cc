// Controller plug-ins: the example loads by path and decides exactly as the built-in it mirrors,
// the ABI carries the park, settings, memory and errors intact, and every way a plug-in can be
// unusable fails to load with a message that says which file and what is wrong.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstring>

#include "controllers/park_runs.h"
#include "controllers/plugin_controller.h"
#include "controllers/self_consumption.h"
#include "kernel/plant.h"
#include "support/temp_dir.h"
#include "zeropark/kpi.h"
#include "zeropark/zeropark_controller.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

const std::string kExample = ZEROPARK_EXAMPLE_PLUGIN;
const std::string kProbe = ZEROPARK_TEST_PLUGIN_PROBE;

// A second battery whose charge and discharge ratings differ, so sharing by rating shows.
const std::string kSecondBattery =
    "  - name: small_battery\n"
    "    bus: main\n"
    "    capacity_kwh: 120\n"
    "    max_charge_kw: 30\n"
    "    max_discharge_kw: 60\n"
    "    soc_initial: 0.5\n";

// A V2G group and a charging-only one, with the same sessions.
std::string ev_groups(const std::string& sessions_csv) {
  return "ev_chargers:\n"
         "  - name: v2g_points\n"
         "    bus: main\n"
         "    count: 10\n"
         "    max_power_kw: 7\n"
         "    bidirectional: yes\n"
         "    sessions: " +
         sessions_csv +
         "\n"
         "  - name: chargers\n"
         "    bus: main\n"
         "    count: 4\n"
         "    max_power_kw: 11\n"
         "    sessions: " +
         sessions_csv + "\n";
}

const std::string kPv =
    "pv:\n"
    "  - name: roof\n"
    "    bus: main\n"
    "    dc_capacity_kw: 300\n"
    "    tilt_deg: 22\n"
    "    azimuth_deg: 180\n";

// Equal entry by entry, NaN matching NaN (NaN means "the device's own rule").
bool same(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

// The plant's set-points are the command's, with a missing entry read as the device's own rule
// (sim/src/kernel/plant.cc, Plant::apply): compare commands the way the plant reads them.
std::vector<double> as_applied(const std::vector<double>& setpoints, std::size_t devices, double own_rule) {
  std::vector<double> applied(devices, own_rule);
  for (std::size_t i = 0; i < devices && i < setpoints.size(); ++i) applied[i] = setpoints[i];
  return applied;
}

void check_same_command(const ParkModel& model, const Command& built_in, const Command& plugin) {
  const double follow = std::nan("");
  CHECK(same(as_applied(built_in.battery_setpoint_kw, model.batteries.size(), 0.0),
             as_applied(plugin.battery_setpoint_kw, model.batteries.size(), 0.0)));
  CHECK(same(as_applied(built_in.ev_setpoint_kw, model.ev_chargers.size(), follow),
             as_applied(plugin.ev_setpoint_kw, model.ev_chargers.size(), follow)));
  CHECK(same(as_applied(built_in.thermal_storage_setpoint_kw, model.thermal_storages.size(), follow),
             as_applied(plugin.thermal_storage_setpoint_kw, model.thermal_storages.size(), follow)));
  CHECK(same(as_applied(built_in.electrolyser_setpoint_kw, model.electrolysers.size(), follow),
             as_applied(plugin.electrolyser_setpoint_kw, model.electrolysers.size(), follow)));
  CHECK(same(as_applied(built_in.fuel_cell_setpoint_kw, model.fuel_cells.size(), follow),
             as_applied(plugin.fuel_cell_setpoint_kw, model.fuel_cells.size(), follow)));
}

// The message load_plugin_controller throws for `path`.
std::string load_error(const std::string& path) {
  try {
    load_plugin_controller(path);
  } catch (const PluginError& e) {
    return e.what();
  }
  return "(loaded without error)";
}

// Runs the plant without SimGrid as the kernel does (sim/src/kernel/run.cc): observe, decide,
// apply, advance to the next decision. Returns the KPI table; `state` is the final state.
KpiTable run_with(const ParkModel& model, const Controller& controller, ParkState& state, double& decide_s) {
  KpiAccumulator kpis;
  state = initial_state(model);
  state.controller_memory.assign(controller.memory_size(model), 0.0);
  Plant plant(model, state, kpis);
  plant.begin();
  Command command;
  decide_s = 0;
  while (!plant.done()) {
    const Observation observation = plant.observe();
    const auto t0 = std::chrono::steady_clock::now();
    controller.decide(model, observation, state.controller_memory, command);
    decide_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    plant.apply(command);
    state.next_decision_tick = std::min(state.tick + model.decision_interval_s, model.end_tick);
    plant.advance_to(state.next_decision_tick);
  }
  plant.finish();
  return kpis.table();
}

}  // namespace

TEST_CASE("the example plug-in loads by path with its name, no settings and no memory", "[plugin]") {
  const ParkModel model = park(shanghai_tariff() + battery_400kwh(), winter_week("self_consumption"));
  const std::unique_ptr<Controller> controller = load_plugin_controller(kExample);
  REQUIRE(controller);
  CHECK(controller->name() == "self_consumption_plugin");
  CHECK(controller->settings().empty());
  CHECK(controller->memory_size(model) == 0);
}

TEST_CASE("the example plug-in decides exactly as the built-in self_consumption", "[plugin]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(4, 8, 9, 10));
  const ParkModel model =
      park(shanghai_tariff() + battery_400kwh() + kSecondBattery + ev_groups((dir.path() / "sessions.csv").string()),
           winter_week("self_consumption"));
  REQUIRE(model.batteries.size() == 2);
  REQUIRE(model.ev_chargers.size() == 2);
  const SelfConsumptionController built_in;
  const std::unique_ptr<Controller> plugin = load_plugin_controller(kExample);
  ObservationData data;
  data.battery_energy_kwh = {200, 60};
  data.ev_plugged = {3, 1};
  data.ev_energy_needed_kwh = {25, 10};
  data.ev_charge_limit_kw = {21, 11};
  data.ev_forced_kw = {0, 0};
  data.ev_v2g_limit_kw = {21, 0};
  // Deficits and surpluses, an exact zero, and a value whose shares do not divide evenly.
  for (const double net_demand_kw : {150.0, -80.0, 0.0, 37.3, -1e-9, 2500.0}) {
    CAPTURE(net_demand_kw);
    Command expected, got;
    built_in.decide(model, data.view(9 * 3600, net_demand_kw, 0.65), {}, expected);
    plugin->decide(model, data.view(9 * 3600, net_demand_kw, 0.65), {}, got);
    check_same_command(model, expected, got);
    CHECK(got.battery_setpoint_kw.size() == 2);
    CHECK(std::isnan(got.ev_setpoint_kw[1]));  // the charging-only group keeps its own rule
  }
  // A park with nothing to dispatch: both leave every device to its own rule.
  const ParkModel bare = park(shanghai_tariff(), winter_week("self_consumption"));
  Command expected, got;
  built_in.decide(bare, ObservationData{}.view(0, 50, 0.3), {}, expected);
  plugin->decide(bare, ObservationData{}.view(0, 50, 0.3), {}, got);
  check_same_command(bare, expected, got);
}

TEST_CASE("a week of the plant driven by the example plug-in gives the built-in's KPIs and final state exactly",
          "[plugin][run]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(4, 8, 9, 20));
  const ParkModel model = park(
      shanghai_tariff() + kPv + battery_400kwh() + kSecondBattery + ev_groups((dir.path() / "sessions.csv").string()),
      winter_week("self_consumption"));
  const SelfConsumptionController built_in;
  const std::unique_ptr<Controller> plugin = load_plugin_controller(kExample);
  ParkState built_in_state, plugin_state;
  double built_in_s = 0, plugin_s = 0;
  const KpiTable expected = run_with(model, built_in, built_in_state, built_in_s);
  const KpiTable got = run_with(model, *plugin, plugin_state, plugin_s);
  REQUIRE(expected.size() == got.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CAPTURE(expected[k].key);
    CHECK(got[k].key == expected[k].key);
    CHECK(got[k].value == expected[k].value);  // bit for bit, not approximately
  }
  CHECK(hash_state(plugin_state) == hash_state(built_in_state));
  // The run must have exercised the batteries both ways, or equality would prove little.
  CHECK(kpi_value(expected, "battery_discharged_kwh") > 100);
  CHECK(kpi_value(expected, "battery_charged_kwh") > 100);
  CHECK(kpi_value(expected, "ev_v2g_returned_kwh") > 10);
  const double decisions = static_cast<double>(model.end_tick / model.decision_interval_s);
  WARN("decide, mean over " << decisions << " decisions: built-in " << 1e6 * built_in_s / decisions
                            << " us, plug-in (park description rebuilt each call) " << 1e6 * plugin_s / decisions
                            << " us");
}

TEST_CASE("a scenario naming the example plug-in runs a week to the built-in's KPIs", "[plugin][run]") {
  // Through the whole path: simulation.controller_plugin in the scenario text, compile_park, the
  // kernel's make_park_controller and the SimGrid run, against simulation.controller.
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(4, 8, 9, 20));
  const std::string devices =
      shanghai_tariff() + kPv + battery_400kwh() + kSecondBattery + ev_groups((dir.path() / "sessions.csv").string());
  const std::string week = "  start: 2023-01-02T00:00\n  end: 2023-01-09T00:00\n";
  const ParkModel built_in_model = park(devices, week + "  controller: self_consumption\n");
  const ParkModel plugin_model = park(devices, week + "  controller_plugin: " + kExample + "\n");
  REQUIRE(plugin_model.controller_plugin == kExample);
  const RunResult expected = run(built_in_model);
  const RunResult got = run(plugin_model);
  REQUIRE(expected.kpis.size() == got.kpis.size());
  for (std::size_t k = 0; k < expected.kpis.size(); ++k) {
    CAPTURE(expected.kpis[k].key);
    CHECK(got.kpis[k].key == expected.kpis[k].key);
    CHECK(got.kpis[k].value == expected.kpis[k].value);
  }
  CHECK(got.events == expected.events);
  CHECK(hash_state(got.final_state) == hash_state(expected.final_state));
  CHECK(kpi_value(expected.kpis, "battery_discharged_kwh") > 100);
  CHECK(kpi_value(expected.kpis, "ev_v2g_returned_kwh") > 10);
}

TEST_CASE("the ABI carries settings, the park, its tariff and carbon, local time and memory", "[plugin]") {
  ParkModel model = park(shanghai_tariff() + battery_400kwh(), winter_week("self_consumption"));
  model.controller_settings["gain"] = 3;  // as a scenario's controller_settings would set it
  const std::unique_ptr<Controller> probe = load_plugin_controller(kProbe);
  CHECK(probe->name() == "probe");
  const std::vector<ControllerSetting> settings = probe->settings();
  REQUIRE(settings.size() == 2);
  CHECK(settings[0].key == "gain");
  CHECK(settings[0].default_value == 2);
  CHECK(settings[0].min == 0);
  CHECK(settings[0].max == 10);
  CHECK(settings[0].description == "Scales the battery set-points.");
  CHECK(settings[1].key == "fail_above_kw");
  CHECK(probe->memory_size(model) == 4 + 1);  // 4 + one battery: the plug-in saw the park

  std::vector<double> memory(probe->memory_size(model), 0.0);
  ObservationData data;
  data.battery_energy_kwh = {200};
  Command command;
  // Monday 2 January 2023, 19:30: Shanghai's winter critical peak (1.25 CNY/kWh).
  const Tick tick = 19 * 3600 + 30 * 60;
  probe->decide(model, data.view(tick, 120, 1.25), memory, command);
  probe->decide(model, data.view(tick, 120, 1.25), memory, command);
  CHECK(memory[0] == 2);  // the memory is the host's and persists between decisions
  CHECK(memory[1] == 3);  // the scenario's value, not the default
  CHECK(memory[2] == 1.25);
  const int hour = 19;  // the typical year's first day is 1 January: 2 January 19:00 is hour 24 + 19
  CHECK(memory[3] == model.grid.carbon_kg_per_kwh_hourly[static_cast<std::size_t>(24 + hour)]);
  CHECK(memory[4] == Approx(0.95 * 400 - 200));
  REQUIRE(command.battery_setpoint_kw.size() == 1);
  CHECK(command.battery_setpoint_kw[0] == 3 * 400);
  CHECK(command.ev_setpoint_kw.empty());
  // A NaN battery set-point is the battery's own rule, idle: the host hands the plant 0.
  model.controller_settings["gain"] = 0;
  probe->decide(model, data.view(tick, 120, 1.25), memory, command);
  CHECK(command.battery_setpoint_kw[0] == 0);
}

TEST_CASE("a plug-in's decide error surfaces as an exception carrying its message", "[plugin]") {
  ParkModel model = park(shanghai_tariff() + battery_400kwh(), winter_week("self_consumption"));
  model.controller_settings["fail_above_kw"] = 500;
  const std::unique_ptr<Controller> probe = load_plugin_controller(kProbe);
  std::vector<double> memory(probe->memory_size(model), 0.0);
  ObservationData data;
  data.battery_energy_kwh = {200};
  Command command;
  CHECK_NOTHROW(probe->decide(model, data.view(3600, 400, 0.3), memory, command));
  CHECK_THROWS_AS(probe->decide(model, data.view(7200, 600, 0.3), memory, command), std::runtime_error);
  CHECK_THROWS_WITH(probe->decide(model, data.view(7200, 600, 0.3), memory, command),
                    Catch::Contains("controller plug-in 'probe'") && Catch::Contains(kProbe) &&
                        Catch::Contains("at tick 7200") &&
                        Catch::Contains("net demand 600 kW is above fail_above_kw 500"));
  // Too little memory is the host's error, caught before the plug-in could write past it.
  std::vector<double> short_memory(2, 0.0);
  CHECK_THROWS_WITH(probe->decide(model, data.view(0, 100, 0.3), short_memory, command),
                    Catch::Contains("needs 5 doubles of memory, was given 2"));
}

TEST_CASE("loading a plug-in that does not exist names the path", "[plugin]") {
  TempDir dir;
  const std::string path = (dir.path() / "libnowhere.so").string();
  const std::string message = load_error(path);
  CHECK_THAT(message, Catch::Contains("controller plug-in '" + path + "'") && Catch::Contains("no such file"));
}

TEST_CASE("loading a file that is not a shared library reports dlopen's reason", "[plugin]") {
  TempDir dir;
  const std::string path = dir.write("libnot_a_library.so", "this is text, not ELF\n").string();
  const std::string message = load_error(path);
  CHECK_THAT(message, Catch::Contains("controller plug-in '" + path + "'") &&
                          Catch::Contains("not a loadable shared library") &&
                          Catch::Contains("libnot_a_library.so:"));  // dlerror's text names the file
  // A folder is no library either.
  CHECK_THAT(load_error(dir.path().string()), Catch::Contains("not a loadable shared library"));
}

TEST_CASE("loading a plug-in without an entry point names the missing symbol", "[plugin]") {
  const std::string path = ZEROPARK_TEST_PLUGIN_MISSING_DECIDE;
  CHECK_THAT(load_error(path), Catch::Contains("controller plug-in '" + path + "'") &&
                                   Catch::Contains("missing symbol 'zp_controller_decide'"));
}

TEST_CASE("loading a plug-in built for another ABI version says which it found and expected", "[plugin]") {
  const std::string path = ZEROPARK_TEST_PLUGIN_WRONG_ABI;
  const std::string expected = "wrong ABI version: found " + std::to_string(ZEROPARK_CONTROLLER_ABI_VERSION + 1) +
                               ", expected " + std::to_string(ZEROPARK_CONTROLLER_ABI_VERSION);
  CHECK_THAT(load_error(path), Catch::Contains("controller plug-in '" + path + "'") && Catch::Contains(expected));
}

TEST_CASE("loading a plug-in with a malformed setting names the setting and the fault", "[plugin]") {
  SECTION("an empty key") {
    const std::string path = ZEROPARK_TEST_PLUGIN_EMPTY_KEY;
    CHECK_THAT(load_error(path),
               Catch::Contains("controller plug-in '" + path + "'") && Catch::Contains("setting 1 has an empty key"));
  }
  SECTION("min above max") {
    CHECK_THAT(load_error(ZEROPARK_TEST_PLUGIN_MIN_ABOVE_MAX),
               Catch::Contains("setting 1 'target_import_kw': min 100 is greater than max 10"));
  }
  SECTION("a default outside its range") {
    CHECK_THAT(load_error(ZEROPARK_TEST_PLUGIN_DEFAULT_OUTSIDE),
               Catch::Contains("setting 1 'target_import_kw': default 500 is outside [0, 100]"));
  }
}

TEST_CASE("plug-ins loaded together keep their own entry points, and settings outlive them", "[plugin]") {
  const ParkModel model = park(shanghai_tariff() + battery_400kwh(), winter_week("self_consumption"));
  std::vector<ControllerSetting> settings;
  {
    const std::unique_ptr<Controller> example = load_plugin_controller(kExample);
    const std::unique_ptr<Controller> probe = load_plugin_controller(kProbe);
    const std::unique_ptr<Controller> probe_again = load_plugin_controller(kProbe);
    CHECK(example->name() == "self_consumption_plugin");
    CHECK(probe->name() == "probe");
    CHECK(example->memory_size(model) == 0);
    CHECK(probe->memory_size(model) == 5);
    settings = probe->settings();
  }
  // The libraries may be unloaded now; the settings' strings are the host's copies.
  REQUIRE(settings.size() == 2);
  CHECK(settings[1].key == "fail_above_kw");
  CHECK(settings[1].description == "Net demand above which decide reports an error.");
}

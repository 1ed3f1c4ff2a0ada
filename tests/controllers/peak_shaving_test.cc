// peak_shaving: import stays under its target while the battery can hold it there.
#include <catch2/catch.hpp>

#include <cmath>

#include "controllers/park_runs.h"
#include "controllers/peak_shaving.h"
#include "support/temp_dir.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

const std::string kOfficeLoad =
    "  - name: offices\n"
    "    bus: main\n"
    "    profile: office\n"
    "    peak_kw: 80\n";

std::string ev_group(const std::string& sessions_csv) {
  return "ev_chargers:\n"
         "  - name: chargers\n"
         "    bus: main\n"
         "    count: 2\n"
         "    max_power_kw: 7\n"
         "    sessions: " +
         sessions_csv + "\n";
}

}  // namespace

TEST_CASE("peak_shaving discharges the excess over its target and recharges in the headroom", "[controllers][peak]") {
  const ParkModel model = park(shanghai_tariff() + battery_400kwh() + "controller_settings:\n  target_import_kw: 150\n",
                               winter_week("peak_shaving"));
  PeakShavingController controller;
  std::vector<double> memory(controller.memory_size(model), 0.0);
  ObservationData data;
  data.battery_energy_kwh = {200};
  Command command;
  controller.decide(model, data.view(12 * 3600, 200, 0.65), memory, command);
  CHECK(command.battery_setpoint_kw[0] == Approx(50));
  controller.decide(model, data.view(12 * 3600, 120, 0.65), memory, command);
  CHECK(command.battery_setpoint_kw[0] == Approx(-30));  // 30 kW of headroom
  controller.decide(model, data.view(19 * 3600, 120, 1.25), memory, command);
  CHECK(command.battery_setpoint_kw[0] == 0);  // never recharge in the day's most expensive period
  controller.decide(model, data.view(3 * 3600, -50, 0.30), memory, command);
  CHECK(command.battery_setpoint_kw[0] == Approx(-100));  // 200 kW of headroom, 100 kW of battery
}

TEST_CASE("peak_shaving holds an EV group back when net demand is over target", "[controllers][peak]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(2, 8, 9, 10));
  const ParkModel model = park(shanghai_tariff() + ev_group((dir.path() / "sessions.csv").string()) +
                                   "controller_settings:\n  target_import_kw: 150\n",
                               winter_week("peak_shaving"));
  PeakShavingController controller;
  std::vector<double> memory(controller.memory_size(model), 0.0);
  ObservationData data;
  data.ev_charge_limit_kw = {14};
  data.ev_forced_kw = {0};
  Command command;
  controller.decide(model, data.view(12 * 3600, 160, 0.65), memory, command);
  CHECK(command.ev_setpoint_kw[0] == 0);
  controller.decide(model, data.view(12 * 3600, 140, 0.65), memory, command);
  CHECK(std::isnan(command.ev_setpoint_kw[0]));
}

TEST_CASE("peak_shaving remembers the month's running maximum import", "[controllers][peak]") {
  const ParkModel model = park(shanghai_tariff() + battery_400kwh(), winter_week("peak_shaving"));
  PeakShavingController controller;
  std::vector<double> memory(controller.memory_size(model), 0.0);
  ObservationData data;
  data.battery_energy_kwh = {200};
  Command command;
  Observation o = data.view(0, 120, 0.30);
  controller.decide(model, o, memory, command);  // first decision: no peak known, hold at 120
  CHECK(command.battery_setpoint_kw[0] == 0);
  o = data.view(3600, 170, 0.30);
  o.grid_kw = 140;  // the last hour imported 140 kW: the target now
  controller.decide(model, o, memory, command);
  CHECK(memory[1] == 140);
  CHECK(command.battery_setpoint_kw[0] == Approx(30));
}

TEST_CASE("peak_shaving keeps a week's maximum demand at its target", "[controllers][peak][run]") {
  // 100 kW constant plus an 80 kW-peak office: up to 180 kW. Target 160 kW: the battery covers
  // at most 20 kW through office hours and refills in the night's 60 kW of headroom.
  const std::string settings = "controller_settings:\n  target_import_kw: 160\n";
  // minimal_scenario already opens `loads:`; append the office to it through the YAML text.
  std::string text = minimal_scenario(shanghai_tariff() + battery_400kwh(), winter_week("self_consumption"));
  const std::string office_after = "    peak_kw: 100\n";
  text.insert(text.find(office_after) + office_after.size(), kOfficeLoad);
  const RunResult base = run(compile_park(read_scenario_text(text, "base.yaml")));
  std::string shaved_text =
      minimal_scenario(shanghai_tariff() + battery_400kwh() + settings, winter_week("peak_shaving"));
  shaved_text.insert(shaved_text.find(office_after) + office_after.size(), kOfficeLoad);
  const RunResult shaved = run(compile_park(read_scenario_text(shaved_text, "shaved.yaml")));
  const double base_kw = kpi_value(base.kpis, "max_demand_kw");
  const double shaved_kw = kpi_value(shaved.kpis, "max_demand_kw");
  WARN("max_demand_kw: self_consumption " << base_kw << ", peak_shaving " << shaved_kw);
  CHECK(base_kw > 170);
  CHECK(shaved_kw <= 160 + 1e-6);
}

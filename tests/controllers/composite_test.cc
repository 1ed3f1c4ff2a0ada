// Controller composition: a supervisory controller with local controllers that own devices.
#include <catch2/catch.hpp>

#include <cmath>

#include "controllers/orderly_charging.h"
#include "controllers/park_runs.h"
#include "controllers/peak_shaving.h"
#include "support/temp_dir.h"
#include "zeropark/error.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

// Two charger groups and a battery: residents (local: orderly_charging) and visitors (the supervisor's).
std::string two_groups(const std::string& sessions_csv) {
  return "ev_chargers:\n"
         "  - {name: residents, bus: main, count: 10, max_power_kw: 7, sessions: " +
         sessions_csv +
         "}\n"
         "  - {name: visitors, bus: main, count: 4, max_power_kw: 7, sessions: " +
         sessions_csv + "}\n";
}

std::string compile_error(const std::string& extra, const std::string& simulation_extra = winter_week("peak_shaving")) {
  try {
    park(extra, simulation_extra);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a local controller's set-points replace the supervisor's for the devices it owns, and only those",
          "[controllers][composite]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(10, 18, 13, 20));
  const std::string sessions = (dir.path() / "sessions.csv").string();
  const ParkModel model =
      park(shanghai_tariff() + battery_400kwh() + two_groups(sessions) +
               "local_controllers:\n  - {controller: orderly_charging, devices: [residents]}\n"
               "controller_settings:\n  target_import_kw: 50\n  cheap_tolerance_cny_per_kwh: 0.02\n",
           winter_week("peak_shaving"));
  REQUIRE(model.local_controllers.size() == 1);
  CHECK(model.local_controllers[0].controller == "orderly_charging");
  CHECK(model.local_controllers[0].ev_chargers == std::vector<int>{0});
  const std::unique_ptr<Controller> composite = make_park_controller(model);
  const PeakShavingController supervisor;
  const OrderlyChargingController local;
  CHECK(composite->name() == "peak_shaving");
  REQUIRE(composite->memory_size(model) == supervisor.memory_size(model) + local.memory_size(model));
  CHECK(composite->settings().size() == 2);

  ObservationData data;
  data.battery_energy_kwh = {200};
  data.ev_plugged = {10, 4};
  data.ev_charge_limit_kw = {70, 28};
  data.ev_forced_kw = {0, 0};
  data.ev_energy_needed_kwh = {200, 80};
  data.ev_v2g_limit_kw = {0, 0};
  for (const auto& [tick, price] : {std::pair{23 * 3600, 0.30}, std::pair{19 * 3600, 1.25}}) {
    const Observation o = data.view(tick, 120, price);
    std::vector<double> memory(composite->memory_size(model), 0.0), alone(supervisor.memory_size(model), 0.0);
    Command together, by_supervisor, by_local;
    composite->decide(model, o, memory, together);
    supervisor.decide(model, o, alone, by_supervisor);
    local.decide(model, o, {}, by_local);
    CHECK(together.ev_setpoint_kw.size() == 2);
    CHECK(together.ev_setpoint_kw[0] == by_local.ev_setpoint_kw[0]);  // owned by orderly_charging
    const double visitors = by_supervisor.ev_setpoint_kw.size() > 1 ? by_supervisor.ev_setpoint_kw[1] : std::nan("");
    CHECK((std::isnan(visitors) ? std::isnan(together.ev_setpoint_kw[1]) : together.ev_setpoint_kw[1] == visitors));
    CHECK(together.battery_setpoint_kw == by_supervisor.battery_setpoint_kw);
    // The supervisor's memory slice is the one it would have alone.
    CHECK(std::vector<double>(memory.begin(), memory.begin() + static_cast<long>(alone.size())) == alone);
  }
}

TEST_CASE("a park with a local controller runs a week and records its controllers in the trace",
          "[controllers][composite][run]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(10, 18, 13, 20));
  const std::string sessions = (dir.path() / "sessions.csv").string();
  const ParkModel with_local =
      park(shanghai_tariff() + battery_400kwh() + two_groups(sessions) +
               "local_controllers:\n  - {controller: orderly_charging, devices: [residents, visitors]}\n",
           winter_week("self_consumption"));
  const ParkModel alone =
      park(shanghai_tariff() + battery_400kwh() + two_groups(sessions), winter_week("self_consumption"));
  PeriodLedger local_ledger, alone_ledger;
  const RunResult local_run = run(with_local, &local_ledger);
  run(alone, &alone_ledger);
  // Every car still leaves with its energy, and the local controller moves charging into the valley.
  CHECK(local_run.kpis.size() > 0);
  for (const Kpi& k : local_run.kpis)
    if (k.key == "ev_undelivered_kwh") CHECK(k.value == Approx(0).margin(1e-6));
  CHECK(local_ledger.in(with_local, local_ledger.ev_charge_kwh, "valley") >
        alone_ledger.in(alone, alone_ledger.ev_charge_kwh, "valley") + 100);
}

TEST_CASE("local controllers are checked at their lines", "[controllers][composite][errors]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(1, 18, 13, 20));
  const std::string groups = two_groups((dir.path() / "sessions.csv").string());
  CHECK_THAT(compile_error(groups + "local_controllers:\n  - {controller: orderly_charging, devices: [resident]}\n"),
             Catch::Contains("local_controllers[0].devices[0]") && Catch::Contains("named 'resident'"));
  CHECK_THAT(compile_error(battery_400kwh() + groups +
                           "local_controllers:\n  - {controller: orderly_charging, devices: [residents]}\n"
                           "  - {controller: v2g, devices: [battery, residents]}\n"),
             Catch::Contains("local_controllers[1].devices[1]") && Catch::Contains("already has a local controller"));
  CHECK_THAT(compile_error(groups + "local_controllers:\n  - {controller: orderly_charing, devices: [residents]}\n"),
             Catch::Contains("local_controllers[0].controller") && Catch::Contains("did you mean 'orderly_charging'"));
  CHECK_THAT(compile_error(groups + "local_controllers:\n  - {devices: [residents]}\n"),
             Catch::Contains("give either controller"));
  CHECK_THAT(compile_error(groups + "local_controllers:\n  - {controller: v2g}\n"),
             Catch::Contains("local_controllers[0].devices") && Catch::Contains("list of device names"));
  CHECK_THAT(compile_error(groups + "local_controllers:\n  - {controller: orderly_charging, devices: [residents]}\n"
                                    "controller_settings:\n  cheap_tolerance_cny_per_kw: 0.1\n"),
             Catch::Contains("the park's controllers has no setting 'cheap_tolerance_cny_per_kw'") &&
                 Catch::Contains("did you mean 'cheap_tolerance_cny_per_kwh'"));
  CHECK_THAT(compile_error("", winter_week("self_consumption", "  controller_plugin: ./nowhere.so\n")),
             Catch::Contains("either controller") && Catch::Contains("controller_plugin"));
}

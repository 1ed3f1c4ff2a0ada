// orderly_charging: cars parked overnight wait for the valley, and still leave with their energy.
#include <catch2/catch.hpp>

#include <cmath>

#include "controllers/orderly_charging.h"
#include "controllers/park_runs.h"
#include "support/temp_dir.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

std::string ev_group(const std::string& sessions_csv) {
  return "ev_chargers:\n"
         "  - name: residents\n"
         "    bus: main\n"
         "    count: 10\n"
         "    max_power_kw: 7\n"
         "    efficiency: 0.95\n"
         "    sessions: " +
         sessions_csv + "\n";
}

}  // namespace

TEST_CASE("orderly_charging charges at the limit in the valley and only what the valley cannot give otherwise",
          "[controllers][orderly]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(10, 18, 13, 20));
  const ParkModel model = park(shanghai_tariff() + battery_400kwh() + ev_group((dir.path() / "sessions.csv").string()),
                               winter_week("orderly_charging"));
  OrderlyChargingController controller;
  ObservationData data;
  data.battery_energy_kwh = {200};
  data.ev_charge_limit_kw = {70};
  data.ev_forced_kw = {0};
  data.ev_energy_needed_kwh = {200};
  Command command;
  controller.decide(model, data.view(23 * 3600, 100, 0.30), {}, command);  // valley
  CHECK(command.ev_setpoint_kw[0] == Approx(-70));
  CHECK(command.battery_setpoint_kw[0] == Approx(100));  // self-consumption: cover the deficit
  // 19:00, valley at 22:00 for 8 h: 70 kW·8 h covers 200/0.95 kWh, so wait.
  controller.decide(model, data.view(19 * 3600, 100, 1.25), {}, command);
  CHECK(command.ev_setpoint_kw[0] == 0);
  // Forced cars always get theirs.
  data.ev_forced_kw = {14};
  controller.decide(model, data.view(19 * 3600, 100, 1.25), {}, command);
  CHECK(command.ev_setpoint_kw[0] == Approx(-14));
  // 600 kWh needed: 600/0.95 − 560 = 71.6 kWh beyond the valley, spread over the 3 h to 22:00.
  data.ev_forced_kw = {0};
  data.ev_energy_needed_kwh = {600};
  controller.decide(model, data.view(19 * 3600, 100, 1.25), {}, command);
  CHECK(command.ev_setpoint_kw[0] == Approx(-(600 / 0.95 - 560) / 3));
}

TEST_CASE("orderly_charging moves overnight charging into the valley without leaving energy undelivered",
          "[controllers][orderly][run]") {
  // Ten cars a day arrive from 18:00 and stay 13 h, each asking for 20 kWh.
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(10, 18, 13, 20));
  const std::string extra = shanghai_tariff() + ev_group((dir.path() / "sessions.csv").string());
  PeriodLedger base_ledger, orderly_ledger;
  const ParkModel base_model = park(extra, winter_week("self_consumption"));
  const RunResult base = run(base_model, &base_ledger);
  const ParkModel orderly_model = park(extra, winter_week("orderly_charging"));
  const RunResult orderly = run(orderly_model, &orderly_ledger);
  const double base_valley =
      base_ledger.in(base_model, base_ledger.ev_charge_kwh, "valley") / PeriodLedger::total(base_ledger.ev_charge_kwh);
  const double orderly_valley = orderly_ledger.in(orderly_model, orderly_ledger.ev_charge_kwh, "valley") /
                                PeriodLedger::total(orderly_ledger.ev_charge_kwh);
  const double base_missing = kpi_value(base.kpis, "ev_undelivered_kwh");
  const double orderly_missing = kpi_value(orderly.kpis, "ev_undelivered_kwh");
  WARN("EV charging in the valley: self_consumption "
       << 100 * base_valley << " %, orderly_charging " << 100 * orderly_valley << " %; ev_undelivered_kwh "
       << base_missing << " vs " << orderly_missing << "; energy_cost_cny " << kpi_value(base.kpis, "energy_cost_cny")
       << " vs " << kpi_value(orderly.kpis, "energy_cost_cny"));
  CHECK(base_valley < 0.5);
  CHECK(orderly_valley > 0.95);
  CHECK(orderly_missing <= base_missing + 0.01 * kpi_value(base.kpis, "ev_sessions_served"));
  CHECK(kpi_value(orderly.kpis, "ev_requested_kwh") == Approx(kpi_value(base.kpis, "ev_requested_kwh")));
  CHECK(kpi_value(orderly.kpis, "energy_cost_cny") < kpi_value(base.kpis, "energy_cost_cny"));
}

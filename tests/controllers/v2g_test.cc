// v2g: parked cars give energy back at peak prices and every car still leaves with what it asked for.
#include <catch2/catch.hpp>

#include <cmath>

#include "controllers/park_runs.h"
#include "controllers/v2g.h"
#include "support/temp_dir.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {}  // namespace

TEST_CASE("v2g discharges cars over its target at peak and refills them in the valley", "[controllers][v2g]") {
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(10, 8, 9, 10));
  const ParkModel model =
      park(shanghai_tariff() + charger_group("workplace", 10, (dir.path() / "sessions.csv").string(), true) +
               "controller_settings:\n  target_import_kw: 40\n",
           winter_week("v2g"));
  V2gController controller;
  std::vector<double> memory(controller.memory_size(model), 0.0);
  ObservationData data;
  data.ev_charge_limit_kw = {70};
  data.ev_forced_kw = {0};
  data.ev_v2g_limit_kw = {70};
  data.ev_energy_needed_kwh = {50};
  Command command;
  controller.decide(model, data.view(9 * 3600, 100, 1.05), memory, command);  // peak
  CHECK(command.ev_setpoint_kw[0] == Approx(60));
  controller.decide(model, data.view(9 * 3600, 130, 1.05), memory, command);  // capped by the cars
  CHECK(command.ev_setpoint_kw[0] == Approx(70));
  controller.decide(model, data.view(12 * 3600, 100, 0.65), memory, command);  // flat: hold
  CHECK(command.ev_setpoint_kw[0] == 0);
  controller.decide(model, data.view(23 * 3600, 100, 0.30), memory, command);  // valley: refill
  CHECK(command.ev_setpoint_kw[0] == Approx(-70));
}

TEST_CASE("v2g returns energy in peak periods and every car leaves with what it asked for", "[controllers][v2g][run]") {
  // Ten workplace cars a day from 08:00, 9 h each, 10 kWh each, at bidirectional points.
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(10, 8, 9, 10));
  const std::string extra =
      shanghai_tariff() + charger_group("workplace", 10, (dir.path() / "sessions.csv").string(), true);
  PeriodLedger plain_ledger, base_ledger, v2g_ledger;
  // The same cars at one-way charge points: what peak-period import is without any V2G.
  const ParkModel plain_model =
      park(shanghai_tariff() + charger_group("workplace", 10, (dir.path() / "sessions.csv").string(), false),
           winter_week("self_consumption"));
  run(plain_model, &plain_ledger);
  const double plain_peak_import = plain_ledger.expensive_total(plain_model, plain_ledger.import_kwh);
  const ParkModel base_model = park(extra, winter_week("self_consumption"));
  const RunResult base = run(base_model, &base_ledger);
  const ParkModel v2g_model = park(extra, winter_week("v2g"));
  const RunResult v2g = run(v2g_model, &v2g_ledger);
  const double returned = kpi_value(v2g.kpis, "ev_v2g_returned_kwh");
  const double in_peak = v2g_ledger.expensive_total(v2g_model, v2g_ledger.ev_v2g_kwh);
  const double base_peak_import = base_ledger.expensive_total(base_model, base_ledger.import_kwh);
  const double v2g_peak_import = v2g_ledger.expensive_total(v2g_model, v2g_ledger.import_kwh);
  WARN("v2g: returned " << returned << " kWh, " << 100 * in_peak / returned << " % in peak periods; "
                        << "peak-period import (one-way points) " << plain_peak_import << " -> (self_consumption) "
                        << base_peak_import << " -> " << v2g_peak_import << " kWh; max peak-period import "
                        << base_ledger.peak_period_max_import_kw << " -> " << v2g_ledger.peak_period_max_import_kw
                        << " kW; energy_cost_cny " << kpi_value(base.kpis, "energy_cost_cny") << " -> "
                        << kpi_value(v2g.kpis, "energy_cost_cny") << "; ev_undelivered_kwh "
                        << kpi_value(v2g.kpis, "ev_undelivered_kwh") << "; self_consumption returned "
                        << kpi_value(base.kpis, "ev_v2g_returned_kwh"));
  CHECK(returned > 50);
  CHECK(in_peak > 0.95 * returned);
  CHECK(v2g_peak_import < plain_peak_import - 0.5 * returned);
  CHECK(kpi_value(v2g.kpis, "ev_undelivered_kwh") < 0.01 * kpi_value(v2g.kpis, "ev_sessions_served"));
}

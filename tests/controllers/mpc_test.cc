// mpc: the rolling-horizon programme on small parks whose best dispatch is known by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "controllers/mpc.h"
#include "controllers/park_runs.h"
#include "support/temp_dir.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

// Shanghai's tariff with its demand charge set to `charge`.
std::string shanghai_tariff_with_demand_charge(const std::string& charge) {
  std::string t = shanghai_tariff();
  const std::string key = "demand_charge_cny_per_kw_month: 40.8";
  t.replace(t.find(key), key.size(), "demand_charge_cny_per_kw_month: " + charge);
  return t;
}

// Two prices a day, all year: `valley` from 22:00 to 08:00, `peak` from 08:00 to 22:00.
std::string two_price_tariff(double valley, double peak) {
  return "  tariff:\n"
         "    prices_cny_per_kwh: {peak: " +
         std::to_string(peak) + ", valley: " + std::to_string(valley) +
         "}\n"
         "    seasons:\n"
         "      - name: all_year\n"
         "        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\n"
         "        periods:\n"
         "          - {start: \"00:00\", period: valley}\n"
         "          - {start: \"08:00\", period: peak}\n"
         "          - {start: \"22:00\", period: valley}\n";
}

std::string flat_tariff() { return "  tariff:\n    prices_cny_per_kwh: {flat: 0.65}\n"; }

// Battery energy by tariff period and the carbon intensity it moved at.
class BatteryLedger final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const double h = static_cast<double>(duration_s) / 3600.0;
    const std::string& period = m.grid.tariff.period_names[static_cast<std::size_t>(s.powers.tariff_period)];
    for (double kw : s.powers.battery_kw) {
      if (kw < 0) {
        charged_kwh += -kw * h;
        charged_carbon_kg += -kw * h * s.powers.carbon_kg_per_kwh;
        if (period == "valley") charged_valley_kwh += -kw * h;
        if (period == "peak" || period == "critical_peak") charged_peak_kwh += -kw * h;
      } else {
        discharged_kwh += kw * h;
        discharged_carbon_kg += kw * h * s.powers.carbon_kg_per_kwh;
        if (period == "peak" || period == "critical_peak") discharged_peak_kwh += kw * h;
      }
    }
  }
  double charged_kwh = 0, charged_valley_kwh = 0, charged_peak_kwh = 0, charged_carbon_kg = 0;
  double discharged_kwh = 0, discharged_peak_kwh = 0, discharged_carbon_kg = 0;
};

double statistic(const RunResult& r, const std::string& key) {
  for (const ControllerStatistic& s : r.controller_statistics)
    if (s.key == key) return s.value;
  FAIL("no statistic " << key);
  return 0;
}

}  // namespace

TEST_CASE("mpc charges in the valley and discharges at peak when the price ratio beats the round-trip loss",
          "[mpc][run]") {
  // Shanghai's winter prices without the demand charge: valley 0.30, peak 1.05 and critical peak
  // 1.25, against a round trip of 0.96² = 0.92. The battery's 340 kWh window should cycle daily.
  const std::string extra = shanghai_tariff_with_demand_charge("0") + battery_400kwh();
  BatteryLedger ledger;
  const RunResult mpc = run(park(extra, winter_week("mpc")), &ledger);
  const RunResult base = run(park(extra, winter_week("self_consumption")));
  WARN("battery charged " << ledger.charged_kwh << " kWh (" << ledger.charged_valley_kwh
                          << " in the valley), discharged " << ledger.discharged_kwh << " kWh ("
                          << ledger.discharged_peak_kwh << " at peak); cost " << kpi_value(base.kpis, "net_cost_cny")
                          << " -> " << kpi_value(mpc.kpis, "net_cost_cny"));
  // Two cycles a day: the valley night charge covers the morning peak, and a flat-price (0.65)
  // afternoon charge the evening peak (0.65 / 0.92 = 0.71 < 1.05). Never a charge at peak prices.
  CHECK(ledger.charged_valley_kwh > 6 * 300);
  CHECK(ledger.charged_peak_kwh < 1e-6);
  CHECK(ledger.discharged_peak_kwh > 0.95 * ledger.discharged_kwh);
  // ~330 kWh a day bought at 0.30 instead of ~1.1 CNY/kWh: several hundred CNY a day.
  CHECK(kpi_value(mpc.kpis, "net_cost_cny") < kpi_value(base.kpis, "net_cost_cny") - 7 * 150);
}

TEST_CASE("mpc leaves the battery idle when the price ratio does not beat the round-trip loss", "[mpc][run]") {
  // Valley 0.95 and peak 1.00: 1.00 × 0.92 < 0.95, so buying to store never pays. The battery may
  // only spend the energy it starts with (200 − 40 kWh) and never recharges, but to float-charge
  // at the bottom of its window against self-discharge (0.0005 a day of 40 kWh: 0.02 kWh a day).
  // With valley 0.50 it cycles.
  BatteryLedger flat, wide;
  run(park(two_price_tariff(0.95, 1.00) + battery_400kwh(), winter_week("mpc")), &flat);
  run(park(two_price_tariff(0.50, 1.00) + battery_400kwh(), winter_week("mpc")), &wide);
  WARN("charged: ratio 1.05 " << flat.charged_kwh << " kWh, ratio 2.0 " << wide.charged_kwh << " kWh; discharged "
                              << flat.discharged_kwh << " kWh");
  CHECK(flat.charged_kwh < 0.15);
  CHECK(flat.discharged_kwh <= 160 * 0.96 + 1e-6);
  CHECK(flat.discharged_kwh > 150);  // the starting energy still displaces peak imports
  CHECK(wide.charged_kwh > 6 * 300);
}

TEST_CASE("mpc with a large carbon price shifts imports to low-carbon hours", "[mpc][run]") {
  // A flat price, Great Britain's 2019 hourly intensity (tests/data/carbon), and 5 CNY/kg CO2:
  // only carbon differs between hours, so the battery charges when the grid is clean and covers
  // the park when it is dirty, whenever the spread beats the round-trip loss.
  const std::string extra = flat_tariff() + "  carbon_intensity_csv: " + std::string(ZEROPARK_TEST_DATA_DIR) +
                            "/carbon/carbon_intensity_2019.csv\n" + battery_400kwh();
  BatteryLedger ledger;
  const RunResult mpc =
      run(park(extra + "controller_settings:\n  carbon_price_cny_per_kg_co2: 5\n", winter_week("mpc")), &ledger);
  const RunResult base = run(park(extra, winter_week("self_consumption")));
  const double charged_ci = ledger.charged_carbon_kg / ledger.charged_kwh;
  const double discharged_ci = ledger.discharged_carbon_kg / ledger.discharged_kwh;
  WARN("co2_kg " << kpi_value(base.kpis, "co2_kg") << " -> " << kpi_value(mpc.kpis, "co2_kg") << "; battery charged "
                 << ledger.charged_kwh << " kWh at " << charged_ci << " kg/kWh, discharged at " << discharged_ci);
  CHECK(ledger.charged_kwh > 500);
  CHECK(discharged_ci > charged_ci / (0.96 * 0.96));  // each cycle beats its losses
  CHECK(kpi_value(mpc.kpis, "co2_kg") < kpi_value(base.kpis, "co2_kg") - 50);
}

TEST_CASE("mpc does not raise the month's peak when a demand charge applies", "[mpc][run]") {
  // A constant 100 kW park: charging in the valley puts import above 100 kW, which the 40.8
  // CNY/kW demand charge makes cost more than a day of arbitrage earns (about 5 CNY per kW).
  BatteryLedger ledger;
  const RunResult charged = run(park(shanghai_tariff() + battery_400kwh(), winter_week("mpc")), &ledger);
  const RunResult free_peak = run(park(shanghai_tariff_with_demand_charge("0") + battery_400kwh(), winter_week("mpc")));
  WARN("max_demand_kw with a demand charge " << kpi_value(charged.kpis, "max_demand_kw") << ", without "
                                             << kpi_value(free_peak.kpis, "max_demand_kw"));
  CHECK(kpi_value(charged.kpis, "max_demand_kw") <= 100.0 + 1e-6);
  CHECK(kpi_value(free_peak.kpis, "max_demand_kw") > 150);
  CHECK(ledger.discharged_kwh > 150);  // it still uses its stored energy, to shave the peak
}

TEST_CASE("mpc costs no more than self_consumption over a week and repeats itself bit for bit", "[mpc][run]") {
  const std::string extra = shanghai_tariff() + battery_400kwh() + pv_roof_300kwp();
  const std::string week = "  start: 2023-05-08T00:00\n  end: 2023-05-15T00:00\n";
  const RunResult base = run(park(extra, week + "  controller: self_consumption\n"));
  const RunResult first = run(park(extra, week + "  controller: mpc\n"));
  const RunResult second = run(park(extra, week + "  controller: mpc\n"));
  const double base_cny = kpi_value(base.kpis, "net_cost_cny"), mpc_cny = kpi_value(first.kpis, "net_cost_cny");
  WARN("net_cost_cny self_consumption " << base_cny << ", mpc " << mpc_cny << "; co2_kg "
                                        << kpi_value(base.kpis, "co2_kg") << " -> " << kpi_value(first.kpis, "co2_kg")
                                        << "; solve " << statistic(first, "mpc_solve_time_mean_ms") << " ms mean, "
                                        << statistic(first, "mpc_solve_time_max_ms") << " ms max, "
                                        << statistic(first, "mpc_simplex_iterations_mean") << " iterations");
  CHECK(mpc_cny <= base_cny);
  CHECK(hash_state(first.final_state) == hash_state(second.final_state));
  REQUIRE(first.kpis.size() == second.kpis.size());
  for (std::size_t i = 0; i < first.kpis.size(); ++i) CHECK(first.kpis[i].value == second.kpis[i].value);
  // One programme per hourly decision, none failed.
  CHECK(statistic(first, "mpc_solves_count") == 7 * 24);
  CHECK(statistic(first, "mpc_fallbacks_count") == 0);
  CHECK(statistic(first, "mpc_solve_time_mean_ms") > 0);
  CHECK(statistic(first, "mpc_solve_time_p95_ms") <= statistic(first, "mpc_solve_time_max_ms"));
}

TEST_CASE("mpc with noisy forecasts repeats itself for a seed and changes with it", "[mpc][run]") {
  const std::string extra = shanghai_tariff() + battery_400kwh() + pv_roof_300kwp() +
                            "controller_settings:\n  forecast_error_fraction: 0.3\n";
  const std::string week = "  start: 2023-05-08T00:00\n  end: 2023-05-15T00:00\n  controller: mpc\n";
  const RunResult a = run(park(extra, week + "  seed: 1\n"));
  const RunResult b = run(park(extra, week + "  seed: 1\n"));
  const RunResult c = run(park(extra, week + "  seed: 2\n"));
  const RunResult perfect = run(park(shanghai_tariff() + battery_400kwh() + pv_roof_300kwp(), week));
  WARN("net_cost_cny perfect " << kpi_value(perfect.kpis, "net_cost_cny") << ", noisy seed 1 "
                               << kpi_value(a.kpis, "net_cost_cny") << ", seed 2 "
                               << kpi_value(c.kpis, "net_cost_cny"));
  CHECK(hash_state(a.final_state) == hash_state(b.final_state));
  CHECK(hash_state(a.final_state) != hash_state(c.final_state));
  CHECK(kpi_value(a.kpis, "net_cost_cny") != kpi_value(c.kpis, "net_cost_cny"));
}

TEST_CASE("mpc lets no car leave short of its energy, at V2G and one-way points", "[mpc][run][ev]") {
  // Twenty points; ten cars a day from 08:00 for 9 h asking 10 kWh, and ten from 08:00 for 2 h
  // asking 13 kWh (7 kW × 0.95 × 2 h = 13.3 kWh: they must charge almost flat out from arrival).
  TempDir dir;
  std::string csv = daily_sessions(10, 8, 9, 10);
  const std::string tight = daily_sessions(10, 8, 2, 13);
  csv += tight.substr(tight.find('\n') + 1);
  dir.write("sessions.csv", csv);
  const std::string sessions = (dir.path() / "sessions.csv").string();
  for (const bool bidirectional : {true, false}) {
    const std::string extra =
        shanghai_tariff_with_demand_charge("0") + charger_group("workplace", 20, sessions, bidirectional);
    PeriodLedger ledger;
    const ParkModel model = park(extra, winter_week("mpc"));
    const RunResult mpc = run(model, &ledger);
    const RunResult base = run(park(extra, winter_week("self_consumption")));
    WARN((bidirectional ? "V2G" : "one-way")
         << " points: requested " << kpi_value(mpc.kpis, "ev_requested_kwh") << " kWh, undelivered "
         << kpi_value(mpc.kpis, "ev_undelivered_kwh") << " kWh, V2G " << kpi_value(mpc.kpis, "ev_v2g_returned_kwh")
         << " kWh; charging at peak " << ledger.expensive_total(model, ledger.ev_charge_kwh) << " of "
         << PeriodLedger::total(ledger.ev_charge_kwh) << " kWh; cost " << kpi_value(base.kpis, "net_cost_cny") << " -> "
         << kpi_value(mpc.kpis, "net_cost_cny") << "; planned shortfall "
         << statistic(mpc, "mpc_ev_shortfall_planned_kwh") << " kWh");
    CHECK(kpi_value(mpc.kpis, "ev_requested_kwh") > 6 * 230);
    CHECK(kpi_value(mpc.kpis, "ev_undelivered_kwh") < 1e-6);
    CHECK(kpi_value(mpc.kpis, "ev_sessions_turned_away") == kpi_value(base.kpis, "ev_sessions_turned_away"));
    if (bidirectional) {
      // V2G: self_consumption already lends the cars at every deficit, the peak included, and the
      // plant shares a group's set-point among all cars with slack whatever the plan meant for
      // each, so the programme's group-level plan is only about as good here (see mpc_ev.h).
      CHECK(kpi_value(mpc.kpis, "ev_v2g_returned_kwh") > 0);
      CHECK(kpi_value(mpc.kpis, "net_cost_cny") <= 1.01 * kpi_value(base.kpis, "net_cost_cny"));
    } else {
      // One-way points: self_consumption charges every car on arrival, at the morning peak.
      CHECK(kpi_value(mpc.kpis, "net_cost_cny") < kpi_value(base.kpis, "net_cost_cny") - 100);
      CHECK(ledger.expensive_total(model, ledger.ev_charge_kwh) < 0.8 * PeriodLedger::total(ledger.ev_charge_kwh));
    }
  }
}

TEST_CASE("mpc covers the residual it observes but cannot forecast", "[mpc]") {
  // The forecast knows the 100 kW load only. The observation says the park needs 350 kW (a heat
  // pump, say) under a 250 kW import limit: the battery must give its 100 kW now. Without the
  // residual, at a flat price, there is nothing to gain from moving the battery (a small wear cost
  // breaks the tie between spending stored energy now and keeping it).
  const ParkModel model = park("  import_limit_kw: 250\n" + flat_tariff() + battery_400kwh() +
                                   "controller_settings:\n  battery_wear_cost_cny_per_kwh: 0.01\n",
                               winter_week("mpc"));
  MpcController controller;
  ObservationData data;
  data.battery_energy_kwh = {200};
  Command command;
  controller.decide(model, data.view(10 * 3600, 350, 0.65), {}, command);
  REQUIRE(command.battery_setpoint_kw.size() == 1);
  CHECK(command.battery_setpoint_kw[0] == Approx(100));
  controller.decide(model, data.view(10 * 3600, 100, 0.65), {}, command);
  CHECK(command.battery_setpoint_kw[0] == Approx(0).margin(1e-6));
  CHECK(
      std::isnan(command.thermal_storage_setpoint_kw.empty() ? std::nan("") : command.thermal_storage_setpoint_kw[0]));
}

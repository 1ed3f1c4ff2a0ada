// The carbon ledger's KPIs from the KPI accumulator, on hand-set operating points whose shares,
// costs and credits are worked out by hand below: the attribution rule (docs/carbon.md), the
// valley-charging credit, the refrigerator of issue 6 and the CO2 per m² and year.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/scenarios.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"
#include "zeropark/state.h"

using namespace zeropark;

namespace {

// One bus: a 100 kW load `office`, a charger group `ev`, a battery `bat`; valley 00:00–08:00.
const std::string kTariff =
    "  tariff:\n"
    "    prices_cny_per_kwh: {valley: 0.3, flat: 0.8}\n"
    "    seasons:\n"
    "      - name: all\n"
    "        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\n"
    "        periods:\n"
    "          - {start: \"00:00\", period: valley}\n"
    "          - {start: \"08:00\", period: flat}\n";
const std::string kDevices =
    "ev_chargers:\n  - {name: ev, bus: main, count: 2, max_power_kw: 20}\n"
    "batteries:\n  - {name: bat, bus: main, capacity_kwh: 100, max_charge_kw: 50, max_discharge_kw: 50}\n";
// The published example: a recycled 46 kg refrigerator avoids 59.63 kg CO2.
const std::string kLedger =
    "carbon_ledger:\n"
    "  floor_area_m2: 1000\n"
    "  recyclables:\n"
    "    - {area: block_a, category: refrigerators, mass_kg: 46, factor_kg_co2_per_kg: 1.29630434783}\n"
    "  offsets:\n"
    "    - {name: open_day, co2_kg: 1000, source: illustrative}\n"
    "  accounts:\n"
    "    - {name: tenant, members: [office]}\n"
    "    - {name: fleet, members: [ev], credits: {valley_charging_kg_co2_per_kwh: 0.2, periods: [valley]}}\n"
    "    - {name: operator, members: [bat]}\n";

int period_index(const ParkModel& m, const std::string& name) {
  const auto& names = m.grid.tariff.period_names;
  return static_cast<int>(std::find(names.begin(), names.end(), name) - names.begin());
}

// Feeds one event: the powers (+ into the bus), the price and factor in force, and its period.
void feed(KpiAccumulator& kpis, const ParkModel& m, ParkState& s, Tick duration_s, double load_kw, double ev_kw,
          double battery_kw, double price, const std::string& period) {
  OperatingPoint& op = s.powers;
  op.load_kw[0] = load_kw;
  op.load_demand_kw[0] = -load_kw;
  op.ev_kw[0] = ev_kw;
  op.battery_kw[0] = battery_kw;
  op.grid_kw = -(load_kw + ev_kw + battery_kw);
  op.price_cny_per_kwh = price;
  op.carbon_kg_per_kwh = 0.5;
  op.tariff_period = period_index(m, period);
  kpis.on_event(m, s, duration_s);
  s.tick += duration_s;
}

}  // namespace

TEST_CASE("carbon accounts share each event's CO2 and cost by draw and earn valley credits", "[kpi][carbon]") {
  const ParkModel m =
      compile_park(read_scenario_text(testing::minimal_scenario(kTariff + kDevices + kLedger), "p.yaml"));
  ParkState s = initial_state(m);
  KpiAccumulator kpis;
  kpis.on_run_start(m, s);
  // 1 h of valley: office 100, ev 20, battery charging 30 kW → 150 kWh imported, 75 kg, 45 CNY,
  // shared 100:20:30; the fleet's 20 kWh of valley charging earn 20 × 0.2 = 4 kg.
  feed(kpis, m, s, 3600, -100, -20, -30, 0.3, "valley");
  // 30 min of flat: office 100, ev 10, battery discharging 60 → 25 kWh, 12.5 kg, 20 CNY, shared
  // 100:10 between the two that draw; flat charging earns nothing.
  feed(kpis, m, s, 1800, -100, -10, 60, 0.8, "flat");
  // 1 h of valley with the cars giving back 5 kW (V2G): only the office draws: 95 kWh, 47.5 kg,
  // 28.5 CNY; returning energy earns no credit.
  feed(kpis, m, s, 3600, -100, 5, 0, 0.3, "valley");
  kpis.on_run_end(m, s);
  const KpiTable& t = kpis.table();

  CHECK(kpi_value(t, "co2_kg") == Approx(135));
  CHECK(kpi_value(t, "energy_cost_cny") == Approx(93.5));
  CHECK(kpi_value(t, "account_co2_kg.tenant") == Approx(50 + 12.5 * 100 / 110 + 47.5).epsilon(1e-12));
  CHECK(kpi_value(t, "account_co2_kg.fleet") == Approx(10 + 12.5 * 10 / 110).epsilon(1e-12));
  CHECK(kpi_value(t, "account_co2_kg.operator") == Approx(15).epsilon(1e-12));
  CHECK(kpi_value(t, "account_cost_cny.tenant") == Approx(30 + 20.0 * 100 / 110 + 28.5).epsilon(1e-12));
  CHECK(kpi_value(t, "account_cost_cny.fleet") == Approx(6 + 20.0 * 10 / 110).epsilon(1e-12));
  CHECK(kpi_value(t, "account_cost_cny.operator") == Approx(9).epsilon(1e-12));
  CHECK(kpi_value(t, "account_credit_kg_co2.fleet") == Approx(4).epsilon(1e-12));
  CHECK(kpi_value(t, "account_credit_kg_co2.tenant") == 0);
  // The accounts cover every consumer, so they add up to the park's CO2 and energy cost.
  CHECK(kpi_value(t, "account_co2_kg.tenant") + kpi_value(t, "account_co2_kg.fleet") +
            kpi_value(t, "account_co2_kg.operator") ==
        Approx(kpi_value(t, "co2_kg")).epsilon(1e-12));
  CHECK(kpi_value(t, "account_cost_cny.tenant") + kpi_value(t, "account_cost_cny.fleet") +
            kpi_value(t, "account_cost_cny.operator") ==
        Approx(kpi_value(t, "energy_cost_cny")).epsilon(1e-12));

  // The refrigerator: 46 kg × (59.63 / 46) kg/kg = 59.63 kg avoided.
  CHECK(kpi_value(t, "recycling_co2_avoided_kg") == Approx(59.63).epsilon(1e-9));
  CHECK(kpi_value(t, "offsets_co2_kg") == 1000);
  CHECK(kpi_value(t, "ledger_net_co2_kg") == Approx(135 - 59.63 - 1000).epsilon(1e-9));
  CHECK(kpi_value(t, "net_co2_kg") == Approx(135));
  // 9,000 s is 9000 / 31,536,000 of a year: 135 kg / 1,000 m² / that = 473.04 kg/(m²·a).
  CHECK(kpi_value(t, "co2_kg_per_m2_year") == Approx(135.0 / 1000 / (9000.0 / 31536000)).epsilon(1e-12));
  CHECK(kpi_value(t, "co2_kg_per_m2_year") == Approx(473.04).epsilon(1e-9));

  const std::vector<CarbonLedgerLine> lines = carbon_ledger_lines(m, 135, s.tick);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].line == "grid electricity");
  CHECK(lines[1].line == "recyclables: refrigerators (block_a)");
  CHECK(lines[1].kind == "recycling");
  CHECK(lines[1].area == "block_a");
  CHECK(lines[1].co2_kg == Approx(-59.63).epsilon(1e-9));
  CHECK(lines[2].line == "offset: open_day");
  CHECK(lines[2].co2_kg == -1000);
}

TEST_CASE("a park without a carbon ledger gets no ledger KPIs and a ledger of its grid and green space",
          "[kpi][carbon]") {
  const ParkModel m = compile_park(
      read_scenario_text(testing::minimal_scenario(
                             "green_spaces:\n  - {name: lawn, area_m2: 1000, sequestration_kg_co2_per_m2_year: 2}\n"),
                         "p.yaml"));
  ParkState s = initial_state(m);
  KpiAccumulator kpis;
  kpis.on_run_start(m, s);
  s.powers.load_kw[0] = -100;
  s.powers.grid_kw = 100;
  s.powers.carbon_kg_per_kwh = 0.5;
  kpis.on_event(m, s, 86400);
  s.tick = 86400;
  kpis.on_run_end(m, s);
  for (const Kpi& k : kpis.table()) {
    INFO(k.key);
    CHECK(k.key.find("account_") != 0);
    CHECK(k.key != "ledger_net_co2_kg");
    CHECK(k.key != "recycling_co2_avoided_kg");
    CHECK(k.key != "co2_kg_per_m2_year");
  }
  const std::vector<CarbonLedgerLine> lines = carbon_ledger_lines(m, kpi_value(kpis.table(), "co2_kg"), s.tick);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].co2_kg == Approx(1200));
  CHECK(lines[1].line == "green space: lawn");
  CHECK(lines[1].kind == "sink");
  // 1,000 m² × 2 kg/(m²·a) over one day of a 365-day year.
  CHECK(lines[1].co2_kg == Approx(-2000.0 / 365).epsilon(1e-12));
  CHECK(-lines[1].co2_kg == Approx(kpi_value(kpis.table(), "carbon_sink_co2_kg")).epsilon(1e-15));
}

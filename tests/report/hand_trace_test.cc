// A three-row trace written by hand, whose KPIs and attribution are worked out below.
//
// Start 2023-01-31T23:30 (local), 15-minute demand windows, export at 0.4 CNY/kWh, demand charge
// 10 CNY/kW/month, 500 kVA contracted at 2 CNY/kVA/month. Buses: "east" (load, pv), "west"
// (battery, ev). Powers in kW (+ into the bus), one line l1 with sent/received.
//
//  row tick  dur   grid  price carbon  pv  load(dem)  battery  ev(plugged)  l1 sent/recv
//  0   0     1800  100   1.0   0.5     0   -80 (80)   -18      0 (0)        10 / 8
//  1   1800   900  -30   0.5   0.6   100   -60 (70)   -10      0 (2)         0 / 0
//  2   2700  2700   40   0.8   0.5     0   -50 (50)   +40    -30 (3)         5 / 5
//
// KPIs: import 100×0.5 h + 40×0.75 h = 50 + 30 = 80 kWh; export 30×0.25 = 7.5 kWh; energy cost
// 50×1.0 + 30×0.8 = 74 CNY; export revenue 7.5×0.4 = 3 CNY; CO2 50×0.5 + 30×0.5 = 40 kg.
// Demand windows on the clock: 23:30–23:45 and 23:45–24:00 at 100 kW (January max 100);
// 00:00–00:15 at 0; 00:15, 00:30, 00:45 at 40 (February max 40): demand charge (100+40)×10 =
// 1400 CNY, max demand 100 kW; two months touched: capacity 2×500×2 = 2000 CNY; net cost
// 74 + 1400 + 2000 − 3 = 3471 CNY. On-site 100×0.25 = 25 kWh. Battery charged 18×0.5 + 10×0.25 =
// 11.5 kWh, discharged 40×0.75 = 30 kWh. Load served 40 + 15 + 37.5 = 92.5 kWh, demanded
// 40 + 17.5 + 37.5 = 95 kWh. Charge-point hours 2×0.25 + 3×0.75 = 2.75 h over 1.5 h = 1/16 day:
// 44 h/day.
//
// Attribution. Row 0: draws load 80, battery 18, line losses 10−8 = 2 (total 100); 25 kg and
// 50 CNY split 0.80/0.18/0.02: load 20 kg 40 CNY, battery 4.5 kg 9 CNY, losses 0.5 kg 1 CNY.
// Row 1 imports nothing: no CO2 or cost to share. Row 2: draws load 50, ev 30 (total 80); 15 kg
// and 24 CNY split 5/8, 3/8: load 9.375 kg 15 CNY, ev 5.625 kg 9 CNY.
// Totals: load 29.375 kg 55 CNY (92.5 kWh), battery 4.5 kg 9 CNY (11.5 kWh drawn), ev 5.625 kg
// 9 CNY (22.5 kWh), losses 0.5 kg 1 CNY (1 kWh); Σ 40 kg and 74 CNY. PV: 25 kWh delivered in
// row 1 at 0.6 kg/kWh avoids 15 kg. Zones: east 117.5 kWh, 29.375 kg, 55 CNY, 15 kg avoided;
// west 34 kWh, 10.125 kg, 18 CNY; line_losses is a zone of its own. The EV group's net charging
// is 30 × 0.75 = 22.5 kWh.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/attribution.h"
#include "report/report_output.h"
#include "report/trace_kpis.h"
#include "report/trace_reader.h"
#include "support/temp_dir.h"
#include "trace/hdf5_writer.h"

using namespace zeropark::report;
using zeropark::Hdf5TraceWriter;
using zeropark::testing::TempDir;

namespace {

std::filesystem::path write_hand_trace(const TempDir& dir) {
  const std::filesystem::path path = dir.path() / "hand.h5";
  Hdf5TraceWriter w(path);
  w.add_channel("time", "duration_s", "s", "");
  for (const char* c : {"power_kw", "price_cny_per_kwh", "carbon_kg_per_kwh"})
    w.add_channel("components/grid", c, "", "");
  w.add_channel("components/pv", "power_kw", "kW", "");
  w.add_channel("components/load", "power_kw", "kW", "");
  w.add_channel("components/load", "demand_kw", "kW", "");
  w.add_channel("components/battery", "power_kw", "kW", "");
  w.add_channel("components/ev", "power_kw", "kW", "");
  w.add_channel("components/ev", "plugged", "1", "");
  w.add_channel("lines/l1", "sent_kw", "kW", "");
  w.add_channel("lines/l1", "received_kw", "kW", "");
  const std::map<std::string, std::pair<const char*, const char*>> tags = {{"grid", {"grid", "east"}},
                                                                           {"pv", {"pv", "east"}},
                                                                           {"load", {"load", "east"}},
                                                                           {"battery", {"battery", "west"}},
                                                                           {"ev", {"ev_charger", "west"}}};
  for (const auto& [name, tag] : tags) {
    w.set_attribute("components/" + name, "kind", tag.first);
    w.set_attribute("components/" + name, "bus", tag.second);
  }
  w.set_attribute("time/tick_s", "start_iso", "2023-01-31T23:30:00");
  //                     dur   grid price carbon pv   load demand batt  ev  plug sent recv
  const double r0[] = {1800, 100, 1.0, 0.5, 0, -80, 80, -18, 0, 0, 10, 8};
  const double r1[] = {900, -30, 0.5, 0.6, 100, -60, 70, -10, 0, 2, 0, 0};
  const double r2[] = {2700, 40, 0.8, 0.5, 0, -50, 50, 40, -30, 3, 5, 5};
  w.append_row(0, r0);
  w.append_row(1800, r1);
  w.append_row(2700, r2);
  w.write_scalar("tariff/export_price_cny_per_kwh", 0.4, "CNY/kWh", "");
  w.write_scalar("tariff/demand_charge_cny_per_kw_month", 10, "", "");
  w.write_scalar("tariff/demand_window_s", 900, "s", "");
  w.write_scalar("tariff/capacity_charge_cny_per_kva_month", 2, "", "");
  w.write_scalar("tariff/contracted_capacity_kva", 500, "kVA", "");
  // What "the run" recorded: right for import, wrong for CO2, absent for the rest.
  w.write_scalar("kpis/grid_import_kwh", 80, "kWh", "");
  w.write_scalar("kpis/co2_kg", 41, "kg", "");
  w.commit();
  return path;
}

}  // namespace

TEST_CASE("KPIs of a hand-made trace equal the hand-worked figures", "[report][kpis]") {
  const TempDir dir;
  const TraceFile trace(write_hand_trace(dir));
  std::map<std::string, double> got;
  for (const RecomputedKpi& k : recompute_kpis(trace)) got[k.key] = k.value;
  const std::map<std::string, double> expected = {
      {"grid_import_kwh", 80},          {"grid_export_kwh", 7.5},      {"energy_cost_cny", 74},
      {"export_revenue_cny", 3},        {"demand_charge_cny", 1400},   {"max_demand_kw", 100},
      {"capacity_charge_cny", 2000},    {"net_cost_cny", 3471},        {"co2_kg", 40},
      {"onsite_generation_kwh", 25},    {"battery_charged_kwh", 11.5}, {"battery_discharged_kwh", 30},
      {"ev_charger_hours_per_day", 44}, {"ev_net_charging_kwh", 22.5}, {"load_served_kwh", 92.5},
      {"load_demand_kwh", 95}};
  REQUIRE(got.size() == expected.size());
  for (const auto& [key, value] : expected) {
    INFO(key);
    REQUIRE(got.count(key));
    CHECK(got[key] == Approx(value).epsilon(1e-12));
  }
}

TEST_CASE("attribution of a hand-made trace equals the hand-worked shares", "[report][attribution]") {
  const TempDir dir;
  const Attribution a = attribute(TraceFile(write_hand_trace(dir)));
  std::map<std::string, AssetShare> by_name;
  for (const AssetShare& s : a.assets) by_name[s.name] = s;
  REQUIRE(by_name.size() == 5);  // battery, ev, load, pv, line_losses (the grid is not an asset)
  const auto check = [&](const std::string& name, double kwh, double co2, double cny, double avoided) {
    INFO(name);
    REQUIRE(by_name.count(name));
    const AssetShare& s = by_name[name];
    CHECK(s.energy_kwh == Approx(kwh).epsilon(1e-12));
    CHECK(s.co2_kg == Approx(co2).epsilon(1e-12));
    CHECK(s.cost_cny == Approx(cny).epsilon(1e-12));
    CHECK(s.avoided_co2_kg == Approx(avoided).epsilon(1e-12));
  };
  check("load", 92.5, 29.375, 55, 0);
  check("battery", 11.5, 4.5, 9, 0);
  check("ev", 22.5, 5.625, 9, 0);
  check("line_losses", 1, 0.5, 1, 0);
  check("pv", 25, 0, 0, 15);
  CHECK(by_name["line_losses"].bus == "line_losses");
  CHECK(by_name.count("unattributed") == 0);
  REQUIRE(a.zones.size() == 3);
  CHECK(a.zones[0].bus == "east");
  CHECK(a.zones[0].drawn_kwh == Approx(92.5).epsilon(1e-12));  // the load
  CHECK(a.zones[0].generated_kwh == Approx(25).epsilon(1e-12));  // the PV
  CHECK(a.zones[0].co2_kg == Approx(29.375).epsilon(1e-12));
  CHECK(a.zones[0].cost_cny == Approx(55).epsilon(1e-12));
  CHECK(a.zones[0].avoided_co2_kg == Approx(15).epsilon(1e-12));
  CHECK(a.zones[1].bus == "line_losses");
  CHECK(a.zones[1].co2_kg == Approx(0.5).epsilon(1e-12));
  CHECK(a.zones[2].bus == "west");
  CHECK(a.zones[2].drawn_kwh == Approx(34).epsilon(1e-12));  // battery 11.5 + EV 22.5
  CHECK(a.zones[2].generated_kwh == 0);
  CHECK(a.zones[2].co2_kg == Approx(10.125).epsilon(1e-12));
  CHECK(a.zones[2].cost_cny == Approx(18).epsilon(1e-12));
}

TEST_CASE("the report marks a KPI that differs from the recorded one and the JSON round-trips", "[report][output]") {
  const TempDir dir;
  const TraceFile trace(write_hand_trace(dir));
  const std::vector<RecomputedKpi> kpis = recompute_kpis(trace);
  const std::vector<KpiCheck> checks = check_against_recorded(trace, kpis);
  for (const KpiCheck& c : checks) {
    INFO(c.kpi.key);
    CHECK(c.differs == (c.kpi.key == "co2_kg"));
    CHECK(c.recorded.has_value() == (c.kpi.key == "co2_kg" || c.kpi.key == "grid_import_kwh"));
  }
  const Attribution attribution = attribute(trace);
  std::ostringstream table;
  write_tables(table, "hand.h5", checks, attribution, 2);
  CHECK_THAT(table.str(), Catch::Contains("warning: 1 KPI(s) differ") &&
                              Catch::Contains("Demand and capacity charges are not attributed") &&
                              Catch::Contains("2 of 5 by CO2"));
  // The two largest emitters only, the load first.
  const std::string text = table.str();
  const std::string assets = text.substr(text.find("Attribution per asset"),
                                         text.find("Attribution per zone") - text.find("Attribution per asset"));
  CHECK(assets.find("\nload ") < assets.find("\nbattery "));
  CHECK(assets.find("\nline_losses ") == std::string::npos);
  CHECK(assets.find("\npv ") == std::string::npos);

  std::ostringstream json_text;
  write_json(json_text, kpis, attribution);
  const nlohmann::json json = nlohmann::json::parse(json_text.str());
  for (const RecomputedKpi& k : kpis) CHECK(json["kpis"][k.key].get<double>() == k.value);  // 17 digits: exact
  CHECK(json["assets"]["ev"]["kind"] == "ev_charger");
  CHECK(json["assets"]["ev"]["co2_kg"].get<double>() == attribution.assets[1].co2_kg);
  CHECK(json["zones"]["west"]["cost_cny"].get<double>() == Approx(18).epsilon(1e-12));
}

TEST_CASE("relative differences: 1e-9 of the larger magnitude", "[report][output]") {
  CHECK_FALSE(differs_relative(0, 0));
  CHECK_FALSE(differs_relative(1e6, 1e6 + 1e-4));
  CHECK(differs_relative(1e6, 1e6 + 1e-2));
  CHECK(differs_relative(0, 1e-300));
  CHECK(differs_relative(1, std::nan("")));
}

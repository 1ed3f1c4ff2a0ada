// KPIs. Definitions (all over the simulated period):
//   pv_self_consumption_ratio = (PV generated − exported) / PV generated
//   consumption_kwh           = loads, data centres, heat pumps and chillers served + EV charging
//                               net of V2G + electrolysers net of fuel cells + line losses +
//                               battery losses (conversion, self-discharge, fade): all the
//                               electricity the park uses (= import − export + on-site generation
//                               − what the batteries gained)
//   self_sufficiency_ratio    = 1 − imported / consumption
//   max_demand: the largest mean import over clock-aligned windows of demand_window_s (15 min by
//     default), per calendar month; the two-part tariff's demand charge applies it to each month,
//     and its capacity charge applies the contracted kVA to each month touched by the run.
//   co2_kg: imported energy × the emission factor in force when it was imported. Exported energy
//     earns no credit here; CO2 avoided is measured against the baseline run.
//   carbon_sink_co2_kg: green space area × its yearly uptake × the simulated fraction of a year
//     (365 days); net_co2_kg = co2_kg − carbon_sink_co2_kg.
//   ev_charger_hours_per_day: charge-point hours occupied per day, all points together (the Shimen
//     platform's "charging-pile hours"); ev_charger_occupancy_ratio divides by the points.
//     Requested and undelivered energy count cars that left; cars still plugged in at the end are
//     not counted, and turned-away cars' requests are ev_turned_away_kwh.
//   carbon ledger (only for a scenario with a carbon_ledger section; docs/carbon.md):
//     recycling_co2_avoided_kg = Σ mass × factor of its recyclables; offsets_co2_kg = Σ offsets;
//     ledger_net_co2_kg = co2_kg − carbon_sink_co2_kg − recycling − offsets;
//     co2_kg_per_m2_year = co2_kg / floor_area_m2 / (simulated fraction of a 365-day year);
//     account_co2_kg.<a>, account_cost_cny.<a>: per event, the import's CO2 and energy cost are
//       shared among everything that draws power (loads, data centres, heat pumps, chillers,
//       electrolysers, EV groups and batteries charging, and the lines' losses Σ sent − received)
//       in proportion to its draw; an account sums its members' shares. Demand and capacity
//       charges are not shared. account_credit_kg_co2.<a> = its EV groups' charging energy in the
//       credit's tariff periods × the credit factor.
//   heat and cooling: demand, served and unmet per medium; a heat pump's seasonal COP is the heat
//     it delivered over the electricity it drew (for chillers: cooling over electricity, the SEER).
#include <algorithm>
#include <stdexcept>

#include "time/calendar.h"
#include "trace/attribution_rule.h"
#include "zeropark/kpi.h"

namespace zeropark {
namespace {

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

}  // namespace

std::vector<CarbonLedgerLine> carbon_ledger_lines(const ParkModel& model, double co2_kg, Tick run_s) {
  const double years = static_cast<double>(run_s) / (365.0 * kSecondsPerDay);
  std::vector<CarbonLedgerLine> lines;
  lines.push_back({"grid electricity", "emission", "", co2_kg});
  for (const GreenSpaceModel& g : model.green_spaces)
    lines.push_back({"green space: " + g.name, "sink", "", -(g.area_m2 * g.sequestration_kg_co2_per_m2_year * years)});
  for (const RecyclableModel& r : model.carbon_ledger.recyclables)
    lines.push_back({"recyclables: " + r.category + (r.area.empty() ? "" : " (" + r.area + ")"), "recycling", r.area,
                     -(r.mass_kg * r.factor_kg_co2_per_kg)});
  for (const CarbonOffsetModel& o : model.carbon_ledger.offsets)
    lines.push_back({"offset: " + o.name, "offset", "", -o.co2_kg});
  return lines;
}

double kpi_value(const KpiTable& table, std::string_view key) {
  for (const Kpi& k : table)
    if (k.key == key) return k.value;
  throw std::out_of_range("no KPI named '" + std::string(key) + "'");
}

void KpiAccumulator::on_run_start(const ParkModel& model, const ParkState&) {
  start_seconds_ = seconds_from_civil(model.start);
  const std::size_t accounts = model.carbon_ledger.accounts.size();
  account_co2_kg_.assign(accounts, 0.0);
  account_cost_cny_.assign(accounts, 0.0);
  account_credit_kg_co2_.assign(accounts, 0.0);
}

// The attribution rule (docs/carbon.md): the same shares the report computes from the trace's rows.
void KpiAccumulator::attribute_to_accounts(const ParkModel& model, const OperatingPoint& op, Tick duration_s) {
  const EventShares shares = event_shares(model, op, duration_s);
  for (std::size_t a = 0; a < model.carbon_ledger.accounts.size(); ++a) {
    const CarbonAccountModel& account = model.carbon_ledger.accounts[a];
    double member_kw = account.line_losses ? shares.losses_draw_kw : 0.0;
    for (int i : account.loads) member_kw += draw_kw(op.load_kw[i]);
    for (int i : account.data_centres) member_kw += draw_kw(op.data_centre_kw[i]);
    for (int i : account.heat_pumps) member_kw += draw_kw(op.heat_pump_electric_kw[i]);
    for (int i : account.ev_chargers) member_kw += draw_kw(op.ev_kw[i]);
    for (int i : account.batteries) member_kw += draw_kw(op.battery_kw[i]);
    for (int i : account.electrolysers) member_kw += draw_kw(op.electrolyser_kw[i]);
    const double share_kwh = shares.import_share_kwh(member_kw);
    account_co2_kg_[a] += share_kwh * op.carbon_kg_per_kwh;
    account_cost_cny_[a] += share_kwh * op.price_cny_per_kwh;
    const auto period = static_cast<std::size_t>(op.tariff_period);
    if (account.credit_kg_co2_per_kwh > 0 && period < account.credit_period.size() && account.credit_period[period])
      for (int i : account.ev_chargers)
        account_credit_kg_co2_[a] += energy_kwh(draw_kw(op.ev_kw[i]), duration_s) * account.credit_kg_co2_per_kwh;
  }
}

void KpiAccumulator::close_window(const ParkModel& model) {
  if (window_ < 0) return;
  const Tick window_s = model.grid.tariff.demand_window_s;
  const double mean_kw = window_import_kwh_ * kSecondsPerHourD / static_cast<double>(window_s);
  const CivilTime t = civil_from_seconds(window_ * window_s);
  double& month_max = max_demand_kw_by_month_[t.year * 100 + t.month];
  month_max = std::max(month_max, mean_kw);
}

void KpiAccumulator::add_window_energy(const ParkModel& model, std::int64_t window, double import_kwh) {
  if (window != window_) {
    close_window(model);
    window_ = window;
    window_import_kwh_ = 0;
  }
  window_import_kwh_ += import_kwh;
}

void KpiAccumulator::on_event(const ParkModel& model, const ParkState& state, Tick duration_s) {
  const OperatingPoint& op = state.powers;
  const double import_kw = std::max(op.grid_kw, 0.0);
  const double export_kw = std::max(-op.grid_kw, 0.0);
  energy_cost_cny_ += energy_kwh(import_kw, duration_s) * op.price_cny_per_kwh;
  export_revenue_cny_ += energy_kwh(export_kw, duration_s) * model.grid.tariff.export_price_cny_per_kwh;
  co2_kg_ += energy_kwh(import_kw, duration_s) * op.carbon_kg_per_kwh;
  peak_import_kw_ = std::max(peak_import_kw_, import_kw);
  load_demand_kwh_ += energy_kwh(sum(op.load_demand_kw), duration_s);
  if (!model.carbon_ledger.accounts.empty()) attribute_to_accounts(model, op, duration_s);

  // Split the segment at demand-window boundaries (absolute clock, so windows align to :00/:15…).
  const Tick window_s = model.grid.tariff.demand_window_s;
  std::int64_t from = start_seconds_ + state.tick;
  const std::int64_t to = from + duration_s;
  while (from < to) {
    const std::int64_t window = from / window_s;
    const std::int64_t piece_end = std::min(to, (window + 1) * window_s);
    add_window_energy(model, window, energy_kwh(import_kw, piece_end - from));
    from = piece_end;
  }
}

void KpiAccumulator::on_run_end(const ParkModel& model, const ParkState& state) {
  close_window(model);
  const EnergyTotals& t = state.totals;
  const TariffModel& tariff = model.grid.tariff;
  const double pv_kwh = sum(t.pv_kwh);
  const double served_kwh = sum(t.load_served_kwh);
  double battery_losses_kwh = 0;
  for (std::size_t i = 0; i < model.batteries.size(); ++i)
    battery_losses_kwh += t.battery_charged_kwh[i] - t.battery_discharged_kwh[i] -
                          (state.battery_energy_kwh[i] - model.batteries[i].energy_initial_kwh);
  double heat_pump_kwh[2] = {0, 0}, heat_pump_thermal_kwh[2] = {0, 0};  // [heating, cooling]
  for (std::size_t i = 0; i < model.heat_pumps.size(); ++i) {
    heat_pump_kwh[model.heat_pumps[i].cooling] += t.heat_pump_electric_kwh[i];
    heat_pump_thermal_kwh[model.heat_pumps[i].cooling] += t.heat_pump_thermal_kwh[i];
  }
  double heat_served_kwh[2] = {0, 0}, heat_unserved_kwh[2] = {0, 0}, heat_dumped_kwh[2] = {0, 0};
  for (std::size_t i = 0; i < model.heat_loads.size(); ++i) {
    const bool cooling = model.heat_buses[model.heat_loads[i].bus].medium == HeatMedium::kCooling;
    heat_served_kwh[cooling] += t.heat_load_served_kwh[i];
    heat_unserved_kwh[cooling] += t.heat_load_unserved_kwh[i];
  }
  for (std::size_t b = 0; b < model.buildings.size(); ++b) {
    heat_served_kwh[0] += t.building_heating_served_kwh[b];
    heat_unserved_kwh[0] += t.building_heating_unserved_kwh[b];
    heat_served_kwh[1] += t.building_cooling_served_kwh[b];
    heat_unserved_kwh[1] += t.building_cooling_unserved_kwh[b];
  }
  for (std::size_t h = 0; h < model.heat_buses.size(); ++h)
    heat_dumped_kwh[model.heat_buses[h].medium == HeatMedium::kCooling] += t.heat_bus_dumped_kwh[h];
  const double wind_kwh = sum(t.wind_kwh);
  const double pvt_kwh = sum(t.pvt_kwh);
  const double onsite_kwh = pv_kwh + wind_kwh + pvt_kwh;
  const double electrolyser_kwh = sum(t.electrolyser_kwh);
  const double fuel_cell_kwh = sum(t.fuel_cell_kwh);
  const double ev_net_kwh = sum(t.ev_charged_kwh) - sum(t.ev_v2g_kwh);
  const double days = static_cast<double>(state.tick) / kSecondsPerDay;
  const double data_centre_kwh = sum(t.data_centre_served_kwh);
  const double data_centre_it_kwh = sum(t.data_centre_it_kwh);
  const double consumption_kwh = served_kwh + electrolyser_kwh - fuel_cell_kwh + ev_net_kwh + data_centre_kwh +
                                 heat_pump_kwh[0] + heat_pump_kwh[1] + sum(t.line_loss_kwh) + battery_losses_kwh;
  const double years = static_cast<double>(state.tick) / (365.0 * kSecondsPerDay);
  double sink_kg = 0;
  for (const GreenSpaceModel& g : model.green_spaces) sink_kg += g.area_m2 * g.sequestration_kg_co2_per_m2_year * years;
  const double months = static_cast<double>(max_demand_kw_by_month_.size());
  double demand_charge_cny = 0, max_demand_kw = 0;
  for (const auto& [month, kw] : max_demand_kw_by_month_) {
    demand_charge_cny += kw * tariff.demand_charge_cny_per_kw_month;
    max_demand_kw = std::max(max_demand_kw, kw);
  }
  const double capacity_charge_cny = months * tariff.contracted_capacity_kva * tariff.capacity_charge_cny_per_kva_month;
  const double net_cost_cny = energy_cost_cny_ + demand_charge_cny + capacity_charge_cny - export_revenue_cny_;

  table_.clear();
  const auto add = [&](std::string key, std::string unit, double value, std::string description) {
    table_.push_back({std::move(key), std::move(unit), value, std::move(description)});
  };
  add("load_demand_kwh", "kWh", load_demand_kwh_, "Energy the loads asked for");
  add("load_served_kwh", "kWh", served_kwh, "Energy delivered to the loads");
  add("load_unserved_kwh", "kWh", sum(t.load_unserved_kwh), "Demand not met (import or line limits)");
  double critical_unserved_kwh = 0;
  for (std::size_t i = 0; i < model.loads.size(); ++i)
    if (model.loads[i].critical) critical_unserved_kwh += t.load_unserved_kwh[i];
  for (std::size_t i = 0; i < model.data_centres.size(); ++i)
    if (model.data_centres[i].critical) critical_unserved_kwh += t.data_centre_unserved_kwh[i];
  add("critical_unserved_kwh", "kWh", critical_unserved_kwh, "Demand of critical loads and data centres not met");
  add("islanded_hours", "h", t.islanded_h, "Hours the grid connection was out (the park ran as an island)");
  add("islanded_hours_survived", "h", t.islanded_critical_served_h,
      "Islanded hours in which every critical load was fully served");
  add("pv_generation_kwh", "kWh", pv_kwh, "AC energy delivered by PV after curtailment");
  add("pv_curtailed_kwh", "kWh", sum(t.pv_curtailed_kwh), "PV energy curtailed by export or line limits");
  add("pv_inverter_clipping_kwh", "kWh", sum(t.pv_clipped_dc_kwh), "DC energy lost to inverter clipping");
  add("wind_generation_kwh", "kWh", wind_kwh, "Energy delivered by wind turbines after curtailment");
  add("wind_curtailed_kwh", "kWh", sum(t.wind_curtailed_kwh), "Wind energy curtailed by export or line limits");
  add("pvt_generation_kwh", "kWh", pvt_kwh, "Electricity delivered by PV/thermal collectors");
  add("pvt_heat_kwh", "kWh", sum(t.pvt_thermal_kwh), "Heat delivered by PV/thermal collectors");
  add("onsite_generation_kwh", "kWh", onsite_kwh, "PV + wind + PV/thermal electricity delivered");
  add("battery_charged_kwh", "kWh", sum(t.battery_charged_kwh), "Energy drawn by batteries from their buses");
  add("battery_discharged_kwh", "kWh", sum(t.battery_discharged_kwh), "Energy batteries delivered to their buses");
  add("battery_self_discharge_kwh", "kWh", sum(t.battery_self_discharge_kwh), "Energy lost to self-discharge");
  add("battery_fade_clipped_kwh", "kWh", sum(t.battery_fade_clipped_kwh),
      "Stored energy lost as capacity faded under it");
  double capacity_now_kwh = 0, capacity_new_kwh = 0;
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    const double fraction = model.batteries[i].ageing ? std::min(1.0, state.battery_ageing[i].q_pct / 100.0) : 1.0;
    capacity_now_kwh += fraction * model.batteries[i].capacity_kwh;
    capacity_new_kwh += model.batteries[i].capacity_kwh;
  }
  add("battery_capacity_remaining_ratio", "1", capacity_new_kwh > 0 ? capacity_now_kwh / capacity_new_kwh : 1.0,
      "Battery capacity left after ageing, all batteries together");
  add("line_losses_kwh", "kWh", sum(t.line_loss_kwh), "Energy lost in lines and transformers");
  add("grid_import_kwh", "kWh", t.grid_import_kwh, "Energy imported from the grid");
  add("grid_export_kwh", "kWh", t.grid_export_kwh, "Energy exported to the grid");
  add("pv_self_consumption_ratio", "1", pv_kwh > 0 ? std::max(0.0, (pv_kwh - t.grid_export_kwh) / pv_kwh) : 0.0,
      "Share of PV energy used in the park");
  add("onsite_self_consumption_ratio", "1",
      onsite_kwh > 0 ? std::max(0.0, (onsite_kwh - t.grid_export_kwh) / onsite_kwh) : 0.0,
      "Share of on-site generation (PV, wind, PV/thermal) used in the park");
  add("ev_charging_kwh", "kWh", sum(t.ev_charged_kwh), "Energy EV charge points drew from their buses");
  add("ev_v2g_returned_kwh", "kWh", sum(t.ev_v2g_kwh), "Energy cars returned to the park (V2G)");
  add("ev_requested_kwh", "kWh", sum(t.ev_requested_kwh), "Energy that departed cars had asked for");
  add("ev_undelivered_kwh", "kWh", sum(t.ev_undelivered_kwh), "Energy cars still lacked when they left");
  add("ev_departures_short", "1", sum(t.ev_departures_short), "Cars that left lacking more than 1 Wh of their request");
  add("ev_sessions_served", "1", sum(t.ev_sessions_served), "Cars that plugged in");
  add("ev_sessions_turned_away", "1", sum(t.ev_sessions_turned_away), "Cars that found every charge point taken");
  add("ev_turned_away_kwh", "kWh", sum(t.ev_turned_away_kwh), "Energy turned-away cars had asked for");
  add("ev_charger_hours_per_day", "h/day", days > 0 ? sum(t.ev_plugged_hours) / days : 0.0,
      "Charge-point hours occupied per day, all points together");
  double points = 0;
  for (const EvChargerModel& c : model.ev_chargers) points += c.count;
  add("ev_charger_occupancy_ratio", "1", days > 0 && points > 0 ? sum(t.ev_plugged_hours) / (24 * days * points) : 0.0,
      "Share of the time a charge point has a car plugged in");
  add("electrolyser_energy_kwh", "kWh", electrolyser_kwh, "Electricity drawn by electrolysers");
  add("h2_produced_kg", "kg", sum(t.electrolyser_h2_kg), "Hydrogen made");
  add("fuel_cell_energy_kwh", "kWh", fuel_cell_kwh, "Electricity delivered by fuel cells");
  add("fuel_cell_h2_kg", "kg", sum(t.fuel_cell_h2_kg), "Hydrogen used by fuel cells");
  add("fuel_cell_heat_kwh", "kWh", sum(t.fuel_cell_heat_kwh), "Heat recovered from fuel cells");
  add("h2_demand_kg", "kg", sum(t.h2_demand_kg), "Hydrogen vehicles asked for");
  add("h2_unserved_kg", "kg", sum(t.h2_demand_unserved_kg), "Hydrogen vehicles did not get (empty tank)");
  add("h2_vented_kg", "kg", sum(t.h2_vented_kg), "Hydrogen relieved from full tanks when a fuel cell was curtailed");
  add("data_centre_energy_kwh", "kWh", data_centre_kwh, "Facility energy served to data centres");
  add("data_centre_it_energy_kwh", "kWh", data_centre_it_kwh, "IT energy of the data centres");
  add("data_centre_unserved_kwh", "kWh", sum(t.data_centre_unserved_kwh), "Data-centre demand not met");
  add("data_centre_pue", "1",
      data_centre_it_kwh > 0 ? (data_centre_kwh + sum(t.data_centre_unserved_kwh)) / data_centre_it_kwh : 0.0,
      "Annualised PUE: facility energy / IT energy");
  add("heat_demand_kwh", "kWh", heat_served_kwh[0] + heat_unserved_kwh[0],
      "Heat that heat loads and buildings asked for");
  add("heat_served_kwh", "kWh", heat_served_kwh[0], "Heat delivered to heat loads and buildings");
  add("heat_unmet_kwh", "kWh", heat_unserved_kwh[0],
      "Heat demand not met (capacity, minimum off times, import limits)");
  add("heat_dumped_kwh", "kWh", heat_dumped_kwh[0], "Surplus heat rejected (minimum loads and run times)");
  add("heat_pump_electricity_kwh", "kWh", heat_pump_kwh[0], "Electricity drawn by heat pumps");
  add("heat_pump_heat_kwh", "kWh", heat_pump_thermal_kwh[0], "Heat delivered by heat pumps");
  add("heat_pump_scop", "1", heat_pump_kwh[0] > 0 ? heat_pump_thermal_kwh[0] / heat_pump_kwh[0] : 0.0,
      "Seasonal COP of the heat pumps: heat delivered / electricity drawn");
  add("cooling_demand_kwh", "kWh", heat_served_kwh[1] + heat_unserved_kwh[1],
      "Cooling that cooling loads and buildings asked for");
  add("cooling_served_kwh", "kWh", heat_served_kwh[1], "Cooling delivered");
  add("cooling_unmet_kwh", "kWh", heat_unserved_kwh[1], "Cooling demand not met");
  add("chiller_electricity_kwh", "kWh", heat_pump_kwh[1], "Electricity drawn by chillers");
  add("chiller_seer", "1", heat_pump_kwh[1] > 0 ? heat_pump_thermal_kwh[1] / heat_pump_kwh[1] : 0.0,
      "Seasonal EER of the chillers: cooling delivered / electricity drawn");
  add("thermal_storage_loss_kwh", "kWh", sum(t.thermal_storage_loss_kwh), "Standing losses of heat and cold tanks");
  add("consumption_kwh", "kWh", consumption_kwh,
      "Loads, EV charging net of V2G, electrolysers net of fuel cells, data centres, heat pumps and chillers, plus "
      "line and battery losses");
  add("self_sufficiency_ratio", "1", consumption_kwh > 0 ? std::max(0.0, 1 - t.grid_import_kwh / consumption_kwh) : 0.0,
      "Share of the park's consumption not met by imports");
  add("peak_grid_import_kw", "kW", peak_import_kw_, "Largest instantaneous import");
  add("max_demand_kw", "kW", max_demand_kw, "Largest mean import over a demand window");
  add("energy_cost_cny", "CNY", energy_cost_cny_, "Imported energy at time-of-use prices");
  add("demand_charge_cny", "CNY", demand_charge_cny, "Two-part tariff: maximum-demand charge");
  add("capacity_charge_cny", "CNY", capacity_charge_cny, "Two-part tariff: capacity charge");
  add("export_revenue_cny", "CNY", export_revenue_cny_, "Exported energy at the export price");
  add("net_cost_cny", "CNY", net_cost_cny, "Energy + demand + capacity charges − export revenue");
  if (model.economics.given) {
    // The run's share of each asset's yearly capital recovery and fixed O&M (365-day years).
    double capex_cny = 0, annualised_cny = 0, om_cny = 0;
    for (const InvestmentLine& line : investment_lines(model)) {
      capex_cny += line.capex_cny;
      annualised_cny += line.annualised_capex_cny_per_year * years;
      om_cny += line.fixed_om_cny_per_year * years;
    }
    add("capex_cny", "CNY", capex_cny, "Capital cost of the priced assets (economics section)");
    add("annualised_capex_cny", "CNY", annualised_cny,
        "Capital recovery over the run: capex × capital recovery factor × simulated years");
    add("fixed_om_cny", "CNY", om_cny, "Fixed operation and maintenance over the run");
    add("total_cost_cny", "CNY", net_cost_cny + annualised_cny + om_cny,
        "Net energy cost + annualised capital + fixed O&M: what a design search weighs");
  }
  add("co2_kg", "kg", co2_kg_, "CO2 emitted by imported electricity");
  add("carbon_sink_co2_kg", "kg", sink_kg, "CO2 taken up by the park's green space");
  add("net_co2_kg", "kg", co2_kg_ - sink_kg, "CO2 emitted − CO2 taken up by green space");
  const CarbonLedgerModel& ledger = model.carbon_ledger;
  if (ledger.present) {
    double recycling_kg = 0, offsets_kg = 0;
    for (const RecyclableModel& r : ledger.recyclables) recycling_kg += r.mass_kg * r.factor_kg_co2_per_kg;
    for (const CarbonOffsetModel& o : ledger.offsets) offsets_kg += o.co2_kg;
    add("recycling_co2_avoided_kg", "kg", recycling_kg, "CO2 avoided by the recyclables of the carbon ledger");
    add("offsets_co2_kg", "kg", offsets_kg, "CO2 offsets of the carbon ledger");
    add("ledger_net_co2_kg", "kg", co2_kg_ - sink_kg - recycling_kg - offsets_kg,
        "CO2 emitted − green space uptake − recycling − offsets");
    if (ledger.floor_area_m2 > 0)
      add("co2_kg_per_m2_year", "kg/(m2*a)", years > 0 ? co2_kg_ / ledger.floor_area_m2 / years : 0.0,
          "CO2 of imported electricity per m² of floor area and year");
    for (std::size_t a = 0; a < ledger.accounts.size(); ++a) {
      const std::string& name = ledger.accounts[a].name;
      add("account_co2_kg." + name, "kg", account_co2_kg_[a], "Carbon account: its members' share of the CO2");
      add("account_cost_cny." + name, "CNY", account_cost_cny_[a],
          "Carbon account: its members' share of the energy cost (demand and capacity charges not shared)");
      add("account_credit_kg_co2." + name, "kg", account_credit_kg_co2_[a],
          "Carbon account: credit for its EV charging in the credited tariff periods");
    }
  }
  for (std::size_t i = 0; i < model.pv_arrays.size(); ++i)
    add("energy_kwh." + model.pv_arrays[i].name, "kWh", t.pv_kwh[i], "PV array: AC energy delivered");
  for (std::size_t i = 0; i < model.batteries.size(); ++i)
    add("energy_kwh." + model.batteries[i].name, "kWh", t.battery_discharged_kwh[i] - t.battery_charged_kwh[i],
        "Battery: net energy delivered (discharged − charged)");
  for (std::size_t i = 0; i < model.loads.size(); ++i) {
    add("energy_kwh." + model.loads[i].name, "kWh", -t.load_served_kwh[i], "Load: energy served (negative: drawn)");
    add("unserved_kwh." + model.loads[i].name, "kWh", t.load_unserved_kwh[i], "Load: demand not met");
  }
  for (std::size_t p = 0; p < model.outages.size(); ++p)
    add("outage_hours." + model.outages[p].component, "h", t.outage_h[p], "Hours out of service");
  if (model.network.modelled) {
    const double delivered = t.network_messages - t.network_messages_lost;
    add("network_messages", "1", t.network_messages, "Measurements and set-points sent on the control network");
    add("network_messages_lost", "1", t.network_messages_lost, "Of those, failed on a link that was out or late");
    add("network_mean_delay_s", "s", delivered > 0 ? t.network_delay_sum_s / delivered : 0.0,
        "Mean delivery time of the messages delivered");
    add("network_max_delay_s", "s", t.network_delay_max_s, "Longest delivery time");
    add("network_setpoints_lost", "1", t.network_setpoints_lost, "Set-points that never applied");
    add("network_fallbacks", "1", t.network_fallbacks, "Times a device fell back to its safe rule (set-point too old)");
    add("network_fallback_device_hours", "h", t.network_fallback_device_h, "Device-hours spent on the safe rule");
  }
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g) {
    add("energy_kwh." + model.ev_chargers[g].name, "kWh", t.ev_v2g_kwh[g] - t.ev_charged_kwh[g],
        "EV chargers: V2G returned − charging drawn");
    add("charger_hours_per_day." + model.ev_chargers[g].name, "h/day", days > 0 ? t.ev_plugged_hours[g] / days : 0.0,
        "EV chargers: charge-point hours occupied per day");
  }
  for (std::size_t i = 0; i < model.data_centres.size(); ++i) {
    add("energy_kwh." + model.data_centres[i].name, "kWh", -t.data_centre_served_kwh[i],
        "Data centre: facility energy served (negative: drawn)");
    add("unserved_kwh." + model.data_centres[i].name, "kWh", t.data_centre_unserved_kwh[i],
        "Data centre: facility demand not met");
  }
  for (std::size_t i = 0; i < model.wind_turbines.size(); ++i)
    add("energy_kwh." + model.wind_turbines[i].name, "kWh", t.wind_kwh[i], "Wind turbines: energy delivered");
  for (std::size_t i = 0; i < model.heat_pumps.size(); ++i)
    add("energy_kwh." + model.heat_pumps[i].name, "kWh", -t.heat_pump_electric_kwh[i],
        model.heat_pumps[i].cooling ? "Chiller: electricity drawn (negative)"
                                    : "Heat pump: electricity drawn (negative)");
  for (std::size_t i = 0; i < model.heat_loads.size(); ++i)
    add("heat_kwh." + model.heat_loads[i].name, "kWh", t.heat_load_served_kwh[i],
        "Heat or cooling load: thermal energy served");
  for (std::size_t b = 0; b < model.buildings.size(); ++b) {
    add("heat_kwh." + model.buildings[b].name, "kWh", t.building_heating_served_kwh[b], "Buildings: heat served");
    add("cooling_kwh." + model.buildings[b].name, "kWh", t.building_cooling_served_kwh[b], "Buildings: cooling served");
  }
  add("energy_kwh." + model.grid.name, "kWh", t.grid_import_kwh - t.grid_export_kwh, "Grid: net energy imported");
}

void add_baseline_comparison(KpiTable& run, const KpiTable& baseline) {
  const double baseline_co2 = kpi_value(baseline, "co2_kg");
  const double baseline_cost = kpi_value(baseline, "net_cost_cny");
  const double baseline_import = kpi_value(baseline, "grid_import_kwh");
  const double baseline_served = kpi_value(baseline, "load_served_kwh");
  run.push_back({"baseline_co2_kg", "kg", baseline_co2, "CO2 of the same park without on-site generation and storage"});
  run.push_back({"co2_avoided_kg", "kg", baseline_co2 - kpi_value(run, "co2_kg"), "Baseline CO2 − this run's CO2"});
  run.push_back({"net_co2_avoided_kg", "kg", kpi_value(baseline, "net_co2_kg") - kpi_value(run, "net_co2_kg"),
                 "Baseline net CO2 − this run's net CO2 (counts the green space's uptake)"});
  run.push_back({"baseline_net_cost_cny", "CNY", baseline_cost,
                 "Net cost of the same park without on-site generation and storage"});
  run.push_back(
      {"cost_saved_cny", "CNY", baseline_cost - kpi_value(run, "net_cost_cny"), "Baseline net cost − this run's"});
  // With an economics section: does the investment pay for itself within the run?
  const auto has = [](const KpiTable& table, const char* key) {
    return std::any_of(table.begin(), table.end(), [&](const Kpi& k) { return k.key == key; });
  };
  if (has(run, "total_cost_cny") && has(baseline, "total_cost_cny"))
    run.push_back({"total_cost_saved_cny", "CNY",
                   kpi_value(baseline, "total_cost_cny") - kpi_value(run, "total_cost_cny"),
                   "Baseline total cost − this run's: net energy cost saved minus the on-site assets' annualised "
                   "capital and O&M"});
  run.push_back({"grid_import_avoided_kwh", "kWh", baseline_import - kpi_value(run, "grid_import_kwh"),
                 "Baseline import − this run's import"});
  run.push_back({"load_served_gain_kwh", "kWh", kpi_value(run, "load_served_kwh") - baseline_served,
                 "Load served beyond the baseline's; when not 0, the avoided figures compare runs "
                 "that served different energy (limits shed load in one of them)"});
}

}  // namespace zeropark

// KPIs. Definitions (all over the simulated period):
//   pv_self_consumption_ratio = (PV generated − exported) / PV generated
//   consumption_kwh           = load served + line losses + battery losses (conversion and
//                               self-discharge): all the energy the park uses
//   self_sufficiency_ratio    = 1 − imported / consumption
//   max_demand: the largest mean import over clock-aligned windows of demand_window_s (15 min by
//     default), per calendar month; the two-part tariff's demand charge applies it to each month,
//     and its capacity charge applies the contracted kVA to each month touched by the run.
//   co2_kg: imported energy × the emission factor in force when it was imported. Exported energy
//     earns no credit here; CO2 avoided is measured against the baseline run.
#include <algorithm>
#include <stdexcept>

#include "time/calendar.h"
#include "zeropark/kpi.h"

namespace zeropark {
namespace {

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

}  // namespace

double kpi_value(const KpiTable& table, std::string_view key) {
  for (const Kpi& k : table)
    if (k.key == key) return k.value;
  throw std::out_of_range("no KPI named '" + std::string(key) + "'");
}

void KpiAccumulator::on_run_start(const ParkModel& model, const ParkState&) {
  start_seconds_ = seconds_from_civil(model.start);
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
  const double consumption_kwh = served_kwh + sum(t.line_loss_kwh) + battery_losses_kwh;
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
  add("pv_generation_kwh", "kWh", pv_kwh, "AC energy delivered by PV after curtailment");
  add("pv_curtailed_kwh", "kWh", sum(t.pv_curtailed_kwh), "PV energy curtailed by export or line limits");
  add("pv_inverter_clipping_kwh", "kWh", sum(t.pv_clipped_dc_kwh), "DC energy lost to inverter clipping");
  add("battery_charged_kwh", "kWh", sum(t.battery_charged_kwh), "Energy drawn by batteries from their buses");
  add("battery_discharged_kwh", "kWh", sum(t.battery_discharged_kwh), "Energy batteries delivered to their buses");
  add("battery_self_discharge_kwh", "kWh", sum(t.battery_self_discharge_kwh), "Energy lost to self-discharge");
  add("line_losses_kwh", "kWh", sum(t.line_loss_kwh), "Energy lost in lines and transformers");
  add("grid_import_kwh", "kWh", t.grid_import_kwh, "Energy imported from the grid");
  add("grid_export_kwh", "kWh", t.grid_export_kwh, "Energy exported to the grid");
  add("pv_self_consumption_ratio", "1", pv_kwh > 0 ? std::max(0.0, (pv_kwh - t.grid_export_kwh) / pv_kwh) : 0.0,
      "Share of PV energy used in the park");
  add("consumption_kwh", "kWh", consumption_kwh, "Load served plus line and battery losses");
  add("self_sufficiency_ratio", "1", consumption_kwh > 0 ? std::max(0.0, 1 - t.grid_import_kwh / consumption_kwh) : 0.0,
      "Share of the park's consumption not met by imports");
  add("peak_grid_import_kw", "kW", peak_import_kw_, "Largest instantaneous import");
  add("max_demand_kw", "kW", max_demand_kw, "Largest mean import over a demand window");
  add("energy_cost_cny", "CNY", energy_cost_cny_, "Imported energy at time-of-use prices");
  add("demand_charge_cny", "CNY", demand_charge_cny, "Two-part tariff: maximum-demand charge");
  add("capacity_charge_cny", "CNY", capacity_charge_cny, "Two-part tariff: capacity charge");
  add("export_revenue_cny", "CNY", export_revenue_cny_, "Exported energy at the export price");
  add("net_cost_cny", "CNY", net_cost_cny, "Energy + demand + capacity charges − export revenue");
  add("co2_kg", "kg", co2_kg_, "CO2 emitted by imported electricity");
  for (std::size_t i = 0; i < model.pv_arrays.size(); ++i)
    add("energy_kwh." + model.pv_arrays[i].name, "kWh", t.pv_kwh[i], "PV array: AC energy delivered");
  for (std::size_t i = 0; i < model.batteries.size(); ++i)
    add("energy_kwh." + model.batteries[i].name, "kWh", t.battery_discharged_kwh[i] - t.battery_charged_kwh[i],
        "Battery: net energy delivered (discharged − charged)");
  for (std::size_t i = 0; i < model.loads.size(); ++i)
    add("energy_kwh." + model.loads[i].name, "kWh", -t.load_served_kwh[i], "Load: energy served (negative: drawn)");
  add("energy_kwh." + model.grid.name, "kWh", t.grid_import_kwh - t.grid_export_kwh,
      "Grid: net energy imported");
}

void add_baseline_comparison(KpiTable& run, const KpiTable& baseline) {
  const double baseline_co2 = kpi_value(baseline, "co2_kg");
  const double baseline_cost = kpi_value(baseline, "net_cost_cny");
  const double baseline_import = kpi_value(baseline, "grid_import_kwh");
  const double baseline_served = kpi_value(baseline, "load_served_kwh");
  run.push_back({"baseline_co2_kg", "kg", baseline_co2, "CO2 of the same park without PV and batteries"});
  run.push_back({"co2_avoided_kg", "kg", baseline_co2 - kpi_value(run, "co2_kg"), "Baseline CO2 − this run's CO2"});
  run.push_back({"baseline_net_cost_cny", "CNY", baseline_cost, "Net cost of the same park without PV and batteries"});
  run.push_back({"cost_saved_cny", "CNY", baseline_cost - kpi_value(run, "net_cost_cny"), "Baseline net cost − this run's"});
  run.push_back({"grid_import_avoided_kwh", "kWh", baseline_import - kpi_value(run, "grid_import_kwh"),
                 "Baseline import − this run's import"});
  run.push_back({"load_served_gain_kwh", "kWh", kpi_value(run, "load_served_kwh") - baseline_served,
                 "Load served beyond the baseline's; when not 0, the avoided figures compare runs "
                 "that served different energy (limits shed load in one of them)"});
}

}  // namespace zeropark

#include <algorithm>
#include <cmath>

#include "zeropark/economics.h"
#include "zeropark/model.h"

namespace zeropark {

double capital_recovery_factor(double discount_rate, double lifetime_years) {
  if (discount_rate == 0) return 1.0 / lifetime_years;
  const double growth = std::pow(1 + discount_rate, lifetime_years);
  return discount_rate * growth / (growth - 1);
}

std::vector<InvestmentLine> investment_lines(const ParkModel& model) {
  std::vector<InvestmentLine> lines;
  const EconomicsModel& e = model.economics;
  const auto add = [&](const std::string& asset, const char* kind, double size, const char* unit, const AssetCost& c) {
    if (c.capex_cny_per_unit <= 0 || size <= 0) return;
    InvestmentLine line{asset, kind, size, unit, size * c.capex_cny_per_unit, 0, 0};
    line.annualised_capex_cny_per_year = line.capex_cny * capital_recovery_factor(e.discount_rate, c.lifetime_years);
    line.fixed_om_cny_per_year = line.capex_cny * c.fixed_om_fraction_per_year;
    lines.push_back(line);
  };
  for (const PvModel& pv : model.pv_arrays) add(pv.name, "pv", pv.dc_capacity_kw, "kW", e.pv_per_kw_dc);
  for (const WindTurbineModel& w : model.wind_turbines) {
    const double rated_kw =
        w.curve_power_kw.empty() ? 0 : *std::max_element(w.curve_power_kw.begin(), w.curve_power_kw.end()) * w.count;
    add(w.name, "wind", rated_kw, "kW", e.wind_per_kw);
  }
  for (const BatteryModel& b : model.batteries) {
    add(b.name, "battery energy", b.capacity_kwh, "kWh", e.battery_per_kwh);
    add(b.name, "battery power", std::max(b.max_charge_kw, b.max_discharge_kw), "kW", e.battery_per_kw);
  }
  for (const EvChargerModel& c : model.ev_chargers)
    add(c.name, "ev charger", static_cast<double>(c.count), "point", e.ev_charger_per_point);
  for (const HeatPumpModel& h : model.heat_pumps)
    add(h.name, h.cooling ? "chiller" : "heat pump", h.rated_kw, "kW", e.heat_pump_per_kw);
  for (const ThermalStorageModel& t : model.thermal_storages)
    add(t.name, "thermal storage", t.store.capacity_kwh, "kWh", e.thermal_storage_per_kwh);
  return lines;
}

}  // namespace zeropark

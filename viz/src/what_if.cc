// Applying what-if edits to a copy of the model (see what_if.h).
#include "what_if.h"

#include <cstdio>
#include <stdexcept>

#include "zeropark/controller.h"

namespace zeropark::view {

namespace {

std::string scaled(const char* what, double scale) {
  char text[64];
  std::snprintf(text, sizeof text, "%s x%.3g", what, scale);
  return text;
}

}  // namespace

std::string WhatIfEdit::label() const {
  std::string out;
  const auto append = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (battery_capacity_scale != 1) append(scaled("battery capacity", battery_capacity_scale));
  if (battery_power_scale != 1) append(scaled("battery power", battery_power_scale));
  if (pv_scale != 1) append(scaled("PV", pv_scale));
  if (tariff_scale != 1) append(scaled("prices", tariff_scale));
  if (!controller.empty()) append("controller " + controller);
  return out.empty() ? "unchanged copy" : out;
}

ParkModel apply_edit(const ParkModel& model, const WhatIfEdit& edit) {
  if (!(edit.battery_capacity_scale > 0) || !(edit.battery_power_scale > 0) || !(edit.pv_scale > 0) ||
      !(edit.tariff_scale > 0))
    throw std::invalid_argument("what-if scales must be > 0");
  ParkModel out = model;
  for (BatteryModel& b : out.batteries) {
    // The SOC window scales with the capacity, so the fork keeps the same fractions.
    b.capacity_kwh *= edit.battery_capacity_scale;
    b.energy_min_kwh *= edit.battery_capacity_scale;
    b.energy_max_kwh *= edit.battery_capacity_scale;
    b.energy_initial_kwh *= edit.battery_capacity_scale;
    b.backup_reserve_kwh *= edit.battery_capacity_scale;
    b.max_charge_kw *= edit.battery_power_scale;
    b.max_discharge_kw *= edit.battery_power_scale;
  }
  for (PvModel& pv : out.pv_arrays) {
    pv.dc_capacity_kw *= edit.pv_scale;
    pv.ac_capacity_kw *= edit.pv_scale;
  }
  // Energy prices only: demand and capacity charges stay (they are another part of the tariff).
  for (TariffModel::Season& season : out.grid.tariff.seasons)
    for (TariffModel::Segment& segment : season.segments) segment.price_cny_per_kwh *= edit.tariff_scale;
  out.grid.tariff.export_price_cny_per_kwh *= edit.tariff_scale;
  if (!edit.controller.empty()) {
    if (!make_controller(edit.controller)) throw std::invalid_argument("no controller named '" + edit.controller + "'");
    out.controller = edit.controller;
    out.controller_plugin.clear();  // a built-in chosen in the view replaces the scenario's plug-in
    out.local_controllers.clear();
  }
  return out;
}

}  // namespace zeropark::view

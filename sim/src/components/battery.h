// Stationary battery: energy, power limits, charge/discharge efficiency, SOC window and
// self-discharge, integrated exactly between events.
#pragma once

#include <optional>

#include "zeropark/model.h"
#include "zeropark/units.h"

namespace zeropark {

// How a battery will behave over the coming segment.
struct BatteryOperation {
  double power_kw = 0;                   // at the bus: + discharging, − charging
  std::optional<Tick> bound_in_s;        // seconds until the SOC window's edge is reached exactly
  // At the bottom edge the battery must draw its self-discharge to stay in its window: a power
  // balance may not shed this part (≤ 0; 0 elsewhere).
  double must_draw_kw = 0;
};

// The feasible operation closest to `request_kw` at stored energy `energy_kwh`: the request is
// clamped to the power limits, and where the window's edge is less than one second away the power
// is reduced so that the edge is reached exactly at the next whole second. At an edge the battery
// holds it, drawing its self-discharge from the bus rather than drifting out of the window.
BatteryOperation operate_battery(const BatteryModel& battery, double energy_kwh, double request_kw);

// Stored energy after `duration_s` seconds at constant bus power `power_kw`, starting from
// `energy_kwh`, by the exact solution (not clamped to the window: the caller checks).
double battery_energy_after(const BatteryModel& battery, double energy_kwh, double power_kw,
                            Tick duration_s);

// Internal power (kW) that a bus power adds to the stored energy: η_c·charge or −discharge/η_d.
double battery_internal_kw(const BatteryModel& battery, double power_kw);

}  // namespace zeropark

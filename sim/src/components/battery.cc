// Battery: a bucket of energy E (kWh) between E_min = soc_min·C and E_max = soc_max·C.
//
// Model (constant bus power P over a segment, + = discharge):
//   dE/dt = u − k·E,   u = η_c·(−P) when charging, u = −P/η_d when discharging (kW → kWh/h)
// with k the self-discharge rate (1/s, from a fraction lost per day). Its exact solution over t s:
//   E(t) = E∞ + (E0 − E∞)·exp(−k t),  E∞ = u / (3600 k);   E(t) = E0 + u t / 3600 when k = 0.
// Reaching a window edge is an event: its time solves E(t) = edge. Events fall on whole seconds,
// so the power runs unchanged up to the last whole second before the edge; the final fraction of
// a second is taken as a one-second segment at reduced power that lands exactly on the edge. The
// battery then holds the edge: at E_min (and at E_max while asked to charge) it draws u = k·E from
// the bus, as a battery management system float-charges, so SOC never leaves its window.
//
// Ignored here: capacity fade, temperature, voltage and current limits, rate-dependent efficiency.
#include "components/battery.h"

#include <algorithm>
#include <cmath>

namespace zeropark {
namespace {

// Stored-energy change rate at the bus power that delivers internal power u (kW).
double bus_power_for_internal(const BatteryModel& b, double internal_kw) {
  return internal_kw >= 0 ? -internal_kw / b.charge_efficiency : -internal_kw * b.discharge_efficiency;
}

double energy_after(double energy_kwh, double internal_kw, double k_per_s, double t_s) {
  if (k_per_s == 0) return energy_kwh + internal_kw * t_s / kSecondsPerHourD;
  const double e_inf = internal_kw / (kSecondsPerHourD * k_per_s);
  return e_inf + (energy_kwh - e_inf) * std::exp(-k_per_s * t_s);
}

// Seconds until E(t) reaches `edge`, or nullopt when it never does.
std::optional<double> time_to(double energy_kwh, double internal_kw, double k_per_s, double edge) {
  if (k_per_s == 0) {
    const double rate = internal_kw / kSecondsPerHourD;
    if (rate == 0) return std::nullopt;
    const double t = (edge - energy_kwh) / rate;
    return t >= 0 ? std::optional<double>(t) : std::nullopt;
  }
  const double e_inf = internal_kw / (kSecondsPerHourD * k_per_s);
  const double ratio = (edge - e_inf) / (energy_kwh - e_inf);
  if (!(ratio > 0 && ratio <= 1)) return std::nullopt;
  return -std::log(ratio) / k_per_s;
}

// Internal power that moves E from energy_kwh exactly to `edge` in one second.
double internal_to_reach_in_one_second(double energy_kwh, double k_per_s, double edge) {
  if (k_per_s == 0) return (edge - energy_kwh) * kSecondsPerHourD;
  const double decay = std::exp(-k_per_s);
  const double e_inf = (edge - energy_kwh * decay) / (1 - decay);
  return e_inf * kSecondsPerHourD * k_per_s;
}

}  // namespace

double battery_internal_kw(const BatteryModel& b, double power_kw) {
  return power_kw >= 0 ? -power_kw / b.discharge_efficiency : -power_kw * b.charge_efficiency;
}

BatteryOperation operate_battery(const BatteryModel& b, double energy_kwh, double request_kw) {
  const double k = b.self_discharge_per_s;
  const double power_kw = std::clamp(request_kw, -b.max_charge_kw, b.max_discharge_kw);
  const double internal_kw = battery_internal_kw(b, power_kw);
  const double drift_kw = internal_kw - kSecondsPerHourD * k * energy_kwh;  // dE/dt now, in kW
  if (drift_kw == 0) return {power_kw, std::nullopt};

  const bool rising = drift_kw > 0;
  const double edge = rising ? b.energy_max_kwh : b.energy_min_kwh;
  const bool at_edge = rising ? energy_kwh >= edge : energy_kwh <= edge;
  if (at_edge) {
    // Hold the edge: cancel self-discharge exactly, within the charge limit.
    const double hold_internal_kw = kSecondsPerHourD * k * edge;
    const double hold_kw = std::max(bus_power_for_internal(b, hold_internal_kw), -b.max_charge_kw);
    return {hold_kw, std::nullopt, rising ? 0.0 : hold_kw};
  }
  const std::optional<double> t = time_to(energy_kwh, internal_kw, k, edge);
  if (!t) return {power_kw, std::nullopt};
  if (*t >= 1.0) {
    // Saturate before converting: an edge centuries away is no event of this run.
    constexpr double kFar = 4.0e18;
    return {power_kw, static_cast<Tick>(std::min(std::floor(*t), kFar))};
  }
  const double landing_kw = bus_power_for_internal(b, internal_to_reach_in_one_second(energy_kwh, k, edge));
  return {std::clamp(landing_kw, -b.max_charge_kw, b.max_discharge_kw), Tick{1}};
}

double battery_energy_after(const BatteryModel& b, double energy_kwh, double power_kw, Tick duration_s) {
  return energy_after(energy_kwh, battery_internal_kw(b, power_kw), b.self_discharge_per_s,
                      static_cast<double>(duration_s));
}

}  // namespace zeropark

// Limits, landings and events of one car at a charge point (equations in the header).
#include "components/ev_charger.h"

#include <algorithm>
#include <cmath>

namespace zeropark {
namespace {

// Energy still wanted, kWh; below a millionth of a kWh the car counts as served.
constexpr double kServedToleranceKwh = 1e-6;

double into_car_kw(const EvChargerModel& c, double bus_kw) {
  return bus_kw <= 0 ? -bus_kw * c.efficiency : -bus_kw / c.efficiency;
}

double bus_kw_for_into_car(const EvChargerModel& c, double into_kw) {
  return into_kw >= 0 ? -into_kw / c.efficiency : -into_kw * c.efficiency;
}

}  // namespace

double ev_laxity_s(const EvChargerModel& c, const EvSession& s, double delivered_kwh, Tick now) {
  const double full_rate_kw = ev_max_charge_kw(c, s) * c.efficiency;
  return static_cast<double>(s.departure_s - now) -
         (s.energy_requested_kwh - delivered_kwh) * kSecondsPerHourD / full_rate_kw;
}

namespace {

double laxity_s(const EvChargerModel& c, const EvSession& s, double delivered_kwh, Tick now) {
  return ev_laxity_s(c, s, delivered_kwh, now);
}

double v2g_floor_kwh(const EvSession& s) { return -kV2gShareOfBattery * s.battery_capacity_kwh; }

}  // namespace

double ev_max_charge_kw(const EvChargerModel& charger, const EvSession& session) {
  return std::min(charger.max_power_kw, session.max_charge_kw);
}

EvLimits ev_limits(const EvChargerModel& charger, const EvSession& session, double delivered_kwh, Tick now) {
  EvLimits limits;
  const bool wants_more = session.energy_requested_kwh - delivered_kwh > kServedToleranceKwh;
  // A car charges up to what it asked for, and after V2G back up to it: never beyond.
  limits.max_charge_kw = wants_more ? ev_max_charge_kw(charger, session) : 0.0;
  const double laxity = laxity_s(charger, session, delivered_kwh, now);
  limits.forced = wants_more && laxity < 1.0;
  // V2G only with a second of slack or more: a car served to within the tolerance, in its last
  // second of slack, must not give back what it could not take again before it leaves.
  if (charger.bidirectional && !limits.forced && laxity >= 1.0 &&
      delivered_kwh > v2g_floor_kwh(session) + kServedToleranceKwh)
    limits.max_discharge_kw = charger.max_power_kw;
  return limits;
}

EvOperation operate_ev(const EvChargerModel& charger, const EvSession& session, double delivered_kwh, Tick now,
                       double request_kw) {
  const EvLimits limits = ev_limits(charger, session, delivered_kwh, now);
  EvOperation op;
  op.bus_kw =
      limits.forced ? -limits.max_charge_kw : std::clamp(request_kw, -limits.max_charge_kw, limits.max_discharge_kw);
  const double c_kw = into_car_kw(charger, op.bus_kw);
  if (c_kw == 0 && !(limits.max_charge_kw > 0)) return op;

  // Seconds to each edge at this power; the earliest is the car's next event.
  std::optional<double> edge_s;
  double edge_kwh = 0;
  if (c_kw > 0) {
    edge_kwh = session.energy_requested_kwh;
    edge_s = (edge_kwh - delivered_kwh) * kSecondsPerHourD / c_kw;
  } else if (c_kw < 0) {
    edge_kwh = v2g_floor_kwh(session);
    edge_s = (delivered_kwh - edge_kwh) * kSecondsPerHourD / -c_kw;
  }
  if (edge_s && *edge_s < 1.0) {
    // Land on the edge in exactly one second.
    op.bus_kw = bus_kw_for_into_car(charger, (edge_kwh - delivered_kwh) * kSecondsPerHourD);
    op.bound_in_s = 1;
    return op;
  }
  std::optional<double> next_s = edge_s;
  const double full_rate_kw = ev_max_charge_kw(charger, session) * charger.efficiency;
  // A car that still wants energy, or one giving energy back (even one that asked for none: it
  // must leave with what it came with), runs out of slack: its laxity falls at 1 − c/(P·η)
  // seconds per second until it must charge flat out.
  if ((limits.max_charge_kw > 0 || c_kw < 0) && c_kw < full_rate_kw) {
    const double laxity_now_s = laxity_s(charger, session, delivered_kwh, now);
    const double falls_per_s = 1 - c_kw / full_rate_kw;
    const double lax_s = laxity_now_s / falls_per_s;
    if (lax_s < 1.0 && laxity_now_s >= 1.0) {
      // Giving back faster than one second of slack allows (V2G makes the laxity fall by more
      // than a second per second): for one second give back at most what lands the laxity on 0,
      // so that flat-out charging from then on still makes the departure.
      const double landing_into_kw = full_rate_kw * (1 - laxity_now_s);  // ≤ 0
      if (c_kw < landing_into_kw) op.bus_kw = bus_kw_for_into_car(charger, landing_into_kw);
      op.bound_in_s = 1;
      return op;
    }
    if (!next_s || lax_s < *next_s) next_s = lax_s;
  }
  // A year is far enough: slower than that, the car's departure comes first anyway.
  constexpr double kFarS = 400.0 * kSecondsPerDay;
  if (next_s) op.bound_in_s = std::max<Tick>(1, static_cast<Tick>(std::floor(std::min(*next_s, kFarS))));
  return op;
}

double ev_delivered_after(const EvChargerModel& charger, double delivered_kwh, double bus_kw, Tick duration_s) {
  return delivered_kwh + energy_kwh(into_car_kw(charger, bus_kw), duration_s);
}

}  // namespace zeropark

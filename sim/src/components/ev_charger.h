// One electric vehicle at a charge point: how much it may charge or give back (V2G), and when
// its next event comes.
//
// A session asks for R kWh by its departure T. `delivered` e is the net energy that entered the
// car's battery since it arrived (it falls during V2G). With P the largest charging power at the
// bus (the smaller of the charge point's and the car's) and η the charger's efficiency:
//   into the battery   c = −p·η while charging (bus power p < 0), c = −p/η while discharging
//   laxity             L = (T − t) − (R − e)·3600 / (P·η)   seconds of slack before the car must
//                      charge flat out to get R by T.
// A car with L < 1 s is forced: it charges at P whatever it is asked. A car discharges (V2G) only
// from a bidirectional charge point, only while L ≥ 1 s (a discharge that would take the laxity
// below 0 within the second is cut to land it on 0), and never below −20 % of its
// battery relative to arrival (it arrived with at least that much above its own reserve: an
// assumption, as sessions do not record the arrival SOC). Events fall on whole seconds: reaching
// R, reaching the V2G floor and L reaching 0 are each an event at the exact second (the last
// fraction of a second is a one-second segment at reduced power that lands on the edge, as for
// batteries).
//
// Ignored: the taper of charging power near a full battery, battery ageing by V2G, and the car's
// own consumption while parked.
#pragma once

#include <optional>

#include "components/ev_sessions.h"
#include "zeropark/model.h"
#include "zeropark/units.h"

namespace zeropark {

// Share of a car's battery that V2G may take below its arrival energy.
inline constexpr double kV2gShareOfBattery = 0.2;

// What a car at a charge point may do now.
struct EvLimits {
  double max_charge_kw = 0;     // at the bus, ≥ 0 (0 once it has what it asked for)
  double max_discharge_kw = 0;  // at the bus, ≥ 0 (0 unless V2G is possible)
  bool forced = false;          // must charge at max_charge_kw now to make its departure
};

EvLimits ev_limits(const EvChargerModel& charger, const EvSession& session, double delivered_kwh, Tick now);

struct EvOperation {
  double bus_kw = 0;               // + discharging into the bus, − charging
  std::optional<Tick> bound_in_s;  // seconds to the car's next event at this power
};

// The feasible operation closest to `request_kw` (+ V2G, − charging): clamped to the limits, a
// forced car charging at its maximum, and the last fraction of a second before an edge landed
// exactly on it.
EvOperation operate_ev(const EvChargerModel& charger, const EvSession& session, double delivered_kwh, Tick now,
                       double request_kw);

// Energy in the car after `duration_s` at bus power `bus_kw`, relative to arrival.
double ev_delivered_after(const EvChargerModel& charger, double delivered_kwh, double bus_kw, Tick duration_s);

// The car's laxity L (see above), seconds.
double ev_laxity_s(const EvChargerModel& charger, const EvSession& session, double delivered_kwh, Tick now);

// Largest charging power of a car at a charge point, at the bus.
double ev_max_charge_kw(const EvChargerModel& charger, const EvSession& session);

}  // namespace zeropark

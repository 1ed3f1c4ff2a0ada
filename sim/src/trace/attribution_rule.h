// The attribution rule (docs/report.md, docs/carbon.md): in each event the imported CO2 and energy
// cost are shared among everything drawing power — loads, data centres, heat pumps and chillers,
// charger groups, batteries and electrolysers while they draw, and the lines' losses — in
// proportion to its draw. Carbon accounts and EV sessions both take their shares through it, so
// they add up to the same totals as the per-asset attribution that `zeropark report` reads back.
#pragma once

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// What a signed bus power (+ into the bus) draws from it.
inline double draw_kw(double power_kw) { return power_kw < 0 ? -power_kw : 0.0; }

struct EventShares {
  double total_draw_kw = 0;   // everything drawing, line losses included
  double losses_draw_kw = 0;  // the lines' losses (never below 0)
  double import_kwh = 0;      // over the event
  double carbon_kg_per_kwh = 0;
  double price_cny_per_kwh = 0;

  // The imported energy that drawing `kw` stands for during the event (0 when nothing draws).
  double import_share_kwh(double kw) const {
    return total_draw_kw > 0 && import_kwh > 0 ? import_kwh * (kw / total_draw_kw) : 0.0;
  }
};

EventShares event_shares(const ParkModel& model, const OperatingPoint& op, Tick duration_s);

}  // namespace zeropark

#include "trace/attribution_rule.h"

#include <algorithm>

#include "zeropark/units.h"

namespace zeropark {

EventShares event_shares(const ParkModel& model, const OperatingPoint& op, Tick duration_s) {
  EventShares s;
  double losses_kw = 0;
  for (std::size_t l = 0; l < model.lines.size(); ++l) losses_kw += op.line_sent_kw[l] - op.line_received_kw[l];
  s.losses_draw_kw = std::max(losses_kw, 0.0);
  s.total_draw_kw = s.losses_draw_kw;
  for (double p : op.load_kw) s.total_draw_kw += draw_kw(p);
  for (double p : op.data_centre_kw) s.total_draw_kw += draw_kw(p);
  for (double p : op.heat_pump_electric_kw) s.total_draw_kw += draw_kw(p);
  for (double p : op.ev_kw) s.total_draw_kw += draw_kw(p);
  for (double p : op.battery_kw) s.total_draw_kw += draw_kw(p);
  for (double p : op.electrolyser_kw) s.total_draw_kw += draw_kw(p);
  s.import_kwh = energy_kwh(std::max(op.grid_kw, 0.0), duration_s);
  s.carbon_kg_per_kwh = op.carbon_kg_per_kwh;
  s.price_cny_per_kwh = op.price_cny_per_kwh;
  return s;
}

}  // namespace zeropark

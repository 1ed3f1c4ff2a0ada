// Power balance on the park's radial network.
#pragma once

#include <vector>

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// Solves each segment's operating point: every bus balances exactly, the grid connection is the
// slack within its limits, and lines stay within their capacities.
class PowerBalancer {
 public:
  explicit PowerBalancer(const ParkModel& model);

  // Reads op.pv_available_kw, op.load_demand_kw and op.battery_kw (feasible requests); writes
  // op.pv_kw, op.load_kw, op.line_*, op.grid_kw and, where a limit binds, reduces op.battery_kw.
  // Where a limit binds the remedy is, in order: less battery discharge then PV curtailment (too
  // much export), or less battery charging then unserved load (too much import) — first on the
  // bus itself, then down its subtree. A battery's float charge at its bottom edge is never shed.
  // `battery_must_draw_kw` (≤ 0 each) is the charging that shedding may not remove.
  void solve(OperatingPoint& op, const std::vector<double>& battery_must_draw_kw);

 private:
  double bus_net_kw(int bus, const OperatingPoint& op) const;
  double child_arrival_kw(int line) const;
  void shed_export(int bus, double kw, OperatingPoint& op);
  void shed_import(int bus, double kw, OperatingPoint& op);

  const ParkModel& model_;
  std::vector<std::vector<int>> pv_at_, battery_at_, load_at_;
  std::vector<double> out_kw_;  // per bus: power sent up its parent line, at the bus's end
  const std::vector<double>* must_draw_kw_ = nullptr;
  std::vector<double> no_floor_;  // zeros, one per load
};

// Largest |Σ power into a bus| over all buses, kW: zero up to rounding for a solved point.
double max_bus_imbalance_kw(const ParkModel& model, const OperatingPoint& op);
// The largest |power| at any bus, the scale that imbalance is relative to.
double bus_power_scale_kw(const OperatingPoint& op);

}  // namespace zeropark

// Power balance on the park's radial network.
#pragma once

#include <string_view>
#include <vector>

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// One kind of component seen from the electric buses: where its request and its result live in
// the operating point, with which sign they enter the bus, and how it is shed when a limit binds.
// Flexible terminals (storage, V2G, shiftable demand) give way first; firm ones (generation, loads)
// only after them.
struct ElectricBinding {
  std::string_view kind;
  const std::vector<double> OperatingPoint::*request;  // what the component asks for
  std::vector<double> OperatingPoint::*result;         // what the balance grants (+ into the bus)
  double sign;                                         // request × sign = power into the bus
  bool flexible;
  std::vector<int> bus;  // per component
  // ≤ 0 per component: the draw that shedding may not remove (none when null).
  const std::vector<double> OperatingPoint::*floor = nullptr;
  std::vector<char> critical = {};  // per component (empty: none): shed only after everything else
};

// Every electric participant of a model except lines and the grid, in a fixed order.
std::vector<ElectricBinding> electric_bindings(const ParkModel& model);

// Solves each segment's operating point: every bus balances exactly, the grid connection is the
// slack within its limits, and lines stay within their capacities.
class PowerBalancer {
 public:
  explicit PowerBalancer(const ParkModel& model);

  // Reads every binding's request (PV and wind available, battery set-points made feasible, load,
  // heat-pump demand) and writes its result, op.line_* and op.grid_kw. Where a limit binds the
  // remedy is, in order: less flexible injection (battery discharge) then curtailment (PV, wind)
  // for too much export; for too much import: less flexible draw (battery charging), unserved
  // non-critical demand (loads, data centres, heat pumps), the floors (forced EV charging, an
  // electrolyser feeding an empty tank), critical loads, and last a battery's float charge at its
  // bottom edge (`battery_must_draw_kw`, ≤ 0 each) — first on the bus itself, then down its
  // subtree. Without the grid (`grid_connected` false) the park is an island: its exchange is 0.
  void solve(OperatingPoint& op, const std::vector<double>& battery_must_draw_kw, bool grid_connected = true);

 private:
  double bus_net_kw(int bus) const;
  double child_arrival_kw(int line) const;
  void shed_export(int bus, double kw);
  // Import is shed in stages, each over the whole subtree before the next: ordinary draws (flexible,
  // firm, then floors), critical demand, and last batteries' float charge.
  enum class ImportStage { kOrdinary, kCritical, kFloat };
  void shed_import(int bus, double kw);
  double shed_import_stage(int bus, double kw, ImportStage stage);  // returns what it could not shed

  const ParkModel& model_;
  std::vector<ElectricBinding> bindings_;
  // Flat terminal arrays: every component of every binding, in binding order.
  std::vector<double> kw_;                                        // + into the bus
  std::vector<double> draw_floor_;                                // ≤ 0: the draw that shedding may not remove
  std::vector<std::vector<int>> flexible_at_, firm_at_, all_at_;  // per bus: terminal indices
  std::vector<std::vector<int>> floored_at_;   // per bus: terminals whose floor goes after firm demand
  std::vector<std::vector<int>> critical_at_;  // per bus: critical demand, shed after the floors
  std::vector<std::vector<int>> battery_at_;   // per bus: batteries, whose float charge goes last
  std::vector<double> no_floor_;               // zeros, one per terminal
  std::vector<int> battery_terminal_;          // terminal index of each battery
  std::vector<double> out_kw_;                 // per bus: power sent up its parent line, at the bus's end
};

// Largest |Σ power into a bus| over all buses, kW: zero up to rounding for a solved point.
double max_bus_imbalance_kw(const ParkModel& model, const OperatingPoint& op);
// The largest |power| at any bus, the scale that imbalance is relative to.
double bus_power_scale_kw(const OperatingPoint& op);

}  // namespace zeropark

// Heat balance: each heating or cooling bus, one temperature level, balanced at every segment.
//
// On a bus h, with thermal powers positive into the bus:
//   Σ heat pumps' thermal output + Σ PV/thermal and fuel-cell heat + Σ tanks (+ discharging,
//     − charging) + Σ demands served (≤ 0: heat loads, buildings) − dumped surplus = 0
// The dispatch is heat-led. Heat that comes anyway (PV/thermal collectors, fuel cells' recovered
// heat) is taken first. Tanks with a controller set-point move next; heat pumps then meet
// the remaining demand in merit order (highest COP first), each between its minimum load and its
// capacity at the current source and sink temperatures, and within its minimum run and off times
// (a heat pump that must keep running runs at its minimum load). Tanks that follow the balance
// (no set-point) then cover what the heat pumps could not, or absorb what they had to produce
// beyond demand. What is still missing is unmet demand, shared by the bus's loads in proportion;
// what is still left over is dumped (reported: a real plant would overheat or reject it).
//
// The electric balance may later serve a heat pump less than it asked for (an import limit), or
// curtail a fuel cell; settle() then reduces the heat in proportion and the bus takes the loss:
// first from its dumped surplus, then from tanks being charged, then as unmet demand. Tanks are
// not asked to discharge more within the segment.
#pragma once

#include <optional>
#include <vector>

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// One kind of thermal demand on heat buses: where its demand and what it is served live in the
// operating point (served ≤ 0: out of the bus), and the bus of each component (−1: none).
struct ThermalDemandBinding {
  std::vector<double> OperatingPoint::*demand;
  std::vector<double> OperatingPoint::*served;
  std::vector<int> bus;
};

// Heat loads, buildings' heating and buildings' cooling, in a fixed order.
std::vector<ThermalDemandBinding> thermal_demand_bindings(const ParkModel& model);

class HeatBalancer {
 public:
  explicit HeatBalancer(const ParkModel& model);

  // Plans the segment starting at state.tick: reads the thermal demands, op.heat_pump_cop and
  // op.heat_pump_max_kw, the tanks' energies and set-points; writes op.heat_pump_thermal_kw,
  // op.heat_pump_electric_demand_kw, op.thermal_storage_kw, what each demand is served and
  // op.heat_bus_dumped_kw. Starts and stops heat pumps (state.heat_pump_on, _switched_tick and
  // the start counter).
  void dispatch(ParkState& state);

  // Applies what the electric balance granted (heat pumps' power, fuel cells' output) to the heat
  // side.
  void settle(ParkState& state);

  // The earliest exact event of the heat side after state.tick: a tank reaching an edge of its
  // window, or a heat pump's minimum run or off time ending. Valid after dispatch().
  std::optional<Tick> next_event(const ParkState& state) const;

 private:
  struct DemandRef {
    int binding;
    int index;
  };
  double demand_kw(const OperatingPoint& op, int bus) const;
  double served_kw(const OperatingPoint& op, int bus) const;
  void serve_fraction(OperatingPoint& op, int bus, double fraction) const;

  double free_heat_kw(const OperatingPoint& op, int bus) const;

  const ParkModel& model_;
  std::vector<ThermalDemandBinding> demands_;
  std::vector<double> planned_free_heat_kw_;           // per bus, at dispatch
  std::vector<std::vector<int>> pumps_at_, tanks_at_;  // per heat bus
  std::vector<std::vector<DemandRef>> demands_at_;     // per heat bus
  std::vector<std::optional<Tick>> tank_bound_in_s_;
};

// Largest |Σ thermal power into a heat bus| over all heat buses, kW: zero up to rounding.
double max_heat_bus_imbalance_kw(const ParkModel& model, const OperatingPoint& op);

}  // namespace zeropark

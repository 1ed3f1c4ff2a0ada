// The hydrogen chain in the plant: electrolysers fill tanks, fuel cells and vehicles draw on them.
//
// Each segment, per tank: vehicles ask for their hour's hydrogen; fuel cells run at their
// controller set-points (off without one); electrolysers follow their set-points or, without one,
// the refill rule (start when the tank falls to refill_below_kg, run at rated power until it is
// full). The tank's net flow must keep it in [min_kg, capacity_kg]: a full tank holds production
// back to what is drawn, and a tank at its heel first stops the fuel cells, then rations vehicles.
// Reaching full, the heel or the refill level is an exact event.
//
// On the electric side electrolysers and fuel cells are flexible (shed before loads and before
// PV is curtailed). At the heel, or landing on it, an electrolyser's draw that feeds the
// withdrawals is a floor the balance sheds only as its last resort; if it does, vehicles get less.
// A fuel cell curtailed while the tank is all but full leaves hydrogen with nowhere to go: the
// relief valve vents it (reported). What the balance grants sets the hydrogen actually made or
// used; below a machine's minimum load its hydrogen is taken as proportional to power (the plant
// idling hot), so every kWh granted has its hydrogen and the buses stay balanced.
#pragma once

#include <optional>
#include <vector>

#include "components/hydrogen.h"
#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

class HydrogenSystem {
 public:
  explicit HydrogenSystem(const ParkModel& model);

  // Plans the segment: writes op.electrolyser_demand_kw and _floor_kw, op.fuel_cell_available_kw
  // and _heat_kw, op.h2_demand_served_kg_per_h; updates the refill rule's state.
  void plan(ParkState& state);
  // Turns the granted electric powers into hydrogen flows and the tanks' net flows.
  void settle(ParkState& state);
  // A tank reaching full, its heel or an electrolyser's refill level. Valid after settle().
  std::optional<Tick> next_event(const ParkState& state) const;

  // Hydrogen made or used at a granted electric power, kg/h (see the header comment).
  static double electrolyser_kg_per_h(const ElectrolyserParams& params, double electric_kw);
  static FuelCellOperation fuel_cell_granted(const FuelCellParams& params, double electric_kw);
  // The electric output at which fuel_cell_granted draws `kg_per_h` (never more).
  static double fuel_cell_power_for_kg_per_h(const FuelCellParams& params, double kg_per_h);

 private:
  double tank_request_kg_per_h(const ParkState& state, int tank) const;

  const ParkModel& model_;
  std::vector<H2TankParams> tanks_;
  std::vector<std::vector<int>> electrolysers_at_, fuel_cells_at_, demands_at_;  // per tank
  std::vector<std::optional<Tick>> tank_bound_in_s_;
};

}  // namespace zeropark

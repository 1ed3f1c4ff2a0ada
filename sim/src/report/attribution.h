// Emissions and energy cost of each row shared among what drew power in that row.
//
// The rule (the same in the Python package and the engine's carbon accounts): in each row, every
// electric component with power_kw < 0 (loads, data centres, heat pumps, chillers, electrolysers,
// EV groups and batteries while charging) draws −power_kw, and a pseudo-asset "line_losses" draws
// Σ over lines (sent_kw − received_kw). The row's import emissions (import kW × emission factor ×
// hours) and energy cost (import × price × hours) go to the draws in proportion to each draw.
// Why: a row's imports exist because of what is drawing in that row, and the price and factor in
// force are the row's own, so this shares out the carbon and the bill time-of-use-correctly, and
// the shares add up to co2_kg and energy_cost_cny exactly. Energy the battery later gives back
// carries no emissions of its own: what charged it carries them.
//
// Renewable generators (pv, wind, pvt) get avoided_co2_kg = energy delivered × factor in force
// (location-based displacement). Demand and capacity charges are not attributed: they follow the
// month's peak window and the contract, not energy, and have no fair per-row split.
// A zone is a bus: its figures are sums over the assets whose `bus` attribute names it; the
// pseudo-assets line_losses and unattributed are zones of their own, so the zones add up too.
#pragma once

#include <string>
#include <vector>

#include "report/trace_reader.h"

namespace zeropark::report {

struct AssetShare {
  std::string name;
  std::string kind;       // "line_losses" for the pseudo-asset
  std::string bus;        // "" for line_losses
  double energy_kwh = 0;  // drawn (consumers, batteries and EV groups while charging); delivered (generators)
  double co2_kg = 0;
  double cost_cny = 0;
  double avoided_co2_kg = 0;
};

// A zone's drawn and generated energy stay apart: adding a roof's output to a building's
// consumption would describe neither.
struct ZoneShare {
  std::string bus;
  double drawn_kwh = 0;      // its consumers' and storage's draws
  double generated_kwh = 0;  // its PV, wind and PV/thermal delivered
  double co2_kg = 0;
  double cost_cny = 0;
  double avoided_co2_kg = 0;
};

struct Attribution {
  // Every component with a power_kw channel but the grid (in the file's order); then line_losses
  // when the park has lines; then, only when some row imported with nothing drawing (which a
  // balanced park never does), "unattributed" holding those rows' import, CO2 and cost so that
  // the totals stay whole.
  std::vector<AssetShare> assets;
  std::vector<ZoneShare> zones;  // sorted by bus name
};

// Reads each power channel twice (once to total the row's draws, once to share), so memory stays
// at a few row-length vectors whatever the number of components.
Attribution attribute(const TraceFile& trace);

// Whether a component kind delivers renewable electricity (earns avoided_co2_kg).
bool is_renewable(const std::string& kind);

}  // namespace zeropark::report

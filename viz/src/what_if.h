// What-if edits the live view offers, and the edited model a fork runs on.
//
// An edit keeps the park's components (Session::fork needs the same components): it rescales
// the batteries and PV arrays, scales the tariff's energy prices and may change the controller.
#pragma once

#include <string>

#include "zeropark/model.h"

namespace zeropark::view {

struct WhatIfEdit {
  double battery_capacity_scale = 1;  // capacity and its SOC window (energies), × this
  double battery_power_scale = 1;     // charge and discharge limits, × this
  double pv_scale = 1;                // DC and AC ratings, × this
  std::string controller;             // "" keeps the model's
  double tariff_scale = 1;            // every energy price, import (all periods) and export, × this

  // "battery ×2, PV ×1.5, controller tou" — what the UI calls the fork.
  std::string label() const;
};

// A copy of `model` with the edit applied. Throws std::invalid_argument for a scale ≤ 0 or an
// unknown controller.
ParkModel apply_edit(const ParkModel& model, const WhatIfEdit& edit);

}  // namespace zeropark::view

// peak_shaving: keep grid import under a target with batteries and V2G.
#pragma once

#include "zeropark/controller.h"

namespace zeropark {

class PeakShavingController final : public Controller {
 public:
  std::string_view name() const override { return "peak_shaving"; }
  std::vector<ControllerSetting> settings() const override;
  std::size_t memory_size(const ParkModel&) const override;
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
};

// The peak-shaving rule for batteries and V2G groups (v2g_too: V2G groups take part like
// batteries): discharge what net demand exceeds `target_kw`, recharge within the headroom under
// it except when `expensive`. Writes battery_setpoint_kw, and ev_setpoint_kw of V2G groups when
// v2g_too (other entries untouched). Returns the discharge asked for, kW (≥ 0).
double shave_peak(const ParkModel& model, const Observation& observation, double target_kw, bool expensive,
                  bool v2g_too, Command& command);

}  // namespace zeropark

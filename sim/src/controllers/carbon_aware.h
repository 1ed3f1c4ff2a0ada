// carbon_aware: shift flexible energy to the hours when the grid's electricity is cleanest.
#pragma once

#include "zeropark/controller.h"

namespace zeropark {

class CarbonAwareController final : public Controller {
 public:
  std::string_view name() const override { return "carbon_aware"; }
  std::vector<ControllerSetting> settings() const override;
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
};

}  // namespace zeropark

// v2g: parked cars give energy back at peak prices and charge in the valley.
#pragma once

#include "zeropark/controller.h"

namespace zeropark {

class V2gController final : public Controller {
 public:
  std::string_view name() const override { return "v2g"; }
  std::vector<ControllerSetting> settings() const override;
  std::size_t memory_size(const ParkModel&) const override;
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
};

}  // namespace zeropark

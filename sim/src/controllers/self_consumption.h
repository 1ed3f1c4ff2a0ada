// self_consumption: charge from PV surplus, discharge to cover the load.
#pragma once

#include "zeropark/controller.h"

namespace zeropark {

class SelfConsumptionController final : public Controller {
 public:
  std::string_view name() const override { return "self_consumption"; }
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
};

}  // namespace zeropark

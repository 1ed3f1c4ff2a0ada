// orderly_charging: EV valley-filling (有序充电) — cars charge in the cheapest tariff period.
#pragma once

#include "zeropark/controller.h"

namespace zeropark {

class OrderlyChargingController final : public Controller {
 public:
  std::string_view name() const override { return "orderly_charging"; }
  std::vector<ControllerSetting> settings() const override;
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
};

}  // namespace zeropark

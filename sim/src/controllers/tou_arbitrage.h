// tou_arbitrage: charge storage in the day's cheapest tariff period, discharge it when prices peak.
#pragma once

#include "zeropark/controller.h"

namespace zeropark {

class TouArbitrageController final : public Controller {
 public:
  std::string_view name() const override { return "tou_arbitrage"; }
  std::vector<ControllerSetting> settings() const override;
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
};

}  // namespace zeropark

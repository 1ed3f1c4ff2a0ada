// A supervisory controller with local controllers that own some devices (scenario
// `local_controllers`): each local controller decides on the same observation, with its own slice of
// the memory, and its set-points replace the supervisor's for the devices it owns.
#pragma once

#include <memory>
#include <vector>

#include "zeropark/controller.h"

namespace zeropark {

class CompositeController final : public Controller {
 public:
  struct Local {
    std::unique_ptr<Controller> controller;
    LocalControllerModel owns;
  };
  CompositeController(std::unique_ptr<Controller> supervisor, std::vector<Local> locals);

  std::string_view name() const override { return supervisor_->name(); }
  // Every controller's settings, each key once (they share the scenario's controller_settings).
  std::vector<ControllerSetting> settings() const override;
  // The supervisor's memory first, then each local controller's, in order.
  std::size_t memory_size(const ParkModel& model) const override;
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
  // The supervisor's figures, then each local controller's with "local<i>." before its keys.
  std::vector<ControllerStatistic> statistics() const override;

 private:
  std::unique_ptr<Controller> supervisor_;
  std::vector<Local> locals_;
};

}  // namespace zeropark

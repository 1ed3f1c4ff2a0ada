#include "controllers/island_aware.h"

#include "controllers/rules.h"

namespace zeropark {
namespace {

class IslandAware final : public Controller {
 public:
  explicit IslandAware(std::unique_ptr<Controller> inner) : inner_(std::move(inner)) {}
  std::string_view name() const override { return inner_->name(); }
  std::vector<ControllerSetting> settings() const override { return inner_->settings(); }
  std::size_t memory_size(const ParkModel& model) const override { return inner_->memory_size(model); }
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override {
    inner_->decide(model, observation, memory, command);
    island_rule(model, observation, command);
  }
  std::vector<ControllerStatistic> statistics() const override { return inner_->statistics(); }

 private:
  std::unique_ptr<Controller> inner_;
};

}  // namespace

std::unique_ptr<Controller> with_island_rule(std::unique_ptr<Controller> controller) {
  return std::make_unique<IslandAware>(std::move(controller));
}

}  // namespace zeropark

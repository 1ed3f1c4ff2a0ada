#include "controllers/composite.h"

#include <algorithm>
#include <cmath>

namespace zeropark {
namespace {

// Sizes a set-point vector to its devices, filling what the controller left out with the plant's
// own default for that kind (0 kW for batteries, NaN — the device's own rule — for the rest).
void fit(std::vector<double>& setpoints, std::size_t devices, double fallback) {
  if (setpoints.size() < devices) setpoints.resize(devices, fallback);
}

void take(std::vector<double>& into, const std::vector<double>& from, const std::vector<int>& owned, double fallback) {
  for (int i : owned) {
    const auto k = static_cast<std::size_t>(i);
    into[k] = k < from.size() ? from[k] : fallback;
  }
}

}  // namespace

CompositeController::CompositeController(std::unique_ptr<Controller> supervisor, std::vector<Local> locals)
    : supervisor_(std::move(supervisor)), locals_(std::move(locals)) {}

std::vector<ControllerSetting> CompositeController::settings() const {
  std::vector<ControllerSetting> all = supervisor_->settings();
  for (const Local& local : locals_)
    for (const ControllerSetting& s : local.controller->settings())
      if (std::none_of(all.begin(), all.end(), [&](const ControllerSetting& a) { return a.key == s.key; }))
        all.push_back(s);
  return all;
}

std::size_t CompositeController::memory_size(const ParkModel& model) const {
  std::size_t size = supervisor_->memory_size(model);
  for (const Local& local : locals_) size += local.controller->memory_size(model);
  return size;
}

void CompositeController::decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
                                 Command& command) const {
  std::size_t offset = supervisor_->memory_size(model);
  supervisor_->decide(model, observation, memory.first(offset), command);
  const double own_rule = std::nan("");
  fit(command.battery_setpoint_kw, model.batteries.size(), 0.0);
  fit(command.thermal_storage_setpoint_kw, model.thermal_storages.size(), own_rule);
  fit(command.ev_setpoint_kw, model.ev_chargers.size(), own_rule);
  fit(command.electrolyser_setpoint_kw, model.electrolysers.size(), own_rule);
  fit(command.fuel_cell_setpoint_kw, model.fuel_cells.size(), own_rule);
  for (const Local& local : locals_) {
    const std::size_t size = local.controller->memory_size(model);
    Command mine;
    local.controller->decide(model, observation, memory.subspan(offset, size), mine);
    offset += size;
    take(command.battery_setpoint_kw, mine.battery_setpoint_kw, local.owns.batteries, 0.0);
    take(command.thermal_storage_setpoint_kw, mine.thermal_storage_setpoint_kw, local.owns.thermal_storages, own_rule);
    take(command.ev_setpoint_kw, mine.ev_setpoint_kw, local.owns.ev_chargers, own_rule);
    take(command.electrolyser_setpoint_kw, mine.electrolyser_setpoint_kw, local.owns.electrolysers, own_rule);
    take(command.fuel_cell_setpoint_kw, mine.fuel_cell_setpoint_kw, local.owns.fuel_cells, own_rule);
  }
}

std::vector<ControllerStatistic> CompositeController::statistics() const {
  std::vector<ControllerStatistic> all = supervisor_->statistics();
  for (std::size_t i = 0; i < locals_.size(); ++i)
    for (ControllerStatistic s : locals_[i].controller->statistics()) {
      s.key = "local" + std::to_string(i) + "." + s.key;
      all.push_back(std::move(s));
    }
  return all;
}

}  // namespace zeropark

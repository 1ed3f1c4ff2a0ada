// self_consumption: use the park's own PV first. Batteries charge from the park's PV surplus and
// discharge to cover its deficit, sharing the work in proportion to their power ratings; the grid
// covers the rest. The plant enforces SOC windows and network limits, so the controller only
// states the intent. It is blind to prices and carbon: that is the point of the baseline
// strategy the others are compared with.
#include "controllers/self_consumption.h"

#include <numeric>

namespace zeropark {

void SelfConsumptionController::decide(const ParkModel& model, const Observation& observation,
                                       std::span<double> /*memory*/, Command& command) const {
  const double pv_kw = std::accumulate(observation.pv_available_kw.begin(), observation.pv_available_kw.end(), 0.0);
  const double load_kw = std::accumulate(observation.load_demand_kw.begin(), observation.load_demand_kw.end(), 0.0);
  const double deficit_kw = load_kw - pv_kw;  // > 0: discharge, < 0: charge
  command.battery_setpoint_kw.assign(model.batteries.size(), 0.0);
  double rating_kw = 0;
  for (const BatteryModel& b : model.batteries) rating_kw += deficit_kw > 0 ? b.max_discharge_kw : b.max_charge_kw;
  if (rating_kw <= 0) return;
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    const BatteryModel& b = model.batteries[i];
    const double share = (deficit_kw > 0 ? b.max_discharge_kw : b.max_charge_kw) / rating_kw;
    command.battery_setpoint_kw[i] = deficit_kw * share;
  }
}

}  // namespace zeropark

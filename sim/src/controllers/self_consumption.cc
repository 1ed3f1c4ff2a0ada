// self_consumption: use the park's own generation first. Batteries and V2G charger groups charge
// from the park's surplus and discharge to cover its deficit (Observation::net_demand_kw), sharing
// the work in proportion to their power ratings; the grid covers the rest. Cars at V2G points then
// charge from surplus, and from the grid only when they must to leave with what they asked for. The plant enforces SOC
// windows and network limits, so the controller only states the intent. It is blind to prices and carbon: that is the
// point of the baseline strategy the others are compared with.
#include "controllers/self_consumption.h"

#include <cmath>

namespace zeropark {

void SelfConsumptionController::decide(const ParkModel& model, const Observation& observation,
                                       std::span<double> /*memory*/, Command& command) const {
  const double deficit_kw = observation.net_demand_kw;  // > 0: discharge, < 0: charge
  command.battery_setpoint_kw.assign(model.batteries.size(), 0.0);
  command.ev_setpoint_kw.assign(model.ev_chargers.size(), std::nan(""));  // NaN: charge at once
  const auto v2g_rating_kw = [](const EvChargerModel& c) { return c.bidirectional ? c.count * c.max_power_kw : 0.0; };
  double rating_kw = 0;
  for (const BatteryModel& b : model.batteries) rating_kw += deficit_kw > 0 ? b.max_discharge_kw : b.max_charge_kw;
  for (const EvChargerModel& c : model.ev_chargers) rating_kw += v2g_rating_kw(c);
  if (rating_kw <= 0) return;
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    const BatteryModel& b = model.batteries[i];
    const double share = (deficit_kw > 0 ? b.max_discharge_kw : b.max_charge_kw) / rating_kw;
    command.battery_setpoint_kw[i] = deficit_kw * share;
  }
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
    if (model.ev_chargers[g].bidirectional)
      command.ev_setpoint_kw[g] = deficit_kw * v2g_rating_kw(model.ev_chargers[g]) / rating_kw;
}

}  // namespace zeropark

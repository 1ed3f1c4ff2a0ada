// orderly_charging: EV valley-filling, as Jiading's orderly-charging (有序充电) pilots run it.
//
// Rule per charger group, with the day's cheapest tariff period found as in tou_arbitrage
// (price ≤ the day's lowest + cheap_tolerance_cny_per_kwh):
//   in the cheap period   set-point = −ev_charge_limit_kw: every plugged car charges flat out.
//   otherwise             set-point = −max(ev_forced_kw, need_kw), where need_kw spreads over the
//                         hours until the next cheap period what the cars need beyond what that
//                         period could give them:
//                           need_kw = max(0, energy_needed/η − charge_limit·valley_h) / hours_to_valley
//                         (hours_to_valley at least one decision interval). Cars that stay through
//                         the valley thus wait for it; cars that leave before it are caught by the
//                         plant's forced rule (a car with less than 1 s of laxity charges at its
//                         maximum), which is least-laxity-first and guarantees every departure.
// Batteries follow self_consumption's rule (charge from surplus, discharge to cover the deficit,
// shared by rating); tanks follow the heat balance. Assumes the cars now plugged in stay through
// the next cheap period when sizing need_kw (sessions' departures are not observed); ignores
// carbon and the network's limits (the plant enforces them). Memoryless.
#include "controllers/orderly_charging.h"

#include <algorithm>
#include <cmath>

#include "controllers/rules.h"

namespace zeropark {
namespace {

const ControllerSetting kCheapTolerance{"cheap_tolerance_cny_per_kwh", 0.01, 0, 10,
                                        "Prices within this of the day's lowest count as the valley period."};

}  // namespace

std::vector<ControllerSetting> OrderlyChargingController::settings() const { return {kCheapTolerance}; }

void OrderlyChargingController::decide(const ParkModel& model, const Observation& observation,
                                       std::span<double> /*memory*/, Command& command) const {
  const double tolerance = controller_setting(model, kCheapTolerance);
  share_among_batteries(model, observation.net_demand_kw, 0, command.battery_setpoint_kw);
  command.thermal_storage_setpoint_kw.assign(model.thermal_storages.size(), std::nan(""));
  command.ev_setpoint_kw.assign(model.ev_chargers.size(), 0.0);
  if (model.ev_chargers.empty()) return;
  const bool cheap = is_cheap(tariff_day(model, observation.tick), observation.price_cny_per_kwh, tolerance);
  const CheapWindow valley = next_cheap_window(model, observation.tick, tolerance);
  const double interval_h = static_cast<double>(model.decision_interval_s) / 3600.0;
  const double hours_to_valley = std::max(interval_h, static_cast<double>(valley.opens_in_s) / 3600.0);
  const double valley_h = static_cast<double>(valley.lasts_s) / 3600.0;
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g) {
    const double limit_kw = observation.ev_charge_limit_kw[g];
    if (cheap) {
      command.ev_setpoint_kw[g] = -limit_kw;
      continue;
    }
    const double need_at_bus_kwh = observation.ev_energy_needed_kwh[g] / model.ev_chargers[g].efficiency;
    const double beyond_valley_kwh = std::max(0.0, need_at_bus_kwh - limit_kw * valley_h);
    command.ev_setpoint_kw[g] = -std::max(observation.ev_forced_kw[g], beyond_valley_kwh / hours_to_valley);
  }
}

}  // namespace zeropark

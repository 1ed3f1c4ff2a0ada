// carbon_aware: move storage charging and EV charging to low-carbon hours.
//
// Forecast: perfect foresight of the model's own hourly series (grid.carbon_kg_per_kwh_hourly,
// a typical year wrapping from 31 December to 1 January), which stands in for a day-ahead
// carbon-intensity forecast. Rule, with c the intensity of the tick's hour and q_low, q_high the
// low_quantile and high_quantile of the 24 hours from it (linear interpolation between sorted
// values):
//   c ≤ q_low   low hour: batteries charge at their maximum, tanks charge at theirs (the heat
//               pumps pre-heat or pre-cool), EV groups charge at their limit (−ev_charge_limit_kw).
//   c ≥ q_high  high hour: batteries cover the net demand (or soak up surplus), tanks discharge at
//               their maximum, EV groups charge only what is forced (set-point 0).
//   otherwise   self_consumption's rule; tanks follow the heat balance, non-V2G EV groups at once.
// A flat series (q_low = q_high) makes every hour "otherwise". Ignores prices and demand charges:
// a low-carbon hour may be an expensive one. Memoryless.
#include "controllers/carbon_aware.h"

#include <algorithm>
#include <cmath>

#include "controllers/rules.h"
#include "controllers/self_consumption.h"
#include "time/calendar.h"

namespace zeropark {
namespace {

const ControllerSetting kLowQuantile{"low_quantile", 0.3, 0, 1,
                                     "Hours at or below this quantile of the next 24 h's intensity charge."};
const ControllerSetting kHighQuantile{"high_quantile", 0.7, 0, 1,
                                      "Hours at or above this quantile of the next 24 h's intensity discharge."};

// The q-quantile of sorted values, interpolating linearly between neighbours.
double quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

}  // namespace

std::vector<ControllerSetting> CarbonAwareController::settings() const { return {kLowQuantile, kHighQuantile}; }

void CarbonAwareController::decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
                                   Command& command) const {
  SelfConsumptionController().decide(model, observation, memory, command);
  command.thermal_storage_setpoint_kw.assign(model.thermal_storages.size(), std::nan(""));
  const std::vector<double>& series = model.grid.carbon_kg_per_kwh_hourly;
  if (series.empty()) return;
  const std::size_t hour = static_cast<std::size_t>(Calendar(model.start).typical_year_hour(observation.tick));
  std::vector<double> day(24);
  for (std::size_t h = 0; h < day.size(); ++h) day[h] = series[(hour + h) % series.size()];
  const double now = day[0];
  std::sort(day.begin(), day.end());
  const double low = quantile(day, controller_setting(model, kLowQuantile));
  const double high = quantile(day, controller_setting(model, kHighQuantile));
  if (!(low < high)) return;  // flat: nothing to shift towards

  if (now <= low) {
    for (std::size_t i = 0; i < model.batteries.size(); ++i)
      command.battery_setpoint_kw[i] = -model.batteries[i].max_charge_kw;
    for (std::size_t k = 0; k < model.thermal_storages.size(); ++k)
      command.thermal_storage_setpoint_kw[k] = -model.thermal_storages[k].store.max_charge_kw;
    for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
      command.ev_setpoint_kw[g] = -observation.ev_charge_limit_kw[g];
  } else if (now >= high) {
    // Batteries keep self_consumption's set-points: they cover the deficit (or soak up surplus).
    for (std::size_t k = 0; k < model.thermal_storages.size(); ++k)
      command.thermal_storage_setpoint_kw[k] = model.thermal_storages[k].store.max_discharge_kw;
    for (std::size_t g = 0; g < model.ev_chargers.size(); ++g) command.ev_setpoint_kw[g] = 0.0;
  }
}

}  // namespace zeropark

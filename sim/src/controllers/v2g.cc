// v2g: vehicle-to-grid peak shaving with the cars parked at bidirectional charge points.
//
// Batteries follow peak_shaving's rule with its target (peak_target_import_kw; 0: the month's
// running maximum import, in memory). Bidirectional groups, with the tariff of the tick's day:
//   expensive (top quarter of the day's price range: peak and critical peak in Shanghai)
//       set-point = min(ev_v2g_limit_kw, max(0, net_demand − battery discharge − target_import_kw))
//   cheap     (within cheap_tolerance_cny_per_kwh of the day's lowest price)
//       set-point = −ev_charge_limit_kw: refill the cars at the valley price
//   otherwise set-point 0: hold; only cars that must charge to make their departure do.
// target_import_kw = 0 (default) is a target of 0 kW: in expensive periods the cars with slack
// cover all the import the batteries leave, since the peak price (1.05–1.25 CNY/kWh in Shanghai)
// exceeds the flat or valley price the energy is bought back at by more than the round trip's
// losses (η² ≈ 0.9); outside them they hold, as V2G bought back at the same price only loses.
// Departures are never at risk: the plant takes V2G only
// from cars with slack and forces a car back to charging when its laxity runs out
// (components/ev_charger.h). Non-V2G groups charge at once (NaN); tanks follow the heat balance.
// Ignores battery wear of the cars and carbon.
#include "controllers/v2g.h"

#include <algorithm>
#include <cmath>

#include "controllers/peak_shaving.h"
#include "controllers/rules.h"

namespace zeropark {
namespace {

const ControllerSetting kTarget{"target_import_kw", 0, 0, 1e7,
                                "Import V2G shaves down to in expensive periods (0: all of it)."};
const ControllerSetting kPeakTarget{"peak_target_import_kw", 0, 0, 1e7,
                                    "Batteries' peak-shaving target; 0: the month's running maximum import."};
const ControllerSetting kCheapTolerance{"cheap_tolerance_cny_per_kwh", 0.01, 0, 10,
                                        "Prices within this of the day's lowest count as the valley period."};

}  // namespace

std::vector<ControllerSetting> V2gController::settings() const { return {kTarget, kPeakTarget, kCheapTolerance}; }

std::size_t V2gController::memory_size(const ParkModel&) const { return kRunningPeakMemory; }

void V2gController::decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
                           Command& command) const {
  const double running_peak_kw = update_running_peak(model, observation, memory);
  const double known_peak_kw = running_peak_kw > 0 ? running_peak_kw : std::max(0.0, observation.net_demand_kw);
  const double peak_setting_kw = controller_setting(model, kPeakTarget);
  const double v2g_setting_kw = controller_setting(model, kTarget);
  const double peak_target_kw = peak_setting_kw > 0 ? peak_setting_kw : known_peak_kw;
  const double v2g_target_kw = v2g_setting_kw;

  const TariffDay day = tariff_day(model, observation.tick);
  const bool cheap = is_cheap(day, observation.price_cny_per_kwh, controller_setting(model, kCheapTolerance));
  const bool expensive = !cheap && is_expensive(day, observation.price_cny_per_kwh, 0);

  command.ev_setpoint_kw.assign(model.ev_chargers.size(), std::nan(""));
  command.thermal_storage_setpoint_kw.assign(model.thermal_storages.size(), std::nan(""));
  const double battery_discharge_kw = shave_peak(model, observation, peak_target_kw, expensive, false, command);
  double remaining_kw = std::max(0.0, observation.net_demand_kw - battery_discharge_kw - v2g_target_kw);
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g) {
    if (!model.ev_chargers[g].bidirectional) continue;
    if (expensive) {
      command.ev_setpoint_kw[g] = std::min(observation.ev_v2g_limit_kw[g], remaining_kw);
      remaining_kw -= command.ev_setpoint_kw[g];
    } else {
      command.ev_setpoint_kw[g] = cheap ? -observation.ev_charge_limit_kw[g] : 0.0;
    }
  }
}

}  // namespace zeropark

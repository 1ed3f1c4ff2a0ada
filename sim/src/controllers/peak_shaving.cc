// peak_shaving: keep grid import under target_import_kw.
//
// Rule, with excess = net_demand_kw − target:
//   excess > 0  batteries (and V2G groups, by nameplate count × max_power_kw) discharge the excess,
//               shared in proportion to their discharge ratings; other EV groups are held back
//               (set-point 0: only cars that must charge to make their departure do).
//   excess ≤ 0  they recharge with the headroom (−excess, which includes any PV surplus), shared by
//               charge rating, except in the day's most expensive period (the top quarter of its
//               price range), when they hold; other EV groups charge at once (NaN).
// target_import_kw = 0 takes the month's running maximum import so far (kept in memory: the grid
// exchange observed at each decision), i.e. import is not let exceed what it already had to be
// this month; at a month's first decision, before any peak is known, the target is the current net
// demand (hold). Ignores prices outside that no-recharge rule, carbon and battery wear. The
// plant enforces SOC windows and limits: a battery that runs empty leaves the peak to the grid.
#include "controllers/peak_shaving.h"

#include <algorithm>
#include <cmath>

#include "controllers/rules.h"

namespace zeropark {
namespace {

const ControllerSetting kTarget{"target_import_kw", 0, 0, 1e7,
                                "Import to stay under; 0: the month's running maximum import so far."};

}  // namespace

std::vector<ControllerSetting> PeakShavingController::settings() const { return {kTarget}; }

std::size_t PeakShavingController::memory_size(const ParkModel&) const { return kRunningPeakMemory; }

double shave_peak(const ParkModel& model, const Observation& observation, double target_kw, bool expensive,
                  bool v2g_too, Command& command) {
  const double excess_kw = observation.net_demand_kw - target_kw;
  double power_kw = excess_kw > 0 ? excess_kw : (expensive ? 0.0 : excess_kw);  // + discharge, − charge
  double v2g_kw = 0;
  if (v2g_too)
    for (const EvChargerModel& c : model.ev_chargers) v2g_kw += v2g_rating_kw(c);
  const double rating_kw = battery_rating_kw(model, power_kw) + v2g_kw;
  if (rating_kw > 0) power_kw = std::clamp(power_kw, -rating_kw, rating_kw);
  share_among_batteries(model, power_kw, v2g_kw, command.battery_setpoint_kw);
  if (v2g_too)
    for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
      if (model.ev_chargers[g].bidirectional)
        command.ev_setpoint_kw[g] = rating_kw > 0 ? power_kw * v2g_rating_kw(model.ev_chargers[g]) / rating_kw : 0.0;
  return std::max(0.0, power_kw);
}

void PeakShavingController::decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
                                   Command& command) const {
  const double running_peak_kw = update_running_peak(model, observation, memory);
  const double setting_kw = controller_setting(model, kTarget);
  const double target_kw =
      setting_kw > 0 ? setting_kw : (running_peak_kw > 0 ? running_peak_kw : std::max(0.0, observation.net_demand_kw));
  const bool expensive = is_expensive(tariff_day(model, observation.tick), observation.price_cny_per_kwh, 0);
  command.ev_setpoint_kw.assign(model.ev_chargers.size(), std::nan(""));
  shave_peak(model, observation, target_kw, expensive, true, command);
  const bool above = observation.net_demand_kw > target_kw;
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
    if (!model.ev_chargers[g].bidirectional) command.ev_setpoint_kw[g] = above ? 0.0 : std::nan("");
  command.thermal_storage_setpoint_kw.assign(model.thermal_storages.size(), std::nan(""));
}

}  // namespace zeropark

// tou_arbitrage: time-of-use arbitrage with the park's storage.
//
// Rule, at each decision, with the tariff of the tick's local day (controllers/rules.h):
//   cheap      (price ≤ the day's lowest + cheap_tolerance_cny_per_kwh): batteries charge at their
//              maximum; heat/cold tanks charge (negative set-point) at their maximum.
//   expensive  (price ≥ discharge_price_cny_per_kwh, or with 0 the top quarter of the day's price
//              range: peak and critical peak in Shanghai): batteries cover the park's net demand,
//              shared by rating, but no deeper than reserve_soc by the next decision (power capped at
//              (E − reserve)·η_discharge / interval); tanks discharge at their maximum.
//   otherwise  batteries hold (0) but still soak up PV surplus (net_demand_kw < 0); tanks follow the
//              heat balance (NaN).
// EV groups charge at once (NaN). Ignores carbon, demand charges and battery wear; it never exports
// from storage on purpose (discharge covers net demand only), as export pays less than any import.
// Memoryless.
#include "controllers/tou_arbitrage.h"

#include <algorithm>
#include <cmath>

#include "controllers/rules.h"

namespace zeropark {
namespace {

const ControllerSetting kReserveSoc{"reserve_soc", 0.2, 0, 1,
                                    "State of charge the batteries keep when discharging at high prices."};
const ControllerSetting kCheapTolerance{"cheap_tolerance_cny_per_kwh", 0.01, 0, 10,
                                        "Prices within this of the day's lowest count as the cheap period."};
const ControllerSetting kDischargePrice{
    "discharge_price_cny_per_kwh", 0, 0, 100,
    "Discharge at or above this price; 0: the top quarter of the day's price range (peak, critical peak)."};

}  // namespace

std::vector<ControllerSetting> TouArbitrageController::settings() const {
  return {kReserveSoc, kCheapTolerance, kDischargePrice};
}

void TouArbitrageController::decide(const ParkModel& model, const Observation& observation,
                                    std::span<double> /*memory*/, Command& command) const {
  const TariffDay day = tariff_day(model, observation.tick);
  const double price = observation.price_cny_per_kwh;
  const bool cheap = is_cheap(day, price, controller_setting(model, kCheapTolerance));
  const bool expensive = !cheap && is_expensive(day, price, controller_setting(model, kDischargePrice));
  const double reserve_soc = controller_setting(model, kReserveSoc);
  const double interval_h = static_cast<double>(model.decision_interval_s) / 3600.0;

  command.ev_setpoint_kw.assign(model.ev_chargers.size(), std::nan(""));
  command.battery_setpoint_kw.assign(model.batteries.size(), 0.0);
  if (cheap) {
    for (std::size_t i = 0; i < model.batteries.size(); ++i)
      command.battery_setpoint_kw[i] = -model.batteries[i].max_charge_kw;
  } else if (expensive) {
    share_among_batteries(model, std::max(0.0, observation.net_demand_kw), 0, command.battery_setpoint_kw);
    for (std::size_t i = 0; i < model.batteries.size(); ++i) {
      const BatteryModel& b = model.batteries[i];
      const double above_reserve_kwh = observation.battery_energy_kwh[i] - reserve_soc * b.capacity_kwh;
      const double cap_kw = std::max(0.0, above_reserve_kwh * b.discharge_efficiency / interval_h);
      command.battery_setpoint_kw[i] = std::min(command.battery_setpoint_kw[i], cap_kw);
    }
  } else if (observation.net_demand_kw < 0) {
    share_among_batteries(model, observation.net_demand_kw, 0, command.battery_setpoint_kw);
  }

  command.thermal_storage_setpoint_kw.assign(model.thermal_storages.size(), std::nan(""));
  for (std::size_t k = 0; k < model.thermal_storages.size(); ++k) {
    const BatteryModel& store = model.thermal_storages[k].store;
    if (cheap) command.thermal_storage_setpoint_kw[k] = -store.max_charge_kw;
    if (expensive) command.thermal_storage_setpoint_kw[k] = store.max_discharge_kw;
  }
}

}  // namespace zeropark

// Time and sign conventions shared by every part of ZeroPark.
//
// Time: an integer Tick counts seconds since the scenario's start (local standard time of the
// park). It is the one source of truth for time; SimGrid's double clock is derived from it at the
// kernel boundary, which is lossless for any run shorter than 2^53 s.
//
// Power sign: positive power flows INTO a bus. A PV array injecting 5 kW reports +5 kW, a load
// drawing 3 kW reports -3 kW, a battery charging at 2 kW reports -2 kW, and the grid connection
// importing 4 kW reports +4 kW. Energies accumulated per component follow the same sign.
//
// Units live in names: power_kw, energy_kwh, co2_kg, price_cny_per_kwh, duration_s.
#pragma once

#include <cstdint>

namespace zeropark {

using Tick = std::int64_t;  // seconds since the scenario start

inline constexpr Tick kSecondsPerMinute = 60;
inline constexpr Tick kSecondsPerHour = 3600;
inline constexpr Tick kSecondsPerDay = 86400;
inline constexpr double kSecondsPerHourD = 3600.0;

// Energy in kWh delivered by a constant power over a number of seconds.
constexpr double energy_kwh(double power_kw, Tick duration_s) {
  return power_kw * static_cast<double>(duration_s) / kSecondsPerHourD;
}

}  // namespace zeropark

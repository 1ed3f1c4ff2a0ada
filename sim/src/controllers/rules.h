// Rules shared by the rule-based controllers: where a tick falls in its day's time-of-use tariff,
// when the next cheap window opens, and how batteries share a power among themselves.
#pragma once

#include <vector>

#include "zeropark/controller.h"

namespace zeropark {

// The tariff of the local day that contains a tick.
struct TariffDay {
  int month = 1;          // 1..12
  int second_of_day = 0;  // of the tick
  double min_price_cny_per_kwh = 0;
  double max_price_cny_per_kwh = 0;
};
TariffDay tariff_day(const ParkModel& model, Tick tick);

// Cheap: within `tolerance_cny_per_kwh` of the day's lowest price.
bool is_cheap(const TariffDay& day, double price_cny_per_kwh, double tolerance_cny_per_kwh);

// Expensive: at or above `threshold_cny_per_kwh`, or, when it is 0, in the top quarter of the day's
// price range (with Shanghai's tariff: peak and critical peak).
bool is_expensive(const TariffDay& day, double price_cny_per_kwh, double threshold_cny_per_kwh);

// The next cheap window from `tick` (today's or tomorrow's): seconds until it opens (0 inside one)
// and seconds it lasts from then (or from `tick` when inside it). Both 0 when the next two days
// have none, which cannot happen as every day has a cheapest period.
struct CheapWindow {
  Tick opens_in_s = 0;
  Tick lasts_s = 0;
};
CheapWindow next_cheap_window(const ParkModel& model, Tick tick, double tolerance_cny_per_kwh);

// Writes each battery's share of `power_kw` (+ discharge, − charge) in proportion to its rating in
// that direction; `extra_rating_kw` is a rating of other devices taking part (their share is theirs).
void share_among_batteries(const ParkModel& model, double power_kw, double extra_rating_kw,
                           std::vector<double>& setpoint_kw);

// The power rating of the park's batteries in the direction of `power_kw`.
double battery_rating_kw(const ParkModel& model, double power_kw);

// What a V2G group can do at most, at the bus, by its nameplate: count × max_power_kw (0 unless bidirectional).
double v2g_rating_kw(const EvChargerModel& charger);

// While the park is an island (its grid connection out), storage covers only what critical demand
// lacks from on-site generation, so that what is stored lasts for the loads that must run (the
// balance sheds other demand first); surplus generation still charges it. Replaces the battery and
// V2G set-points and returns true while islanded; does nothing and returns false otherwise.
bool island_rule(const ParkModel& model, const Observation& observation, Command& command);

// A month's running maximum import, kept in two memory cells: [0] = year·12 + month of the value,
// [1] = the maximum, kW, of the grid exchange observed at decisions in that month. Updates the
// memory with the last segment's import and returns the maximum (0 at a month's first decision).
inline constexpr std::size_t kRunningPeakMemory = 2;
double update_running_peak(const ParkModel& model, const Observation& observation, std::span<double> memory);

}  // namespace zeropark

// EV charging sessions: when each car plugs in, when it leaves, and how much energy it asks for.
// Two sources of sessions for a run: real ones read from a CSV, or a seeded stochastic generator
// whose default parameters are fitted to real workplace sessions. Sessions are plain data; what a
// charger delivers to a car (power limits, control, queueing for a charge point) is the job of
// whatever consumes them.
//
// Ignores: charge points (a session never waits for a free one), the taper of the charging power
// near full, state of charge on arrival, public holidays (they are ordinary weekdays), daylight
// saving (times are the park's local standard time, see civil_time.h), and in the generator any
// correlation between dwell time and energy, between successive days, or between the sessions of
// one car.
//
// ---- Session CSV (read_ev_sessions_csv) ----
// Plain comma-separated text, no quoting; a header line, then one session per line. Blank lines
// are skipped; "\r\n" line ends and a UTF-8 byte-order mark are accepted.
//   arrival      required  local time "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" ('T' may
//                          replace the space)
//   departure    required  same form; strictly after arrival
//   energy_kwh   required  energy the car wants, >= 0 (real data: what it took)
//   battery_kwh  optional  usable battery capacity, > 0; empty field = fleet default
//   max_kw       optional  the car's largest charging power, > 0; empty field = fleet default
// Columns may come in any order. Any other column is an error (so that a misspelt optional
// column cannot silently fall back to the default). Rows need not be sorted: the result is.
// Example:
//   arrival,departure,energy_kwh,max_kw
//   2015-03-02 08:05,2015-03-02 17:40:00,12.5,
//   2015-03-02 09:12:30,2015-03-02 11:00,6.1,3.3
//
// Mapping a file onto a run. A session recorded in year Y is placed in each calendar year T that
// the run's window [start, start + duration) overlaps, moved by S(Y, T): the whole number of
// weeks nearest to the days from Y-01-01 to T-01-01. A whole number of weeks keeps every
// weekday (a Monday commute stays a Monday) and one shift per pair of years keeps the gaps
// between sessions exact. It keeps each date within 3 days of the same date in year T:
// 2015 -> 2023 is 417 weeks, 3 days short of 8 years, so 2015-01-27 (a Tuesday) becomes
// 2023-01-24 (a Tuesday); 2014 -> 2015 is 52 weeks, 1 day short. A placement is kept when its
// arrival lies in the window (its departure may lie beyond the end); the rest are dropped. So a
// file of one year's sessions fills a one-year run, and repeats in a run of several years; near
// the window's ends a session can be dropped (or, in a window that overlaps more than one
// calendar year, placed twice) because 52 weeks are 1 or 2 days short of a year.
//
// ---- Generator (generate_ev_sessions) ----
// For each local calendar day the window touches, Monday to Friday or Saturday/Sunday:
//   N ~ Poisson(sessions_per_weekday or sessions_per_weekend_day)       sessions that day
// and for each of the N sessions, in this order of draws:
//   h ~ Categorical(arrival_weights of the day type)                    clock hour of arrival
//   s = floor(3600 U)                                                   second within the hour
//   arrival = midnight + 3600 h + s        (kept only if it lies in the window)
//   dwell_s = max(1, round(3600 dwell_median_h exp(dwell_sigma Z1)))   lognormal dwell
//   E = min(energy_median_kwh exp(energy_sigma Z2),                     lognormal energy, capped
//           max_charge_kw dwell_s / 3600, battery_capacity_kwh)         by what the stay allows
// with U uniform on [0, 1) and Z1, Z2 standard normal, all from one Pcg32 seeded with `seed`.
// Battery capacity and charging power are the fleet's (every car alike).
//
// Random draws, written here because the standard library's distributions differ between
// implementations (Pcg32's own numbers are portable; std::log/exp/cos may differ in the last
// bit between C libraries, which can move a rounded second or the last digit of an energy):
//   exponential  -mean ln(1 - U)                      (inverse distribution function)
//   normal       sqrt(-2 ln(1 - U1)) cos(2 pi U2)     (Box & Muller 1958, Ann. Math. Stat.
//                29:610; one of the pair is used, the other discarded; |Z| <= 6.66 since U has
//                32 bits)
//   lognormal    median exp(sigma Z)
//   Poisson      the number of unit-mean exponential gaps that fit in `mean` (Knuth, TAOCP
//                vol. 2, 3.4.1; this additive form has no exp(-mean) to underflow; mean + 1
//                draws on average)
//   categorical  the first bin whose cumulative weight exceeds U times the total weight
//
// Default parameters (workplace_generator_defaults) are fitted to the workplace sessions of
// O. I. Asensio et al., "Electric vehicle charging stations in the workplace with
// high-resolution data from casual and habitual users", Scientific Data 8:168 (2021),
// doi:10.1038/s41597-021-00956-1, data doi:10.7910/DVN/QF1PMO: 3,395 sessions, 19,723.69 kWh, at
// 105 charge points on 25 sites of one US employer, Nov 2014 - Oct 2015. The fit is
// assets/ev/fit_workplace_generator.py; the sessions themselves are
// assets/ev/asensio_workplace_sessions.csv. Neither dwell nor energy is lognormal in the data (a
// long lower tail of minute-long and 0 kWh sessions, a peak of energy at 6-7 kWh): the fit takes
// sigma from the quartiles and the median from the mean, which keeps the data's energy and hours
// per session; its Kolmogorov-Smirnov distance to the data is 0.07 (dwell) and 0.15 (energy).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "zeropark/civil_time.h"
#include "zeropark/state.h"
#include "zeropark/units.h"

namespace zeropark {

// What a car is when a session does not say: usable battery capacity and largest charging power.
struct EvFleetDefaults {
  double battery_capacity_kwh = 60.0;  // a mid-size battery electric car
  double max_charge_kw = 7.0;          // single-phase AC wallbox (32 A at 220-230 V)
};

// One charging session, in ticks from the run's start.
struct EvSession {
  Tick arrival_s = 0;
  Tick departure_s = 0;                // > arrival_s
  double energy_requested_kwh = 0.0;   // >= 0
  double battery_capacity_kwh = 0.0;   // > 0
  double max_charge_kw = 0.0;          // > 0
};

// Reads a session CSV (format above) and maps it onto the window [run_start, run_start +
// run_duration_s), sorted by arrival, then departure, then line. Throws InputError naming the
// file, line, column and column name on a bad time, a departure not after its arrival, a negative
// or non-numeric energy, a non-positive battery or power, a missing, unknown or repeated column,
// or a row with the wrong number of fields. A negative duration is std::invalid_argument.
std::vector<EvSession> read_ev_sessions_csv(const std::filesystem::path& path,
                                            const CivilTime& run_start, Tick run_duration_s,
                                            const EvFleetDefaults& fleet);

// The shift, in days and a multiple of 7, that moves a session of `from_year` to `to_year` (the
// whole number of weeks nearest to the days from from_year-01-01 to to_year-01-01).
std::int64_t whole_week_shift_days(int from_year, int to_year);

// Parameters of the session generator (model above).
struct EvGeneratorParams {
  double sessions_per_weekday = 0.0;       // mean sessions per Monday..Friday
  double sessions_per_weekend_day = 0.0;   // mean sessions per Saturday or Sunday
  std::array<double, 24> arrival_weights_weekday{};  // relative weight of each clock hour, >= 0
  std::array<double, 24> arrival_weights_weekend{};
  double dwell_median_h = 1.0;             // median time plugged in, hours
  double dwell_sigma = 0.0;                // standard deviation of ln(dwell)
  double energy_median_kwh = 1.0;          // median energy asked for, before the caps
  double energy_sigma = 0.0;               // standard deviation of ln(energy)
  EvFleetDefaults fleet;
};

// Parameters fitted to Asensio et al. (2021), a workplace programme in its last full quarter:
// 29.6 sessions per weekday, 1.9 per weekend day (105 charge points), arrivals peaking at 11 h and
// 16-17 h; dwell lognormal with median 2.64 h, sigma 0.384 (mean 2.84 h); energy median 5.49 kWh,
// sigma 0.334 (mean 5.81 kWh, the data's). Scale the two rates to the park's number of cars.
EvGeneratorParams workplace_generator_defaults();

// Sessions for the window [run_start, run_start + run_duration_s), sorted by arrival, then
// departure. The same parameters, window and seed give the same sessions. Throws
// std::invalid_argument naming the parameter when one is out of range (negative or non-finite
// rate, weights negative or all zero for a day type with sessions, non-positive median, negative
// sigma, non-positive fleet values) or the duration is negative.
std::vector<EvSession> generate_ev_sessions(const EvGeneratorParams& params,
                                            const CivilTime& run_start, Tick run_duration_s,
                                            std::uint64_t seed);

// ---- Random draws (methods above), exposed for tests and other stochastic models ----

// Exponential with the given mean (>= 0).
double sample_exponential(Pcg32& rng, double mean);
// Standard normal by Box-Muller (two uniforms per call).
double sample_standard_normal(Pcg32& rng);
// Lognormal: median * exp(sigma Z).
double sample_lognormal(Pcg32& rng, double median, double sigma);
// Poisson with the given mean (>= 0); a mean of 0 draws nothing and returns 0.
int sample_poisson(Pcg32& rng, double mean);
// Index of a bin drawn with probability proportional to its weight (weights >= 0, sum > 0); bins
// of zero weight are never drawn.
int sample_categorical(Pcg32& rng, std::span<const double> weights);

}  // namespace zeropark

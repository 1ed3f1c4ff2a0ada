// Battery ageing after SAM/SSC's calendar-and-cycle lifetime model: see battery_ageing.h for the
// equations and references.
#include "components/battery_ageing.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>

namespace zeropark {
namespace {

// SSC compares rainflow ranges with this slack (DOD %), so that a range equal to the previous one
// up to rounding still closes the cycle.
constexpr double kRangeToleranceDodPct = 0.002;

// SSC's reference temperature of the calendar model, K.
constexpr double kCalendarReferenceK = 296.0;
constexpr double kCelsiusToKelvin = 273.15;
constexpr double kSecondsPerDayD = 86400.0;

// The line through (x1, y1) and (x2, y2) at x, or y1 when the two x coincide.
double line_through(double x1, double y1, double x2, double y2, double x) {
  if (x1 == x2) return y1;
  return y1 + (y2 - y1) * (x - x1) / (x2 - x1);
}

// Piecewise-linear y(x) through points with increasing x, extrapolated from the end segments.
// A single point gives a constant.
double piecewise_linear(const std::vector<double>& xs, const std::vector<double>& ys, double x) {
  const std::size_t n = xs.size();
  if (n == 1) return ys[0];
  std::size_t i = 1;
  while (i < n - 1 && xs[i] <= x) ++i;  // first segment end above x, or the last segment
  return line_through(xs[i - 1], ys[i - 1], xs[i], ys[i], x);
}

// The cycles-to-capacity curve of one DOD level, in table order.
struct LevelCurve {
  std::vector<double> cycles;
  std::vector<double> capacity_pct;
};

LevelCurve level_curve(const CycleFadeTable& table, double level_dod_pct) {
  LevelCurve curve;
  for (std::size_t i = 0; i < table.dod_pct.size(); ++i) {
    if (table.dod_pct[i] != level_dod_pct) continue;
    curve.cycles.push_back(table.cycles[i]);
    curve.capacity_pct.push_back(table.capacity_pct[i]);
  }
  return curve;
}

double curve_at(const CycleFadeTable& table, double level_dod_pct, double cycle_number) {
  const LevelCurve curve = level_curve(table, level_dod_pct);
  return piecewise_linear(curve.cycles, curve.capacity_pct, cycle_number);
}

bool has_level(const CycleFadeTable& table, double level_dod_pct) {
  return std::find(table.dod_pct.begin(), table.dod_pct.end(), level_dod_pct) !=
         table.dod_pct.end();
}

// The combined capacity after a change of either part: the lesser of the two, never above its
// previous value, never below zero.
void update_total(BatteryAgeingState& state) {
  const double q = std::min({state.q_pct, state.q_cycle_pct, state.q_calendar_pct});
  state.q_pct = std::max(q, 0.0);
}

// Counts one cycle of DOD range `range_pct` and applies its fade.
void count_cycle(const BatteryAgeingParams& params, BatteryAgeingState& state, double range_pct) {
  const double n = state.cycles_counted;
  state.last_cycle_range_pct = range_pct;
  state.mean_cycle_range_pct = (state.mean_cycle_range_pct * n + range_pct) / (n + 1.0);
  state.cycles_counted += 1;
  // The fade of the n-th cycle is the table's slope there, at this cycle's own depth: the
  // capacity is the sum of per-cycle steps, so the order of deep and shallow cycles hardly matters.
  const double count = state.cycles_counted;
  const double dq = cycle_table_capacity_pct(params.cycle_table, range_pct, count) -
                    cycle_table_capacity_pct(params.cycle_table, range_pct, count + 1.0);
  if (dq > 0.0) state.q_cycle_pct = std::max(state.q_cycle_pct - dq, 0.0);
}

double calendar_table_pct(const CalendarFadeParams& calendar, double age_day) {
  const std::vector<double>& days = calendar.table_day;
  const std::vector<double>& caps = calendar.table_capacity_pct;
  if (age_day < days[0]) return line_through(0.0, 100.0, days[0], caps[0], age_day);
  return piecewise_linear(days, caps, age_day);
}

void advance_calendar(const CalendarFadeParams& calendar, BatteryAgeingState& state, double dt_s,
                      double soc_fraction, double cell_temp_c) {
  switch (calendar.model) {
    case CalendarFadeModel::kNone:
      state.q_calendar_pct = 100.0;
      return;
    case CalendarFadeModel::kTable:
      state.q_calendar_pct = calendar_table_pct(calendar, state.age_s / kSecondsPerDayD);
      return;
    case CalendarFadeModel::kLithiumIonSqrt: {
      const double k = calendar_fade_rate_per_sqrt_day(calendar, soc_fraction, cell_temp_c);
      const double dt_day = dt_s / kSecondsPerDayD;
      double& dq = state.calendar_dq_fraction;
      // dq = k sqrt(t) solves d(dq)/dt = k^2 / (2 dq); the first step starts the curve exactly
      // (the derivative is infinite at t = 0), later ones integrate it so k can change.
      dq = dq == 0.0 ? k * std::sqrt(dt_day) : dq + 0.5 * k * k / dq * dt_day;
      state.q_calendar_pct = 100.0 * (calendar.q0 - dq);
      return;
    }
  }
}

std::string cycle_table_problem(const CycleFadeTable& t) {
  const std::size_t n = t.dod_pct.size();
  if (t.cycles.size() != n || t.capacity_pct.size() != n)
    return "cycle_table: dod_pct, cycles and capacity_pct must have the same length";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string row = "cycle_table row " + std::to_string(i) + ": ";
    if (!(t.dod_pct[i] >= 0.0 && t.dod_pct[i] <= 100.0)) return row + "dod_pct must be in [0, 100]";
    if (!(t.cycles[i] >= 0.0 && std::isfinite(t.cycles[i]))) return row + "cycles must be >= 0";
    if (!std::isfinite(t.capacity_pct[i])) return row + "capacity_pct must be finite";
  }
  for (std::size_t i = 0; i < n; ++i) {
    const LevelCurve curve = level_curve(t, t.dod_pct[i]);
    const std::string level = "cycle_table DOD " + std::to_string(t.dod_pct[i]) + " %: ";
    if (curve.cycles.size() < 2) return level + "needs at least two rows";
    for (std::size_t j = 1; j < curve.cycles.size(); ++j)
      if (!(curve.cycles[j] > curve.cycles[j - 1])) return level + "cycles must increase";
  }
  return {};
}

std::string calendar_problem(const CalendarFadeParams& c) {
  if (c.model == CalendarFadeModel::kLithiumIonSqrt) {
    if (!(c.q0 > 0.0 && std::isfinite(c.q0))) return "calendar: q0 must be > 0";
    if (!(c.a_per_sqrt_day >= 0.0 && std::isfinite(c.a_per_sqrt_day)))
      return "calendar: a_per_sqrt_day must be >= 0";
    if (!std::isfinite(c.b_k) || !std::isfinite(c.c_k))
      return "calendar: b_k and c_k must be finite";
  }
  if (c.model == CalendarFadeModel::kTable) {
    const std::size_t n = c.table_day.size();
    if (c.table_capacity_pct.size() != n)
      return "calendar: table_day and table_capacity_pct must have the same length";
    if (n < 2) return "calendar: the table needs at least two rows";
    for (std::size_t i = 0; i < n; ++i) {
      const std::string row = "calendar table row " + std::to_string(i) + ": ";
      if (!(c.table_day[i] >= 0.0 && std::isfinite(c.table_day[i])))
        return row + "day must be >= 0";
      if (i > 0 && !(c.table_day[i] > c.table_day[i - 1])) return row + "days must increase";
      if (!std::isfinite(c.table_capacity_pct[i])) return row + "capacity_pct must be finite";
    }
  }
  return {};
}

}  // namespace

std::string ageing_params_problem(const BatteryAgeingParams& params) {
  std::string problem = cycle_table_problem(params.cycle_table);
  return problem.empty() ? calendar_problem(params.calendar) : problem;
}

BatteryAgeingState initial_ageing_state(const BatteryAgeingParams& params) {
  const std::string problem = ageing_params_problem(params);
  if (!problem.empty()) throw std::invalid_argument("battery ageing: " + problem);
  BatteryAgeingState state;
  state.q_cycle_pct = cycle_table_capacity_pct(params.cycle_table, 0.0, 0.0);
  state.q_calendar_pct = params.calendar.model == CalendarFadeModel::kLithiumIonSqrt
                             ? 100.0 * params.calendar.q0
                             : 100.0;
  state.q_pct = std::max(std::min(state.q_cycle_pct, state.q_calendar_pct), 0.0);
  return state;
}

double cycle_table_capacity_pct(const CycleFadeTable& table, double dod_pct, double cycle_number) {
  if (table.dod_pct.empty()) return 100.0;
  const auto [min_it, max_it] = std::minmax_element(table.dod_pct.begin(), table.dod_pct.end());
  if (*min_it == *max_it) return curve_at(table, *min_it, cycle_number);  // a single level

  // Bracketing levels: the deepest below dod_pct (else DOD 0), the shallowest at or above it
  // (else 100, read on the deepest level's curve).
  double lo_dod = 0.0;
  double hi_dod = 100.0;
  for (double level : table.dod_pct) {
    if (level < dod_pct)
      lo_dod = std::max(lo_dod, level);
    else
      hi_dod = std::min(hi_dod, level);
  }
  // No level below: a battery cycled to DOD 0 does not fade.
  double lo_pct = has_level(table, lo_dod) ? curve_at(table, lo_dod, cycle_number) : 100.0;
  const bool hi_own = hi_dod != lo_dod && has_level(table, hi_dod);
  double hi_pct = curve_at(table, hi_own ? hi_dod : *max_it, cycle_number);
  // SSC clamps the lower curve at 0 % and the upper one at 100 % (only an extrapolation past a
  // curve's end reaches them); kept so that the fade steps match SSC's there too.
  lo_pct = std::max(lo_pct, 0.0);
  hi_pct = std::min(hi_pct, 100.0);
  return line_through(lo_dod, lo_pct, hi_dod, hi_pct, dod_pct);
}

void ageing_on_dod_turning_point(const BatteryAgeingParams& params, BatteryAgeingState& state,
                                 double dod_pct) {
  std::vector<double>& peaks = state.rainflow_peaks_dod_pct;
  peaks.push_back(dod_pct);
  while (peaks.size() >= 3) {
    const std::size_t last = peaks.size() - 1;
    const double y = std::fabs(peaks[last - 1] - peaks[last - 2]);
    const double x = std::fabs(peaks[last] - peaks[last - 1]);
    if (x + kRangeToleranceDodPct < y) break;  // Y may still be part of a larger cycle
    count_cycle(params, state, y);
    // Y is closed: drop its two points and compare the newest with what is left.
    const double newest = peaks[last];
    peaks.resize(last - 2);
    peaks.push_back(newest);
  }
  update_total(state);
}

void ageing_on_soc_point(const BatteryAgeingParams& params, BatteryAgeingState& state,
                         double soc_fraction) {
  if (!std::isfinite(soc_fraction))
    throw std::invalid_argument("ageing_on_soc_point: soc_fraction must be finite");
  const double dod_pct = 100.0 * (1.0 - std::clamp(soc_fraction, 0.0, 1.0));
  if (!state.has_soc_point) {
    state.has_soc_point = 1;
    state.last_dod_pct = dod_pct;
    state.dod_direction = 0;
    ageing_on_dod_turning_point(params, state, dod_pct);
    return;
  }
  if (dod_pct == state.last_dod_pct) return;  // at rest: no new extreme
  const int direction = dod_pct > state.last_dod_pct ? 1 : -1;
  if (state.dod_direction != 0 && direction != state.dod_direction)
    ageing_on_dod_turning_point(params, state, state.last_dod_pct);
  state.dod_direction = direction;
  state.last_dod_pct = dod_pct;
}

double calendar_fade_rate_per_sqrt_day(const CalendarFadeParams& calendar, double soc_fraction,
                                       double cell_temp_c) {
  const double t_k = cell_temp_c + kCelsiusToKelvin;
  const double arrhenius = std::exp(calendar.b_k * (1.0 / t_k - 1.0 / kCalendarReferenceK));
  const double soc_term = std::exp(calendar.c_k * (soc_fraction / t_k - 1.0 / kCalendarReferenceK));
  return calendar.a_per_sqrt_day * arrhenius * soc_term;
}

void ageing_on_time(const BatteryAgeingParams& params, BatteryAgeingState& state, double dt_s,
                    double soc_fraction, double cell_temp_c) {
  if (!(dt_s >= 0.0 && std::isfinite(dt_s)))
    throw std::invalid_argument("ageing_on_time: dt_s must be >= 0 and finite");
  if (!std::isfinite(soc_fraction) || !std::isfinite(cell_temp_c))
    throw std::invalid_argument("ageing_on_time: soc_fraction and cell_temp_c must be finite");
  if (dt_s == 0.0) return;
  state.age_s += dt_s;
  advance_calendar(params.calendar, state, dt_s, soc_fraction, cell_temp_c);
  update_total(state);
}

double capacity_fraction(const BatteryAgeingState& state) { return state.q_pct / 100.0; }

}  // namespace zeropark

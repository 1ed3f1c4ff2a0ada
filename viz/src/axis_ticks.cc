// Round y-axis ticks (see axis_ticks.h).
#include "axis_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace zeropark::view {

namespace {

// The smallest 1/2/5 × 10^k at or above `x` (> 0).
double nice_step_at_least(double x) {
  const double decade = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * decade >= x * (1 - 1e-12)) return m * decade;
  return 10 * decade;
}

// The next 1/2/5 × 10^k above `step`.
double next_nice_step(double step) { return nice_step_at_least(step * 1.0001); }

}  // namespace

AxisTicks axis_ticks(double lo, double hi, int max_ticks) {
  max_ticks = std::max(max_ticks, 2);
  if (!std::isfinite(lo)) lo = hi;
  if (!std::isfinite(hi)) hi = lo;
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo <= 1e-9 * std::max(std::abs(lo), std::abs(hi))) {
    // A flat series: an axis a tenth of its value either side (±1 round zero).
    const double half = lo == 0 ? 1 : 0.1 * std::abs(lo);
    lo -= half;
    hi += half;
  }
  AxisTicks ticks;
  ticks.step = nice_step_at_least((hi - lo) / (max_ticks - 1));
  for (;;) {
    // Round before floor/ceil so a bound already on a tick (0.3 / 0.1 = 2.9999...) stays on it.
    const double first = std::floor(std::round(lo / ticks.step * 1e9) / 1e9);
    const double last = std::ceil(std::round(hi / ticks.step * 1e9) / 1e9);
    if (last - first + 1 <= max_ticks) {
      ticks.values.clear();
      for (double k = first; k <= last; ++k) {
        const double v = k * ticks.step;
        ticks.values.push_back(v == 0 ? 0.0 : v);  // never "-0"
      }
      break;
    }
    ticks.step = next_nice_step(ticks.step);
  }
  ticks.min = ticks.values.front();
  ticks.max = ticks.values.back();
  return ticks;
}

std::string tick_label(double value, double step) {
  const int decimals = step > 0 ? std::clamp(static_cast<int>(-std::floor(std::log10(step) + 1e-9)), 0, 9) : 0;
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, std::abs(value) < 0.5 * step ? 0.0 : value);
  return text;
}

}  // namespace zeropark::view

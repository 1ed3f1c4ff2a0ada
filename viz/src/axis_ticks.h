// Round tick values for a plot's y axis: steps of 1, 2 or 5 × 10^k, an axis from a tick at or
// below the data's minimum to one at or above its maximum, and zero among the ticks whenever the
// axis spans it (every tick is a whole multiple of the step).
#pragma once

#include <string>
#include <vector>

namespace zeropark::view {

struct AxisTicks {
  double min = 0, max = 1;     // the axis: first and last tick
  double step = 1;             // 1, 2 or 5 × 10^k
  std::vector<double> values;  // min, min + step, ..., max (2 ≤ size ≤ max_ticks)
};

// Ticks covering [lo, hi] with at most `max_ticks` (≥ 2) values. Non-finite bounds are ignored
// (both non-finite: [0, 1]); lo > hi is swapped; a flat range (lo == hi) gets an axis round it.
AxisTicks axis_ticks(double lo, double hi, int max_ticks = 5);

// A tick's label with as many decimals as the step needs: "1500", "-200", "0.5", "0.02".
std::string tick_label(double value, double step);

}  // namespace zeropark::view

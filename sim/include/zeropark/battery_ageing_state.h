// The dynamic state of a battery's ageing (components/battery_ageing.h models it). Public because
// ParkState holds one per battery.
#pragma once

#include <vector>

namespace zeropark {

// Everything that changes as the battery ages: plain values, so that a copy is a checkpoint and
// two states compare (and hash) field by field.
struct BatteryAgeingState {
  // Rainflow: DOD turning points not yet closed into a cycle, oldest first.
  std::vector<double> rainflow_peaks_dod_pct;
  int cycles_counted = 0;
  double last_cycle_range_pct = 0.0;  // DOD range of the latest counted cycle
  double mean_cycle_range_pct = 0.0;  // mean DOD range of all counted cycles
  // Turning-point detection on the SOC samples given to ageing_on_soc_point.
  int has_soc_point = 0;      // 1 once a sample has been seen
  double last_dod_pct = 0.0;  // latest sample, a turning point if the direction changes
  int dod_direction = 0;      // +1 deepening (discharging), -1 charging, 0 not yet known
  // Calendar.
  double age_s = 0.0;
  double calendar_dq_fraction = 0.0;  // sqrt model: capacity lost, fraction of nameplate
  // Capacities, % of nameplate.
  double q_cycle_pct = 100.0;
  double q_calendar_pct = 100.0;
  double q_pct = 100.0;  // min(cycle, calendar), never increasing

  bool operator==(const BatteryAgeingState&) const = default;
};

}  // namespace zeropark

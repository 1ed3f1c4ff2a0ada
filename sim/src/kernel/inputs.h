// Inputs of a segment: weather-driven PV availability, load demand, tariff and carbon intensity.
#pragma once

#include <vector>

#include "components/pv.h"
#include "time/calendar.h"
#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// Samples every input at a tick and says when the next one changes.
//
// Resampling: the run's resolution R cuts time into steps; PV is evaluated once per step, with the
// sun at the step's midpoint and the weather interpolated linearly between the EPW records'
// mid-hours (at R = 1 h this is exactly the record). Loads and hourly series are constant within
// their hour (so an hour's energy never depends on R); the tariff changes at its periods' starts.
class InputSampler {
 public:
  explicit InputSampler(const ParkModel& model);

  // Writes the inputs in force at `tick` into `op`; returns the tick of the next input change
  // (never beyond the run's end).
  Tick refresh(Tick tick, OperatingPoint& op);

 private:
  void sample_pv(Tick step_start, OperatingPoint& op);

  const ParkModel& model_;
  Calendar calendar_;
  SolarSite site_;
  std::vector<PvParams> pv_params_;
  Tick sampled_step_ = -1;
};

}  // namespace zeropark

// Buildings in the plant: their 5R1C networks stepped at the run's resolution.
//
// At the start of each input step a building's demand is the heating or cooling that would hold
// its set-points over the step (ISO 13790's ideal loads), from the weather at the step's middle,
// its solar gains through each facade's windows and its internal gains. The heat balance then
// serves what it can. At the end of the step the mass temperature moves by the heat actually
// served (its mean over the step), so a building that is under-served cools down for real and
// asks for more in the next step.
#pragma once

#include <vector>

#include "components/building_5r1c.h"
#include "kernel/inputs.h"
#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

class BuildingStepper {
 public:
  explicit BuildingStepper(const ParkModel& model);

  // Opens the step that starts at state.tick: writes op.building_*_demand_kw and
  // op.building_air_c. A step still open is closed first.
  void begin_step(const StepWeather& weather, ParkState& state);
  // Closes the open step at state.tick: moves each building's mass temperature by what it was
  // served since the step opened. Nothing happens when no step is open.
  void end_step(ParkState& state);
  bool step_open() const { return step_start_ >= 0; }

 private:
  struct StepInputs {
    double outdoor_c = 0;
    BuildingGains gains;
  };
  const ParkModel& model_;
  std::vector<StepInputs> inputs_;
  Tick step_start_ = -1;
};

}  // namespace zeropark

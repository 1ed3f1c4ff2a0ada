// Ideal loads at a step's start, the mass temperature at its end.
#include "kernel/buildings.h"

#include <stdexcept>

namespace zeropark {

BuildingStepper::BuildingStepper(const ParkModel& model) : model_(model), inputs_(model.buildings.size()) {}

void BuildingStepper::begin_step(const StepWeather& weather, ParkState& state) {
  end_step(state);
  OperatingPoint& op = state.powers;
  const double dt_s = static_cast<double>(model_.resolution_s);
  for (std::size_t b = 0; b < model_.buildings.size(); ++b) {
    const BuildingModel& building = model_.buildings[b];
    StepInputs& in = inputs_[b];
    in.outdoor_c = weather.air_c;
    in.gains.internal_w = building_internal_gains_w(*building.network);
    in.gains.solar_w = window_solar_gains_w(*building.envelope, weather.sun, weather.sky, weather.albedo);
    // Heat recovery is folded into H_ve, so the supply air is the outdoor air.
    const BuildingStep ideal =
        building_ideal_loads(*building.network, state.building_mass_c[b], in.outdoor_c, in.outdoor_c, in.gains, dt_s);
    op.building_heating_demand_kw[b] = ideal.heating_kw * building.count;
    op.building_cooling_demand_kw[b] = ideal.cooling_kw * building.count;
    op.building_air_c[b] = ideal.air_c;
  }
  // The step's own start, also when a run resumes in its middle (the mass is the step start's).
  step_start_ = state.tick - state.tick % model_.resolution_s;
}

void BuildingStepper::end_step(ParkState& state) {
  if (step_start_ < 0) return;
  const Tick elapsed_s = state.tick - step_start_;
  step_start_ = -1;
  if (elapsed_s <= 0) return;
  for (std::size_t b = 0; b < model_.buildings.size(); ++b) {
    const BuildingModel& building = model_.buildings[b];
    const StepInputs& in = inputs_[b];
    // Mean heating minus cooling served to one building over the step, kW.
    const double net_kw =
        state.building_step_heat_kwh[b] / building.count * kSecondsPerHourD / static_cast<double>(elapsed_s);
    const BuildingStep step = building_with_power(*building.network, state.building_mass_c[b], in.outdoor_c,
                                                  in.outdoor_c, in.gains, net_kw, static_cast<double>(elapsed_s));
    state.building_mass_c[b] = step.mass_end_c;
    state.building_step_heat_kwh[b] = 0;
  }
}

}  // namespace zeropark

// Inputs of a segment: weather-driven PV availability, load demand, tariff and carbon intensity.
#pragma once

#include <vector>

#include "components/heat_pump.h"
#include "components/pv.h"
#include "components/wind_turbine.h"
#include "time/calendar.h"
#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// The weather at one instant, interpolated from the EPW, with the sun's position.
struct StepWeather {
  SolarPosition sun;
  HorizontalIrradiance sky;
  double air_c = 0;
  double wind_m_s = 0;
  double pressure_pa = 0;
  double relative_humidity_pct = 0;
  double albedo = 0.2;
  double day_of_year = 0;  // fractional, 0 = 1 January 00:00
};

// Samples every input at a tick and says when the next one changes.
//
// Resampling: the run's resolution R cuts time into steps; weather-driven inputs (PV, wind, heat
// pumps' source temperatures and COPs) are evaluated once per step, with the sun at the step's
// midpoint and the weather interpolated linearly between the EPW records' mid-hours (at R = 1 h
// this is exactly the record). Loads and hourly series are constant within their hour (so an
// hour's energy never depends on R); the tariff changes at its periods' starts.
class InputSampler {
 public:
  explicit InputSampler(const ParkModel& model);

  // Writes the inputs in force at `tick` into `op`; returns the tick of the next input change
  // (never beyond the run's end).
  Tick refresh(Tick tick, OperatingPoint& op);
  // Samples the weather-driven inputs again at the next refresh, even within the same step (an
  // outage that ended must find the values it had zeroed).
  void resample() { sampled_step_ = -1; }
  // The weather of the step sampled last (at its middle).
  const StepWeather& weather() const { return weather_; }

 private:
  StepWeather weather_at_step_middle(Tick step_start) const;
  SurfaceOrientation pv_surface(std::size_t i, const SolarPosition& sun) const;
  void sample_pv(const StepWeather& w, OperatingPoint& op) const;
  void sample_wind(const StepWeather& w, OperatingPoint& op) const;
  void sample_pvt(const StepWeather& w, OperatingPoint& op) const;
  void sample_heat_pumps(const StepWeather& w, OperatingPoint& op) const;

  const ParkModel& model_;
  Calendar calendar_;
  SolarSite site_;
  std::vector<PvParams> pv_params_;
  std::vector<WindTurbineParams> wind_params_;
  std::vector<HeatPumpPerformance> heat_pump_performance_;
  Tick sampled_step_ = -1;
  StepWeather weather_;
};

}  // namespace zeropark

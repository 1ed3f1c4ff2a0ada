// Forecasts for a look-ahead controller: per decision step, what the park will need that nobody
// controls (loads and data centres minus PV, wind and PV/thermal), the import price and the grid's
// carbon intensity.
//
// The truth comes from the same InputSampler the plant uses, averaged over each step (time-weighted
// across every input change inside it), so a perfect forecast is exactly what the plant will see.
// A noisy forecast multiplies demand, generation and (when the series varies) carbon intensity by
// (1 + σ·Z) with Z standard normal, clipped at zero; σ = error_fraction · min(1, √(lead / 24 h)),
// so the error grows with lead time like a random walk and reaches error_fraction a day ahead (the
// usual way day-ahead errors are quoted). The step that starts at the issue tick (lead 0) is never
// noisy: it is measured. The tariff is a contract and is known exactly.
//
// Determinism: Z is a pure function of (model seed, issue tick, lead step, channel): a counter-based
// hash (SplitMix64's finaliser, Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
// generators", OOPSLA) gives two 53-bit uniforms and Box & Muller (1958) turns them into Z. No
// global or stateful generator, no standard-library distribution: the same model and seed give the
// same forecasts on any platform whose libm rounds log, cos and sqrt alike.
//
// Ignored: heat pumps, chillers, electrolysers, fuel cells and EV charging (they depend on the
// dispatch or the buildings' thermal state; the controller handles them itself).
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/inputs.h"
#include "zeropark/model.h"
#include "zeropark/state.h"
#include "zeropark/units.h"

namespace zeropark {

// One decision step of a forecast: means over [start_tick, start_tick + duration_s).
struct ForecastStep {
  Tick start_tick = 0;
  Tick duration_s = 0;
  double demand_kw = 0;      // loads and data centres (facility power)
  double generation_kw = 0;  // PV, wind and PV/thermal available
  double price_cny_per_kwh = 0;
  double carbon_kg_per_kwh = 0;
  double net_demand_kw() const { return demand_kw - generation_kw; }
};

// Channels of noise, so that demand, generation and carbon draw independent errors.
enum class ForecastChannel : std::uint64_t { kDemand = 1, kGeneration = 2, kCarbon = 3 };

// A standard normal draw that depends only on its arguments (see above).
double forecast_noise(std::uint64_t seed, Tick issue_tick, int lead_step, ForecastChannel channel);

// Computes and caches the truth of a model's inputs; holds a reference to the model, which must
// outlive it. Not thread-safe (it caches), but its answers never depend on the order of calls.
class ForecastSource {
 public:
  explicit ForecastSource(const ParkModel& model);

  // The truth over [start_tick, start_tick + duration_s), clipped to the run's end (which must lie
  // after start_tick). Steps aligned on the decision interval are cached.
  ForecastStep actual(Tick start_tick, Tick duration_s);
  // The inputs in force at one tick (duration_s = 0), as the plant sees them then.
  ForecastStep at(Tick tick);

  // Steps of model.decision_interval_s from `issue_tick`, as many as `steps` but none past the
  // run's end (the last may be shorter), with noise of size `error_fraction` (0: perfect).
  std::vector<ForecastStep> forecast(Tick issue_tick, int steps, double error_fraction);

 private:
  ForecastStep sample(Tick start_tick, Tick end_tick);

  const ParkModel& model_;
  InputSampler sampler_;
  OperatingPoint point_;             // sized for the model; the sampler writes into it
  std::vector<ForecastStep> cache_;  // aligned steps, by index start_tick / decision_interval_s
  std::vector<char> cached_;
  bool carbon_varies_ = false;
};

}  // namespace zeropark

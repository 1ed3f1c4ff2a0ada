// Truth by sampling the plant's own inputs; noise by hashing (seed, issue tick, lead, channel).
#include "controllers/forecast.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>

namespace zeropark {
namespace {

// SplitMix64's output function: a bijective mix in which every input bit affects every output bit.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A uniform on (0, 1]: 53 random bits, never 0 (Box-Muller takes its logarithm).
double uniform_open_closed(std::uint64_t bits) { return static_cast<double>((bits >> 11) + 1) * 0x1.0p-53; }

double total(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

}  // namespace

double forecast_noise(std::uint64_t seed, Tick issue_tick, int lead_step, ForecastChannel channel) {
  // Each argument goes through the mix before the next joins, so that nearby counters (tick and
  // tick + 1, lead 1 and 2) land on unrelated streams.
  constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;  // SplitMix64's increment
  std::uint64_t key = mix64(seed + kGolden);
  key = mix64(key ^ static_cast<std::uint64_t>(issue_tick));
  key = mix64(key ^ static_cast<std::uint64_t>(lead_step));
  key = mix64(key ^ static_cast<std::uint64_t>(channel));
  const double u1 = uniform_open_closed(mix64(key + kGolden));
  const double u2 = uniform_open_closed(mix64(key + 2 * kGolden));
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

ForecastSource::ForecastSource(const ParkModel& model)
    : model_(model), sampler_(model), point_(initial_state(model).powers) {
  const std::vector<double>& carbon = model.grid.carbon_kg_per_kwh_hourly;
  carbon_varies_ =
      !carbon.empty() && std::any_of(carbon.begin(), carbon.end(), [&](double v) { return v != carbon.front(); });
}

ForecastStep ForecastSource::sample(Tick start_tick, Tick end_tick) {
  ForecastStep step;
  step.start_tick = start_tick;
  step.duration_s = end_tick - start_tick;
  Tick tick = start_tick;
  // Each input is piecewise constant between the ticks refresh() names: weight each piece by its length.
  while (tick < end_tick) {
    const Tick next = sampler_.refresh(tick, point_);
    const Tick piece_end = next > tick ? std::min(next, end_tick) : end_tick;
    const double w = static_cast<double>(piece_end - tick);
    step.demand_kw += w * (total(point_.load_demand_kw) + total(point_.data_centre_demand_kw));
    step.generation_kw +=
        w * (total(point_.pv_available_kw) + total(point_.wind_available_kw) + total(point_.pvt_available_kw));
    step.price_cny_per_kwh += w * point_.price_cny_per_kwh;
    step.carbon_kg_per_kwh += w * point_.carbon_kg_per_kwh;
    tick = piece_end;
  }
  const double length = static_cast<double>(step.duration_s);
  step.demand_kw /= length;
  step.generation_kw /= length;
  step.price_cny_per_kwh /= length;
  step.carbon_kg_per_kwh /= length;
  return step;
}

ForecastStep ForecastSource::at(Tick tick) {
  if (tick < 0 || tick >= model_.end_tick) throw std::out_of_range("ForecastSource: tick outside the run");
  sampler_.refresh(tick, point_);
  ForecastStep step;
  step.start_tick = tick;
  step.demand_kw = total(point_.load_demand_kw) + total(point_.data_centre_demand_kw);
  step.generation_kw = total(point_.pv_available_kw) + total(point_.wind_available_kw) + total(point_.pvt_available_kw);
  step.price_cny_per_kwh = point_.price_cny_per_kwh;
  step.carbon_kg_per_kwh = point_.carbon_kg_per_kwh;
  return step;
}

ForecastStep ForecastSource::actual(Tick start_tick, Tick duration_s) {
  if (start_tick < 0 || start_tick >= model_.end_tick || duration_s <= 0)
    throw std::out_of_range("ForecastSource: step outside the run");
  const Tick end_tick = std::min(start_tick + duration_s, model_.end_tick);
  const Tick interval = model_.decision_interval_s;
  if (duration_s != interval || start_tick % interval != 0) return sample(start_tick, end_tick);
  const std::size_t index = static_cast<std::size_t>(start_tick / interval);
  if (index >= cache_.size()) {
    const std::size_t steps = static_cast<std::size_t>((model_.end_tick + interval - 1) / interval);
    cache_.resize(steps);
    cached_.assign(steps, 0);
  }
  if (!cached_[index]) {
    cache_[index] = sample(start_tick, end_tick);
    cached_[index] = 1;
  }
  return cache_[index];
}

std::vector<ForecastStep> ForecastSource::forecast(Tick issue_tick, int steps, double error_fraction) {
  std::vector<ForecastStep> out;
  const Tick interval = model_.decision_interval_s;
  for (int k = 0; k < steps; ++k) {
    const Tick start = issue_tick + k * interval;
    if (start >= model_.end_tick) break;
    ForecastStep step = actual(start, interval);
    if (k > 0 && error_fraction > 0) {
      const double lead_days = static_cast<double>(start - issue_tick) / static_cast<double>(kSecondsPerDay);
      const double sigma = error_fraction * std::min(1.0, std::sqrt(lead_days));
      const auto noisy = [&](double value, ForecastChannel channel) {
        return std::max(0.0, value * (1.0 + sigma * forecast_noise(model_.seed, issue_tick, k, channel)));
      };
      step.demand_kw = noisy(step.demand_kw, ForecastChannel::kDemand);
      step.generation_kw = noisy(step.generation_kw, ForecastChannel::kGeneration);
      if (carbon_varies_) step.carbon_kg_per_kwh = noisy(step.carbon_kg_per_kwh, ForecastChannel::kCarbon);
    }
    out.push_back(step);
  }
  return out;
}

}  // namespace zeropark

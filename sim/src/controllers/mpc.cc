// mpc: at each decision, forecast the horizon, solve the dispatch programme, apply its first step.
//
// What the programme sees (controllers/mpc_dispatch.h has its rows):
//   - the uncontrollable net demand of each step: the forecast (controllers/forecast.h: loads, data
//     centres, PV, wind, PV/thermal; perfect or seeded-noisy) plus a residual for what the forecast
//     cannot see — heat pumps, chillers, electrolysers and fuel cells, whose power depends on
//     buildings, tanks and their own rules. The residual is measured at each decision as the
//     observed net demand minus the forecast's inputs at that tick minus the non-V2G EV charging
//     planned at the last decision (the observation counts those cars' last draw in its net demand;
//     the programme plans them itself). The first step uses it as measured (so the first step is
//     the observed net demand, with the loads' and generation's exact means over the step); later
//     steps use the residual measured at the same time of day within the last 24 hours (a
//     day-ahead persistence that follows the chillers' daily cycle), or the current one where none
//     was measured yet (the first day).
//   - batteries with their windows, efficiencies and self-discharge (not their capacity fade: the
//     window is the nameplate one, widened to hold the energy observed; the plant enforces the
//     faded window);
//   - EV charger groups as moving stores (controllers/mpc_ev.h), charging and V2G;
//   - the tariff's demand charge on raising the month's peak above the running peak kept in memory
//     (rules.h update_running_peak), or above 0 for a month that starts inside the horizon; the
//     planned import is scaled by the learnt ratio of metered to planned import (line losses);
//   - the grid's import and export limits (PV, wind and PV/thermal may be curtailed), as one bus:
//     lines' capacities and losses are left to the plant's balance.
// Heat tanks, electrolysers and fuel cells stay on their own rules (NaN set-points): their value
// depends on heat buses and hydrogen demand the programme does not model.
// When the programme cannot be solved (infeasible or numerical failure, which its penalties make
// rare), that decision falls back to self_consumption and is counted.
//
// Memory: [0, 2) the month's running peak; [2] the non-V2G EV charging planned at the last
// decision, kW; [3] the import it planned for its first step, kW; [4] the learnt ratio of metered
// to planned import (0: not yet); then, per time-of-day slot of one decision interval, the
// residual measured in it and 1 + the tick it was measured at (0: never).
#include "controllers/mpc.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "controllers/forecast.h"
#include "controllers/mpc_dispatch.h"
#include "controllers/mpc_ev.h"
#include "controllers/rules.h"
#include "controllers/self_consumption.h"
#include "time/calendar.h"

namespace zeropark {
namespace {

const ControllerSetting kHorizon{"horizon_h", 24, 1, 168, "Look-ahead of each decision's linear programme, hours."};
// China's national carbon market (CEA) in 2023: 212 million t traded for 14.444 billion CNY, a mean of
// 68 CNY/t (Shanghai Environment and Energy Exchange, annual summary of 2 January 2024).
const ControllerSetting kCarbonPrice{
    "carbon_price_cny_per_kg_co2", 0.068, 0, 100,
    "Price put on each kg of CO2 imported (default: China's national ETS, 2023 mean)."};
const ControllerSetting kForecastError{
    "forecast_error_fraction", 0, 0, 2,
    "Relative error of the day-ahead forecasts of demand, generation and carbon intensity; 0: perfect."};
const ControllerSetting kEndValue{
    "storage_end_value_fraction", 1, 0, 2,
    "Value of energy left stored at the horizon's end, as a fraction of the horizon's cheapest import cost."};
const ControllerSetting kWear{"battery_wear_cost_cny_per_kwh", 0, 0, 10,
                              "Cost put on each kWh a battery discharges (its wear); 0: none, as the KPIs."};

constexpr std::size_t kEvDrawCell = kRunningPeakMemory;
constexpr std::size_t kPlannedImportCell = kRunningPeakMemory + 1;
constexpr std::size_t kMeteredRatioCell = kRunningPeakMemory + 2;
constexpr std::size_t kSlotsStart = kRunningPeakMemory + 3;
// Learning the metered-to-planned import ratio: only from decisions that planned a sizeable import
// (where the peak is at stake), each moving the ratio a tenth of the way, within ±10 %.
constexpr double kRatioMinImportShare = 0.5;
constexpr double kRatioWeight = 0.1;

std::size_t slots_per_day(const ParkModel& model) {
  return static_cast<std::size_t>((kSecondsPerDay + model.decision_interval_s - 1) / model.decision_interval_s);
}

double at_or(std::span<const double> values, std::size_t i, double otherwise = 0.0) {
  return i < values.size() ? values[i] : otherwise;
}

}  // namespace

struct MpcController::RunCache {
  RunCache(const ParkModel& m) : model(&m), seed(m.seed), end_tick(m.end_tick), forecasts(m), calendar(m.start) {
    for (const EvChargerModel& c : m.ev_chargers) ev.emplace_back(c);
  }
  bool serves(const ParkModel& m) const { return model == &m && seed == m.seed && end_tick == m.end_tick; }
  std::size_t slot(Tick tick) const {
    const std::int64_t second_of_day = (calendar.start_seconds() + tick) % kSecondsPerDay;
    return static_cast<std::size_t>(second_of_day / model->decision_interval_s);
  }
  int month_key(Tick tick) const {
    const CivilTime t = calendar.at(tick);
    return t.year * 12 + t.month;
  }

  const ParkModel* model;
  std::uint64_t seed;
  Tick end_tick;
  ForecastSource forecasts;
  Calendar calendar;
  std::vector<EvGroupSessions> ev;
};

MpcController::MpcController() = default;
MpcController::~MpcController() = default;

std::vector<ControllerSetting> MpcController::settings() const {
  return {kHorizon, kCarbonPrice, kForecastError, kEndValue, kWear};
}

std::size_t MpcController::memory_size(const ParkModel& model) const { return kSlotsStart + 2 * slots_per_day(model); }

MpcController::RunCache& MpcController::cache_for(const ParkModel& model) const {
  if (!cache_ || !cache_->serves(model)) cache_ = std::make_unique<RunCache>(model);
  return *cache_;
}

void MpcController::decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
                           Command& command) const {
  // A caller without memory (a test poking one decision) gets a fresh one.
  std::vector<double> scratch;
  if (memory.size() < memory_size(model)) {
    scratch.assign(memory_size(model), 0.0);
    memory = scratch;
  }
  RunCache& cache = cache_for(model);
  const Tick now = observation.tick;
  const Tick interval = model.decision_interval_s;
  const double peak_so_far_kw = update_running_peak(model, observation, memory.first(kRunningPeakMemory));
  // The programme's one bus has no line losses, so the meter reads a little more than it plans;
  // filling valleys up to the month's metered peak would then raise that peak by the losses at
  // every decision. The ratio of metered to planned import, learnt at high-import decisions,
  // scales the planned import in the peak rows.
  double& metered_ratio = memory[kMeteredRatioCell];
  if (metered_ratio == 0) metered_ratio = 1;
  const double planned_kw = memory[kPlannedImportCell];
  if (planned_kw > 0 && planned_kw >= kRatioMinImportShare * peak_so_far_kw && observation.grid_kw > 0)
    metered_ratio =
        std::clamp((1 - kRatioWeight) * metered_ratio + kRatioWeight * observation.grid_kw / planned_kw, 0.9, 1.1);

  // The horizon's steps and their uncontrollable net demand.
  const int steps = static_cast<int>(std::ceil(controller_setting(model, kHorizon) * kSecondsPerHourD / interval));
  const std::vector<ForecastStep> forecast =
      cache.forecasts.forecast(now, std::max(1, steps), controller_setting(model, kForecastError));
  const double residual_now_kw =
      observation.net_demand_kw - cache.forecasts.at(now).net_demand_kw() - memory[kEvDrawCell];
  const std::size_t slots = slots_per_day(model);
  const std::span<double> residual_kw = memory.subspan(kSlotsStart, slots);
  const std::span<double> measured_at = memory.subspan(kSlotsStart + slots, slots);
  residual_kw[cache.slot(now)] = residual_now_kw;
  measured_at[cache.slot(now)] = static_cast<double>(now) + 1.0;

  DispatchProblem problem;
  std::map<int, int> month_index;  // year·12 + month → index into problem.month_peak_kw
  std::vector<Tick> bounds{now};
  for (std::size_t k = 0; k < forecast.size(); ++k) {
    const ForecastStep& f = forecast[k];
    double residual = residual_now_kw;
    if (k > 0) {
      const std::size_t slot = cache.slot(f.start_tick);
      const double when = measured_at[slot] - 1.0;
      if (measured_at[slot] > 0 && now - static_cast<Tick>(when) < kSecondsPerDay) residual = residual_kw[slot];
    }
    DispatchStep step;
    step.duration_h = static_cast<double>(f.duration_s) / kSecondsPerHourD;
    step.net_demand_kw = f.net_demand_kw() + residual;
    step.generation_kw = f.generation_kw;
    step.sheddable_kw = std::max(0.0, f.demand_kw + std::max(0.0, residual));
    step.price_cny_per_kwh = f.price_cny_per_kwh;
    step.carbon_kg_per_kwh = f.carbon_kg_per_kwh;
    const auto [it, added] =
        month_index.try_emplace(cache.month_key(f.start_tick), static_cast<int>(month_index.size()));
    if (added) problem.month_peak_kw.push_back(k == 0 ? peak_so_far_kw : 0.0);
    step.month = it->second;
    problem.steps.push_back(step);
    bounds.push_back(f.start_tick + f.duration_s);
  }
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    const BatteryModel& b = model.batteries[i];
    problem.batteries.push_back({at_or(observation.battery_energy_kwh, i, b.energy_initial_kwh), b.energy_min_kwh,
                                 b.energy_max_kwh, b.max_charge_kw, b.max_discharge_kw, b.charge_efficiency,
                                 b.discharge_efficiency, b.self_discharge_per_s});
  }
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g) {
    const EvGroupNow cars{at_or(observation.ev_plugged, g), at_or(observation.ev_energy_needed_kwh, g),
                          at_or(observation.ev_charge_limit_kw, g), at_or(observation.ev_forced_kw, g),
                          at_or(observation.ev_v2g_limit_kw, g)};
    problem.ev_groups.push_back(cache.ev[g].horizon(cars, bounds));
  }
  const GridModel& grid = model.grid;
  problem.import_limit_kw = grid.import_limit_kw;
  problem.export_limit_kw = grid.export_limit_kw;
  problem.export_price_cny_per_kwh = grid.tariff.export_price_cny_per_kwh;
  problem.carbon_price_cny_per_kg_co2 = controller_setting(model, kCarbonPrice);
  problem.demand_charge_cny_per_kw_month = grid.tariff.demand_charge_cny_per_kw_month;
  problem.metered_import_ratio = metered_ratio;
  problem.storage_end_value_fraction = controller_setting(model, kEndValue);
  problem.battery_wear_cost_cny_per_kwh = controller_setting(model, kWear);

  const auto started = std::chrono::steady_clock::now();
  const DispatchPlan plan = solve_dispatch(problem);
  solve_ms_.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
  iterations_ += plan.iterations;

  const double nan = std::nan("");
  double ev_draw_kw = 0;  // non-V2G charging expected over the coming step
  if (plan.status == LpStatus::kOptimal) {
    command.battery_setpoint_kw.assign(model.batteries.size(), 0.0);
    for (std::size_t i = 0; i < model.batteries.size(); ++i) command.battery_setpoint_kw[i] = plan.battery_kw[i][0];
    command.ev_setpoint_kw.assign(model.ev_chargers.size(), 0.0);
    for (std::size_t g = 0; g < model.ev_chargers.size(); ++g) {
      const double forced_kw = at_or(observation.ev_forced_kw, g);
      const double charge_kw = plan.ev_charge_kw[g][0];
      command.ev_setpoint_kw[g] = plan.ev_kw[g][0];
      planned_shortfall_kwh_ += plan.ev_shortfall_kwh[g][0];
      if (!model.ev_chargers[g].bidirectional)
        ev_draw_kw += std::clamp(charge_kw, forced_kw, std::max(forced_kw, at_or(observation.ev_charge_limit_kw, g)));
    }
  } else {
    fallbacks_ += 1;
    SelfConsumptionController().decide(model, observation, memory, command);
    for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
      if (!model.ev_chargers[g].bidirectional) ev_draw_kw += at_or(observation.ev_charge_limit_kw, g);
  }
  memory[kEvDrawCell] = ev_draw_kw;
  memory[kPlannedImportCell] = plan.status == LpStatus::kOptimal ? plan.import_kw[0] : 0.0;
  command.thermal_storage_setpoint_kw.assign(model.thermal_storages.size(), nan);
  command.electrolyser_setpoint_kw.assign(model.electrolysers.size(), nan);
  command.fuel_cell_setpoint_kw.assign(model.fuel_cells.size(), nan);
}

std::vector<ControllerStatistic> MpcController::statistics() const {
  std::vector<double> sorted = solve_ms_;
  std::sort(sorted.begin(), sorted.end());
  double mean_ms = 0;
  for (double ms : sorted) mean_ms += ms;
  const double solves = static_cast<double>(sorted.size());
  if (!sorted.empty()) mean_ms /= solves;
  // Nearest rank: the smallest time that at least 95 % of the solves did not exceed.
  const double p95_ms = sorted.empty() ? 0.0 : sorted[static_cast<std::size_t>(std::ceil(0.95 * solves)) - 1];
  return {
      {"mpc_solves_count", solves, "Linear programmes solved (one per decision)"},
      {"mpc_solve_time_mean_ms", mean_ms, "Mean wall time to build and solve one programme"},
      {"mpc_solve_time_p95_ms", p95_ms, "95th percentile of the solve times"},
      {"mpc_solve_time_max_ms", sorted.empty() ? 0.0 : sorted.back(), "Longest solve"},
      {"mpc_simplex_iterations_mean", solves > 0 ? iterations_ / solves : 0.0, "Simplex iterations per solve"},
      {"mpc_fallbacks_count", fallbacks_, "Decisions left to self_consumption because a programme failed"},
      {"mpc_ev_shortfall_planned_kwh", planned_shortfall_kwh_,
       "Car energy the first steps of the plans could not deliver in time (the plant's laxity rule then forces it)"},
  };
}

}  // namespace zeropark

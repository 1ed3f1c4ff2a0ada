// mpc: rolling-horizon model-predictive dispatch. At each decision it solves a linear programme
// (controllers/mpc_dispatch.h, GLPK) over the coming horizon_h hours that minimises energy cost +
// a carbon price × CO2 + the demand charge on raising the month's peak, and applies the first step.
#pragma once

#include <memory>
#include <vector>

#include "zeropark/controller.h"

namespace zeropark {

class MpcController final : public Controller {
 public:
  MpcController();
  ~MpcController() override;

  std::string_view name() const override { return "mpc"; }
  std::vector<ControllerSetting> settings() const override;
  std::size_t memory_size(const ParkModel& model) const override;
  void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
              Command& command) const override;
  // mpc_solves_count, mpc_solve_time_{mean,p95,max}_ms, mpc_simplex_iterations_mean,
  // mpc_fallbacks_count, mpc_ev_shortfall_planned_kwh.
  std::vector<ControllerStatistic> statistics() const override;

 private:
  struct RunCache;  // forecasts and session replays of one model, built at its first decision
  RunCache& cache_for(const ParkModel& model) const;

  mutable std::unique_ptr<RunCache> cache_;
  // Wall-clock figures, reported after the run and never traced.
  mutable std::vector<double> solve_ms_;
  mutable double iterations_ = 0;
  mutable double fallbacks_ = 0;
  mutable double planned_shortfall_kwh_ = 0;
};

}  // namespace zeropark

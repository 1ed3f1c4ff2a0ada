// The mpc controller's linear programme: the park's dispatch over a horizon of steps, from plain
// numbers (no model, no observation), so it can be checked against a brute-force optimum.
//
// The park is one bus (lines' losses and capacities are left to the plant). Per step k, of h_k hours:
//   variables  grid import I_k ∈ [0, import limit], export X_k ∈ [0, export limit], curtailment
//              C_k ∈ [0, generation_k], unserved demand U_k ∈ [0, sheddable_k]; per battery b
//              charge c ∈ [0, max_charge], discharge d ∈ [0, max_discharge] (bus kW) and stored energy
//              E at the step's end ∈ [min, max]; per EV group g charging q, V2G v (bus kW), the net
//              energy S put into its cars since the decision and a shortfall s ≥ 0; per month
//              touched m the import peak above the month's so far, P_m ≥ 0.
//   balance    I − X + Σ_b (d − c) + Σ_g (v − q) − C + U = net_demand_k
//   battery    E_k = a·E_{k−1} + β·(η_c·c − d/η_d), the exact solution of dE/dt = u − k·E over the
//              step (a = e^(−k·h), β = (1 − a)/k in hours; a = 1, β = h without self-discharge)
//   EV         S_k = S_{k−1} + h·(η·q − v/η) ≤ ceiling_k;  S_k + s_k ≥ floor_k;
//              q ≤ charge_max_k, v ≤ discharge_max_k, q_0 ≥ min_charge (cars the plant forces)
//              (the floor lets one car's V2G room stand against another's departure, as the plant
//              does: it forces a car that runs out of slack to charge while the others give back)
//   peak       r·I_k − P_m(k) ≤ peak_so_far_m(k), r the ratio of metered to planned import
// minimising
//   Σ_k h_k·[(p_k + λ·ci_k)·I_k − x_k·X_k + w·Σ_b d + π·U_k + ε·(n − k)·Σ_g q] + π·Σ s
//     + D·Σ_m P_m − Σ_b ν·E_b,end
// with p the import price, λ the carbon price, ci the carbon intensity, w a wear cost per kWh
// discharged, D the demand charge per kW and month, π a penalty that dwarfs every price (so the
// programme is always feasible yet sheds load or misses car energy only when nothing else can
// help), ε = 1e-5 CNY/kWh per step a tie-breaker that charges cars as late as equal prices allow
// (the plant shares a group's charging among all its cars, so early charging would go to cars
// with slack as much as to those that need it; departures are protected by the plant), and
// x_k = min(export price, p_k + λ·ci_k − 0.0001): an export never earns more than an import
// costs, since a linear programme would otherwise import and export at once, which the grid
// connection cannot do. ν, the value of a kWh left stored at the horizon's end, is
// end_value_fraction × η_d × the horizon's lowest import cost (p + λ·ci): energy kept is worth at
// least the cheapest import it will replace, so the programme does not empty the batteries at
// every horizon's end, yet spends them whenever a step in the horizon pays more than refilling.
#pragma once

#include <limits>
#include <vector>

#include "controllers/lp_problem.h"

namespace zeropark {

struct DispatchStep {
  double duration_h = 1;
  double net_demand_kw = 0;  // what storage and the grid must cover: demand − generation
  double generation_kw = 0;  // of which curtailable, ≥ 0
  double sheddable_kw = 0;   // demand that may go unserved at the penalty, ≥ 0
  double price_cny_per_kwh = 0;
  double carbon_kg_per_kwh = 0;
  int month = 0;  // index into DispatchProblem::month_peak_kw
};

struct DispatchBattery {
  double energy_kwh = 0;  // now
  double energy_min_kwh = 0;
  double energy_max_kwh = 0;
  double max_charge_kw = 0;
  double max_discharge_kw = 0;
  double charge_efficiency = 1;
  double discharge_efficiency = 1;
  double self_discharge_per_s = 0;
};

// A group of charge points seen as one store whose window moves as cars come and go (all energies
// are into the cars, kWh, counted from the decision).
struct DispatchEvGroup {
  double efficiency = 1;
  bool bidirectional = false;
  std::vector<double> charge_max_kw;     // per step, at the bus
  std::vector<double> discharge_max_kw;  // per step, at the bus (0 unless bidirectional)
  std::vector<double> ceiling_kwh;       // per step end: what the cars present so far still lack
  std::vector<double> floor_kwh;         // per step end: what departed cars needed − V2G room of those present
  double min_charge_kw = 0;              // first step: what cars that must charge flat out draw
};

struct DispatchProblem {
  std::vector<DispatchStep> steps;
  std::vector<DispatchBattery> batteries;
  std::vector<DispatchEvGroup> ev_groups;
  double import_limit_kw = std::numeric_limits<double>::infinity();
  double export_limit_kw = std::numeric_limits<double>::infinity();
  double export_price_cny_per_kwh = 0;
  double carbon_price_cny_per_kg_co2 = 0;
  double demand_charge_cny_per_kw_month = 0;
  std::vector<double> month_peak_kw;  // per month index: the import peak reached so far (≥ 0)
  double metered_import_ratio = 1;    // the meter's import over the programme's (line losses)
  double storage_end_value_fraction = 1;
  double battery_wear_cost_cny_per_kwh = 0;
};

struct DispatchPlan {
  LpStatus status = LpStatus::kFailed;
  double objective_cny = 0;
  int iterations = 0;
  // Per step, valid when optimal:
  std::vector<double> import_kw, export_kw, curtailed_kw, unserved_kw;
  std::vector<std::vector<double>> battery_kw;          // [battery][step]: + discharge, − charge
  std::vector<std::vector<double>> battery_energy_kwh;  // [battery][step]: at the step's end
  std::vector<std::vector<double>> ev_kw;               // [group][step]: + V2G, − charging (net)
  std::vector<std::vector<double>> ev_charge_kw;        // [group][step]: the charging part, ≥ 0
  std::vector<std::vector<double>> ev_shortfall_kwh;    // [group][step]: s
};

// Builds and solves the programme above. Throws std::invalid_argument when the vectors' sizes
// disagree or a month index is out of range.
DispatchPlan solve_dispatch(const DispatchProblem& problem);

// π above, CNY per kWh: ten times the dearest thing the programme could trade a kWh for.
double dispatch_penalty_cny_per_kwh(const DispatchProblem& problem);

}  // namespace zeropark

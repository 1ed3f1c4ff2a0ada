// The dispatch programme of mpc_dispatch.h, row by row.
#include "controllers/mpc_dispatch.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "zeropark/units.h"

namespace zeropark {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLateChargingCnyPerKwhStep = 1e-5;   // ε: among equal prices, charge cars last
constexpr double kExportBelowImportCnyPerKwh = 1e-4;  // an export earns strictly less than an import costs

double import_cost(const DispatchProblem& p, const DispatchStep& s) {
  return s.price_cny_per_kwh + p.carbon_price_cny_per_kg_co2 * s.carbon_kg_per_kwh;
}

void check(const DispatchProblem& p) {
  const std::size_t n = p.steps.size();
  for (const DispatchStep& s : p.steps)
    if (s.month < 0 || static_cast<std::size_t>(s.month) >= p.month_peak_kw.size())
      throw std::invalid_argument("solve_dispatch: a step's month has no peak");
  for (const DispatchEvGroup& g : p.ev_groups)
    if (g.charge_max_kw.size() != n || g.discharge_max_kw.size() != n || g.ceiling_kwh.size() != n ||
        g.floor_kwh.size() != n)
      throw std::invalid_argument("solve_dispatch: an EV group's series do not match the steps");
}

// Indices of one battery's variables per step.
struct BatteryColumns {
  std::vector<int> charge, discharge, energy;
};
struct EvColumns {
  std::vector<int> charge, v2g, net, shortfall;
};

}  // namespace

double dispatch_penalty_cny_per_kwh(const DispatchProblem& p) {
  double dearest = p.export_price_cny_per_kwh + p.demand_charge_cny_per_kw_month + p.battery_wear_cost_cny_per_kwh;
  double cost_max = 0;
  for (const DispatchStep& s : p.steps) cost_max = std::max(cost_max, std::abs(import_cost(p, s)));
  return 10.0 * (dearest + cost_max) + 10.0;
}

DispatchPlan solve_dispatch(const DispatchProblem& p) {
  check(p);
  const std::size_t n = p.steps.size();
  DispatchPlan plan;
  if (n == 0) {
    plan.status = LpStatus::kOptimal;
    return plan;
  }
  const double penalty = dispatch_penalty_cny_per_kwh(p);
  double cheapest_import = kInf;
  for (const DispatchStep& s : p.steps) cheapest_import = std::min(cheapest_import, import_cost(p, s));

  LpProblem lp;
  std::vector<int> import_col(n), export_col(n), curtail_col(n), shed_col(n), balance_row(n);
  for (std::size_t k = 0; k < n; ++k) {
    const DispatchStep& s = p.steps[k];
    const double h = s.duration_h;
    const double cost = import_cost(p, s);
    const double export_value = std::min(p.export_price_cny_per_kwh, cost - kExportBelowImportCnyPerKwh);
    import_col[k] = lp.add_variable(0, p.import_limit_kw, h * cost);
    export_col[k] = lp.add_variable(0, p.export_limit_kw, -h * export_value);
    curtail_col[k] = lp.add_variable(0, std::max(0.0, s.generation_kw), 0);
    shed_col[k] = lp.add_variable(0, std::max(0.0, s.sheddable_kw), h * penalty);
    balance_row[k] = lp.add_row(s.net_demand_kw, s.net_demand_kw);
    lp.add_coefficient(balance_row[k], import_col[k], 1);
    lp.add_coefficient(balance_row[k], export_col[k], -1);
    lp.add_coefficient(balance_row[k], curtail_col[k], -1);
    lp.add_coefficient(balance_row[k], shed_col[k], 1);
  }

  std::vector<BatteryColumns> batteries(p.batteries.size());
  for (std::size_t b = 0; b < p.batteries.size(); ++b) {
    const DispatchBattery& bat = p.batteries[b];
    BatteryColumns& cols = batteries[b];
    // The window holds the present energy too: an aged or float-charged battery may sit just outside it.
    const double lower = std::min(bat.energy_min_kwh, bat.energy_kwh);
    const double upper = std::max(bat.energy_max_kwh, bat.energy_kwh);
    const double end_value = p.storage_end_value_fraction * bat.discharge_efficiency * std::max(0.0, cheapest_import);
    for (std::size_t k = 0; k < n; ++k) {
      const double h = p.steps[k].duration_h;
      cols.charge.push_back(lp.add_variable(0, bat.max_charge_kw, 0));
      cols.discharge.push_back(lp.add_variable(0, bat.max_discharge_kw, h * p.battery_wear_cost_cny_per_kwh));
      cols.energy.push_back(lp.add_variable(lower, upper, k + 1 == n ? -end_value : 0));
      lp.add_coefficient(balance_row[k], cols.charge[k], -1);
      lp.add_coefficient(balance_row[k], cols.discharge[k], 1);
      // E_k − a·E_{k−1} − β·η_c·c + β/η_d·d = 0 (a·E_0 on the right in the first step).
      const double k_per_s = bat.self_discharge_per_s;
      const double a = k_per_s > 0 ? std::exp(-k_per_s * h * kSecondsPerHourD) : 1.0;
      const double beta_h = k_per_s > 0 ? (1.0 - a) / (k_per_s * kSecondsPerHourD) : h;
      const double rhs = k == 0 ? a * bat.energy_kwh : 0.0;
      const int row = lp.add_row(rhs, rhs);
      lp.add_coefficient(row, cols.energy[k], 1);
      if (k > 0) lp.add_coefficient(row, cols.energy[k - 1], -a);
      lp.add_coefficient(row, cols.charge[k], -beta_h * bat.charge_efficiency);
      lp.add_coefficient(row, cols.discharge[k], beta_h / bat.discharge_efficiency);
    }
  }

  std::vector<EvColumns> groups(p.ev_groups.size());
  for (std::size_t g = 0; g < p.ev_groups.size(); ++g) {
    const DispatchEvGroup& ev = p.ev_groups[g];
    EvColumns& cols = groups[g];
    for (std::size_t k = 0; k < n; ++k) {
      const double h = p.steps[k].duration_h;
      const double charge_max = std::max(0.0, ev.charge_max_kw[k]);
      // Forced cars charge flat out but stop once they have their need, which may come within the
      // step: the step's average is at most what the cars still lack.
      const double charge_min =
          k == 0 ? std::clamp(std::min(ev.min_charge_kw, ev.ceiling_kwh[0] / (h * ev.efficiency)), 0.0, charge_max)
                 : 0.0;
      cols.charge.push_back(lp.add_variable(charge_min, charge_max, h * kLateChargingCnyPerKwhStep * (n - k)));
      cols.v2g.push_back(lp.add_variable(0, ev.bidirectional ? std::max(0.0, ev.discharge_max_kw[k]) : 0.0, 0));
      lp.add_coefficient(balance_row[k], cols.charge[k], -1);
      lp.add_coefficient(balance_row[k], cols.v2g[k], 1);
      // Net energy into the cars: S_k − S_{k−1} − h·η·q + h/η·v = 0, S_k ≤ ceiling; S_k + s_k ≥ floor.
      cols.net.push_back(lp.add_variable(-kInf, ev.ceiling_kwh[k], 0));
      const int net_row = lp.add_row(0, 0);
      lp.add_coefficient(net_row, cols.net[k], 1);
      if (k > 0) lp.add_coefficient(net_row, cols.net[k - 1], -1);
      lp.add_coefficient(net_row, cols.charge[k], -h * ev.efficiency);
      lp.add_coefficient(net_row, cols.v2g[k], h / ev.efficiency);
      cols.shortfall.push_back(lp.add_variable(0, kInf, penalty));
      const int floor_row = lp.add_row(ev.floor_kwh[k], kInf);
      lp.add_coefficient(floor_row, cols.net[k], 1);
      lp.add_coefficient(floor_row, cols.shortfall[k], 1);
    }
  }

  // One peak per month the horizon touches, and only where a demand charge makes it matter.
  std::vector<int> peak_col(p.month_peak_kw.size(), -1);
  if (p.demand_charge_cny_per_kw_month > 0) {
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t m = static_cast<std::size_t>(p.steps[k].month);
      if (peak_col[m] < 0) peak_col[m] = lp.add_variable(0, kInf, p.demand_charge_cny_per_kw_month);
      const int row = lp.add_row(-kInf, std::max(0.0, p.month_peak_kw[m]));
      lp.add_coefficient(row, import_col[k], p.metered_import_ratio);
      lp.add_coefficient(row, peak_col[m], -1);
    }
  }

  const LpSolution solution = lp.solve();
  plan.status = solution.status;
  plan.iterations = solution.iterations;
  if (solution.status != LpStatus::kOptimal) return plan;
  plan.objective_cny = solution.objective;
  const auto value = [&](int col) { return solution.values[static_cast<std::size_t>(col)]; };
  for (std::size_t k = 0; k < n; ++k) {
    plan.import_kw.push_back(value(import_col[k]));
    plan.export_kw.push_back(value(export_col[k]));
    plan.curtailed_kw.push_back(value(curtail_col[k]));
    plan.unserved_kw.push_back(value(shed_col[k]));
  }
  for (const BatteryColumns& cols : batteries) {
    std::vector<double> kw, kwh;
    for (std::size_t k = 0; k < n; ++k) {
      kw.push_back(value(cols.discharge[k]) - value(cols.charge[k]));
      kwh.push_back(value(cols.energy[k]));
    }
    plan.battery_kw.push_back(std::move(kw));
    plan.battery_energy_kwh.push_back(std::move(kwh));
  }
  for (const EvColumns& cols : groups) {
    std::vector<double> kw, charge_kw, short_kwh;
    for (std::size_t k = 0; k < n; ++k) {
      kw.push_back(value(cols.v2g[k]) - value(cols.charge[k]));
      charge_kw.push_back(value(cols.charge[k]));
      short_kwh.push_back(value(cols.shortfall[k]));
    }
    plan.ev_kw.push_back(std::move(kw));
    plan.ev_charge_kw.push_back(std::move(charge_kw));
    plan.ev_shortfall_kwh.push_back(std::move(short_kwh));
  }
  return plan;
}

}  // namespace zeropark

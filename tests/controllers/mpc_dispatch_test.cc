// mpc's dispatch programme against closed forms and a brute-force optimum on tiny horizons.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "controllers/mpc_dispatch.h"

using namespace zeropark;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

DispatchStep step(double net_demand_kw, double price, double generation_kw = 0, double carbon = 0) {
  DispatchStep s;
  s.net_demand_kw = net_demand_kw;
  s.generation_kw = generation_kw;
  s.price_cny_per_kwh = price;
  s.carbon_kg_per_kwh = carbon;
  return s;
}

DispatchBattery battery(double energy_kwh, double min_kwh, double max_kwh, double power_kw, double efficiency) {
  return {energy_kwh, min_kwh, max_kwh, power_kw, power_kw, efficiency, efficiency, 0.0};
}

// A two-step day, valley then peak, 100 kW of demand, a battery that starts empty.
DispatchProblem two_price_day(double valley, double peak, double efficiency) {
  DispatchProblem p;
  p.steps = {step(100, valley), step(100, peak)};
  p.batteries = {battery(10, 10, 400, 200, efficiency)};
  p.month_peak_kw = {0};
  p.storage_end_value_fraction = 0;
  return p;
}

}  // namespace

TEST_CASE("mpc_dispatch cycles a two-price day exactly when the price ratio beats the round-trip loss",
          "[mpc][dispatch]") {
  const double eta = 0.95;  // each way: round trip 0.9025
  // Valley 0.30, peak 1.05: 1.05 · 0.9025 > 0.30, so the battery covers the whole peak step: it
  // delivers 100 kWh, holds 100/η, and draws 100/η² in the valley.
  const DispatchPlan cycle = solve_dispatch(two_price_day(0.30, 1.05, eta));
  REQUIRE(cycle.status == LpStatus::kOptimal);
  const double charge_kw = 100 / (eta * eta);
  CHECK(cycle.objective_cny == Approx(0.30 * (100 + charge_kw)).epsilon(1e-9));
  CHECK(cycle.battery_kw[0][0] == Approx(-charge_kw).epsilon(1e-9));
  CHECK(cycle.battery_kw[0][1] == Approx(100).epsilon(1e-9));
  CHECK(cycle.import_kw[1] == Approx(0).margin(1e-9));
  // Valley 0.95, peak 1.0: 1.0 · 0.9025 < 0.95, so cycling loses money and the battery stays idle.
  const DispatchPlan idle = solve_dispatch(two_price_day(0.95, 1.0, eta));
  REQUIRE(idle.status == LpStatus::kOptimal);
  CHECK(idle.objective_cny == Approx(0.95 * 100 + 1.0 * 100).epsilon(1e-12));
  CHECK(idle.battery_kw[0][0] == Approx(0).margin(1e-9));
  CHECK(idle.battery_kw[0][1] == Approx(0).margin(1e-9));
}

TEST_CASE("mpc_dispatch matches a brute-force optimum over every battery schedule of a four-step horizon",
          "[mpc][dispatch]") {
  // Four hours: a valley, a peak, a sunny flat hour with more PV than the park and the export limit
  // can take, and a critical peak; a carbon price; energy left at the end is worth η_d × the
  // cheapest import cost. The brute force walks every stored-energy path on a 0.05 kWh grid (every
  // vertex of this programme lies on it: the window's edges, the start, and steps of 0.8·c or
  // 1.25·d for whole kW) by dynamic programming.
  DispatchProblem p;
  const double price[4] = {0.30, 1.05, 0.65, 1.25}, carbon[4] = {0.5, 0.6, 0.4, 0.7};
  const double demand[4] = {100, 150, 80, 120}, generation[4] = {0, 50, 300, 0};
  for (int k = 0; k < 4; ++k) p.steps.push_back(step(demand[k] - generation[k], price[k], generation[k], carbon[k]));
  p.batteries = {battery(50, 10, 200, 100, 0.8)};
  p.export_limit_kw = 100;
  p.export_price_cny_per_kwh = 0.4155;
  p.carbon_price_cny_per_kg_co2 = 0.1;
  p.month_peak_kw = {0};
  p.storage_end_value_fraction = 1;
  const DispatchPlan plan = solve_dispatch(p);
  REQUIRE(plan.status == LpStatus::kOptimal);

  double cost[4], export_value[4], cheapest = kInf;
  for (int k = 0; k < 4; ++k) {
    cost[k] = price[k] + 0.1 * carbon[k];
    export_value[k] = std::min(0.4155, cost[k] - 1e-4);
    cheapest = std::min(cheapest, cost[k]);
  }
  const double grid_kwh = 0.05, e_min = 10;
  const int levels = 3801;  // 10 … 200 kWh
  const int start = static_cast<int>(std::lround((50 - e_min) / grid_kwh));
  std::vector<double> best(levels, kInf), next(levels);
  best[start] = 0;
  for (int k = 0; k < 4; ++k) {
    std::fill(next.begin(), next.end(), kInf);
    for (int i = 0; i < levels; ++i) {
      if (best[i] == kInf) continue;
      for (int j = std::max(0, i - 2500); j <= std::min(levels - 1, i + 1600); ++j) {
        const double delta_kwh = (j - i) * grid_kwh;
        const double battery_kw = delta_kwh > 0 ? -delta_kwh / 0.8 : -delta_kwh * 0.8;  // + discharge
        if (battery_kw < -100 - 1e-9 || battery_kw > 100 + 1e-9) continue;
        const double residual_kw = demand[k] - generation[k] - battery_kw;
        double step_cost;
        if (residual_kw >= 0) {
          step_cost = cost[k] * residual_kw;
        } else {
          const double surplus_kw = -residual_kw;
          if (surplus_kw - 100 > generation[k] + 1e-9) continue;  // only PV can be curtailed
          step_cost = -export_value[k] * std::min(surplus_kw, 100.0);
        }
        next[j] = std::min(next[j], best[i] + step_cost);
      }
    }
    best.swap(next);
  }
  double brute = kInf;
  for (int i = 0; i < levels; ++i) brute = std::min(brute, best[i] - 0.8 * cheapest * (e_min + i * grid_kwh));
  WARN("dispatch LP " << plan.objective_cny << " CNY, brute force " << brute << " CNY, " << plan.iterations
                      << " simplex iterations");
  CHECK(plan.objective_cny <= brute + 1e-9);  // the programme is never worse than a schedule on the grid
  CHECK(plan.objective_cny == Approx(brute).epsilon(1e-9));
}

TEST_CASE("mpc_dispatch flattens import against a demand charge to the closed-form optimum", "[mpc][dispatch]") {
  // Flat 0.65 CNY/kWh, 100 then 300 kW, a demand charge of 40 CNY/kW, a lossy battery (0.9 each
  // way) that starts empty. Charging c in the first step and giving back c·η² in the second costs
  // 0.65·c·(1 − η²) and lowers the peak 300 − c·η² until it meets 100 + c: c* = 200 / (1 + η²).
  const double eta = 0.9, p = 0.65, charge = 40;
  DispatchProblem problem;
  problem.steps = {step(100, p), step(300, p)};
  problem.batteries = {battery(0, 0, 1000, 500, eta)};
  problem.demand_charge_cny_per_kw_month = charge;
  problem.month_peak_kw = {0};
  problem.storage_end_value_fraction = 0;
  const DispatchPlan plan = solve_dispatch(problem);
  REQUIRE(plan.status == LpStatus::kOptimal);
  const double c = 200 / (1 + eta * eta);
  CHECK(plan.objective_cny == Approx(p * (400 + c * (1 - eta * eta)) + charge * (100 + c)).epsilon(1e-9));
  CHECK(plan.import_kw[0] == Approx(plan.import_kw[1]).epsilon(1e-9));

  // With 250 kW already reached this month, only the 50 kW above it are worth shaving.
  problem.month_peak_kw = {250};
  const DispatchPlan above = solve_dispatch(problem);
  REQUIRE(above.status == LpStatus::kOptimal);
  const double c250 = 50 / (eta * eta);
  CHECK(above.objective_cny == Approx(p * (100 + c250 + 250)).epsilon(1e-9));
  CHECK(above.import_kw[1] == Approx(250).epsilon(1e-9));

  // Without a demand charge the peak is free, and cycling at a flat price only loses.
  problem.demand_charge_cny_per_kw_month = 0;
  const DispatchPlan free_peak = solve_dispatch(problem);
  CHECK(free_peak.objective_cny == Approx(p * 400).epsilon(1e-12));
}

TEST_CASE("mpc_dispatch follows self-discharge exactly", "[mpc][dispatch]") {
  // Nothing to do for three hours: the battery decays as exp(−k·t), as the plant integrates it.
  DispatchProblem p;
  p.steps = {step(0, 0.3), step(0, 0.3), step(0, 0.3)};
  p.batteries = {{100, 0, 200, 50, 50, 0.95, 0.95, 1e-5}};
  p.month_peak_kw = {0};
  const DispatchPlan plan = solve_dispatch(p);
  REQUIRE(plan.status == LpStatus::kOptimal);
  for (int k = 0; k < 3; ++k)
    CHECK(plan.battery_energy_kwh[0][k] == Approx(100 * std::exp(-1e-5 * 3600 * (k + 1))).epsilon(1e-9));
}

TEST_CASE("mpc_dispatch charges cars in the cheapest hours before they leave and lends V2G at peak",
          "[mpc][dispatch]") {
  // One-way points: the cars need 20 kWh by the end of the second of three hours; the first hour
  // is dear, the second cheap: all 20 kWh (20/η at the bus) go into the second hour.
  DispatchProblem p;
  p.steps = {step(100, 1.0), step(100, 0.3), step(100, 0.3)};
  p.month_peak_kw = {0};
  DispatchEvGroup cars;
  cars.efficiency = 0.95;
  cars.charge_max_kw = {44, 44, 44};
  cars.discharge_max_kw = {0, 0, 0};
  cars.ceiling_kwh = {20, 20, 20};
  cars.floor_kwh = {0, 20, 20};
  p.ev_groups = {cars};
  const DispatchPlan plan = solve_dispatch(p);
  REQUIRE(plan.status == LpStatus::kOptimal);
  CHECK(plan.ev_kw[0][0] == Approx(0).margin(1e-9));
  CHECK(plan.ev_kw[0][1] == Approx(-20 / 0.95).epsilon(1e-9));
  CHECK(plan.ev_shortfall_kwh[0][1] == Approx(0).margin(1e-9));

  // Bidirectional points, two hours (1.0 then 0.3), cars already full that leave at the end of
  // the second: V2G may take their 12 kWh of room in the dear hour (11.4 kW at the bus) if it is
  // put back (12/η) in the cheap one.
  DispatchProblem q;
  q.steps = {step(100, 1.0), step(100, 0.3)};
  q.month_peak_kw = {0};
  DispatchEvGroup v2g;
  v2g.efficiency = 0.95;
  v2g.bidirectional = true;
  v2g.charge_max_kw = {40, 40};
  v2g.discharge_max_kw = {40, 40};
  v2g.ceiling_kwh = {0, 0};
  v2g.floor_kwh = {-12, 0};
  q.ev_groups = {v2g};
  const DispatchPlan lent = solve_dispatch(q);
  REQUIRE(lent.status == LpStatus::kOptimal);
  CHECK(lent.ev_kw[0][0] == Approx(12 * 0.95).epsilon(1e-9));
  CHECK(lent.ev_kw[0][1] == Approx(-12 / 0.95).epsilon(1e-9));
  const double tie_break = 1e-5 * 1 * 12 / 0.95;  // ε·(n − k) per kWh charged, n = 2, k = 1
  CHECK(lent.objective_cny == Approx(1.0 * (100 - 11.4) + 0.3 * (100 + 12 / 0.95) + tie_break).epsilon(1e-9));
}

TEST_CASE("mpc_dispatch stays feasible when demand cannot be met, and sheds only then", "[mpc][dispatch]") {
  // 300 kW of demand under a 200 kW import limit with an empty battery: 100 kW go unserved.
  DispatchProblem p;
  DispatchStep s = step(300, 0.65);
  s.sheddable_kw = 300;
  p.steps = {s, s};
  p.import_limit_kw = 200;
  p.batteries = {battery(10, 10, 100, 50, 0.95)};
  p.month_peak_kw = {0};
  const DispatchPlan plan = solve_dispatch(p);
  REQUIRE(plan.status == LpStatus::kOptimal);
  CHECK(plan.import_kw[0] == Approx(200));
  CHECK(plan.unserved_kw[0] + plan.unserved_kw[1] == Approx(200));
  CHECK_THROWS_AS(solve_dispatch([] {
                    DispatchProblem bad;
                    bad.steps = {step(0, 1)};
                    return bad;  // no month peak for the step's month
                  }()),
                  std::invalid_argument);
}

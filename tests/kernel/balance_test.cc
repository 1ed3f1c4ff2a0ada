#include <catch2/catch.hpp>

#include "kernel/balance.h"
#include "support/scenarios.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

// main (grid) ── tx (cap 100 kW, η 0.98) ── feeder with a PV array and a load; battery on main.
ParkModel feeder_park(const std::string& grid_limits) {
  const std::string text =
      "name: feeder\n"
      "simulation:\n  weather: " + testing::shanghai_epw() + "\n"
      "buses:\n  - name: main\n  - name: feeder\n"
      "lines:\n  - {name: tx, from: main, to: feeder, capacity_kw: 100, efficiency: 0.98}\n"
      "pv:\n  - {name: pv, bus: feeder, dc_capacity_kw: 300}\n"
      "batteries:\n  - {name: bat, bus: main, capacity_kwh: 100, max_charge_kw: 50, max_discharge_kw: 50}\n"
      "loads:\n  - {name: load, bus: feeder, profile: constant, peak_kw: 1}\n"
      "grid:\n  bus: main\n" + grid_limits;
  return compile_park(read_scenario_text(text, "feeder.yaml"));
}

OperatingPoint point(const ParkModel& m, double pv_kw, double load_kw, double battery_kw) {
  ParkState s = initial_state(m);
  s.powers.pv_available_kw = {pv_kw};
  s.powers.load_demand_kw = {load_kw};
  s.powers.battery_kw = {battery_kw};
  return s.powers;
}

const std::vector<double> kNoFloor = {0.0};  // the one battery may be shed entirely

void require_balanced(const ParkModel& m, const OperatingPoint& op) {
  CHECK(max_bus_imbalance_kw(m, op) <= 1e-12 * std::max(1.0, bus_power_scale_kw(op)));
}

}  // namespace

TEST_CASE("an unconstrained feeder balances through the line with its losses", "[balance]") {
  const ParkModel m = feeder_park("");
  PowerBalancer balancer(m);
  OperatingPoint op = point(m, 60, 20, 0);
  balancer.solve(op, kNoFloor);
  require_balanced(m, op);
  CHECK(op.pv_kw[0] == 60);
  CHECK(op.line_received_kw[0] == Approx(-40));       // the feeder sends 40 kW up
  CHECK(op.line_sent_kw[0] == Approx(-40 * 0.98));    // 39.2 kW arrive at main
  CHECK(op.grid_kw == Approx(-39.2));                 // exported
}

TEST_CASE("a line limit curtails PV on the exporting side", "[balance]") {
  const ParkModel m = feeder_park("");
  PowerBalancer balancer(m);
  OperatingPoint op = point(m, 250, 20, 0);
  balancer.solve(op, kNoFloor);
  require_balanced(m, op);
  CHECK(op.line_received_kw[0] == Approx(-100));  // the line's capacity
  CHECK(op.pv_kw[0] == Approx(120));              // 130 kW curtailed
  CHECK(op.load_kw[0] == -20);
}

TEST_CASE("an import limit first stops battery charging, then sheds load", "[balance]") {
  const ParkModel m = feeder_park("  import_limit_kw: 60\n");
  PowerBalancer balancer(m);
  OperatingPoint op = point(m, 0, 50, -30);  // 50 kW load via the line + 30 kW charging = 81 kW
  balancer.solve(op, kNoFloor);
  require_balanced(m, op);
  CHECK(op.grid_kw == Approx(60));
  CHECK(op.load_kw[0] == -50);  // the load keeps its supply...
  CHECK(op.battery_kw[0] == Approx(-(60 - 50 / 0.98)));  // ...the battery takes what is left
  OperatingPoint heavy = point(m, 0, 90, 0);  // 91.8 kW needed at main, 60 allowed
  balancer.solve(heavy, kNoFloor);
  require_balanced(m, heavy);
  CHECK(heavy.grid_kw == Approx(60));
  CHECK(heavy.load_kw[0] == Approx(-60 * 0.98));  // unserved: 90 − 58.8 kW
}

TEST_CASE("an export limit first stops battery discharge, then curtails PV downstream", "[balance]") {
  const ParkModel m = feeder_park("  export_limit_kw: 10\n");
  PowerBalancer balancer(m);
  OperatingPoint op = point(m, 80, 10, 20);  // 70 kW up the line (68.6 at main) + 20 discharging
  balancer.solve(op, kNoFloor);
  require_balanced(m, op);
  CHECK(op.grid_kw == Approx(-10));
  CHECK(op.battery_kw[0] == Approx(0).margin(1e-12));
  CHECK(op.pv_kw[0] == Approx(10 + 10 / 0.98));
}

TEST_CASE("a battery holding its floor keeps its float charge when imports are short", "[balance]") {
  const ParkModel m = feeder_park("  import_limit_kw: 60\n");
  PowerBalancer balancer(m);
  OperatingPoint op = point(m, 0, 90, -0.01);  // 0.01 kW of float charge at soc_min
  balancer.solve(op, {-0.01});
  require_balanced(m, op);
  CHECK(op.battery_kw[0] == -0.01);
  CHECK(op.grid_kw == Approx(60));
  CHECK(op.load_kw[0] == Approx(-(60 - 0.01) * 0.98));  // the load is shed instead
}

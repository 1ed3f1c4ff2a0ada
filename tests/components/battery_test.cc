#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "components/battery.h"

using namespace zeropark;

namespace {

BatteryModel battery_100kwh(double self_discharge_per_s = 0) {
  BatteryModel b;
  b.capacity_kwh = 100;
  b.max_charge_kw = 50;
  b.max_discharge_kw = 40;
  b.charge_efficiency = 0.9;
  b.discharge_efficiency = 0.8;
  b.energy_min_kwh = 10;
  b.energy_max_kwh = 90;
  b.self_discharge_per_s = self_discharge_per_s;
  return b;
}

}  // namespace

TEST_CASE("power requests are clamped to the converter's limits", "[battery]") {
  const BatteryModel b = battery_100kwh();
  CHECK(operate_battery(b, 50, -80).power_kw == -50);
  CHECK(operate_battery(b, 50, 70).power_kw == 40);
  CHECK(operate_battery(b, 50, 0).power_kw == 0);
  CHECK_FALSE(operate_battery(b, 50, 0).bound_in_s);
}

TEST_CASE("reaching full is an event at the exact second", "[battery]") {
  const BatteryModel b = battery_100kwh();
  // 10 kW drawn, 9 kW stored: 40 kWh of headroom takes 40/9 h = 16000 s exactly.
  const BatteryOperation op = operate_battery(b, 50, -10);
  REQUIRE(op.bound_in_s);
  CHECK(*op.bound_in_s == 16000);
  CHECK(battery_energy_after(b, 50, -10, 16000) == Approx(90).epsilon(1e-14));
}

TEST_CASE("an edge between two seconds is reached exactly by a one-second landing", "[battery]") {
  const BatteryModel b = battery_100kwh();
  // 7 kW drawn, 6.3 kW stored: 40 kWh takes 22857.142… s.
  const BatteryOperation first = operate_battery(b, 50, -7);
  REQUIRE(first.bound_in_s);
  CHECK(*first.bound_in_s == 22857);
  const double e1 = battery_energy_after(b, 50, first.power_kw, *first.bound_in_s);
  CHECK(e1 < 90);
  CHECK(90 - e1 < 6.3 / 3600);  // less than one second of charging left
  const BatteryOperation landing = operate_battery(b, e1, -7);
  REQUIRE(landing.bound_in_s);
  CHECK(*landing.bound_in_s == 1);
  CHECK(landing.power_kw > -7);
  CHECK(landing.power_kw < 0);
  const double e2 = battery_energy_after(b, e1, landing.power_kw, 1);
  CHECK(e2 == Approx(90).margin(1e-12));
  // Full: a further charge request is refused (no self-discharge to make up).
  const BatteryOperation full = operate_battery(b, 90, -7);
  CHECK(full.power_kw == 0);
  CHECK_FALSE(full.bound_in_s);
}

TEST_CASE("reaching empty while discharging is an event at the exact second", "[battery]") {
  const BatteryModel b = battery_100kwh();
  // 8 kW delivered draws 10 kW from the store: 40 kWh above the floor take 4 h.
  const BatteryOperation op = operate_battery(b, 50, 8);
  REQUIRE(op.bound_in_s);
  CHECK(*op.bound_in_s == 14400);
  CHECK(battery_energy_after(b, 50, 8, 14400) == Approx(10).epsilon(1e-14));
  CHECK(operate_battery(b, 10, 8).power_kw == 0);
}

TEST_CASE("self-discharge decays exponentially and is held at the floor", "[battery]") {
  const double k = -std::log1p(-0.01) / 86400.0;  // 1 % a day
  const BatteryModel b = battery_100kwh(k);
  // At rest from 50 kWh the floor (10 kWh) is reached after ln(5)/k seconds.
  const BatteryOperation rest = operate_battery(b, 50, 0);
  REQUIRE(rest.bound_in_s);
  const double expected_s = std::log(5.0) / k;
  CHECK(*rest.bound_in_s == static_cast<Tick>(std::floor(expected_s)));
  CHECK(battery_energy_after(b, 50, 0, 86400) == Approx(49.5).epsilon(1e-12));
  // At the floor the battery float-charges exactly its self-discharge.
  const BatteryOperation hold = operate_battery(b, 10, 0);
  CHECK_FALSE(hold.bound_in_s);
  CHECK(hold.power_kw == Approx(-k * 10 * 3600 / 0.9).epsilon(1e-12));
  CHECK(battery_energy_after(b, 10, hold.power_kw, 86400) == Approx(10).epsilon(1e-12));
}

namespace {

// One SSC time step of dt_hour = 1 at a constant requested current, through ZeroPark's events:
// the battery runs until it reaches an edge, lands on it exactly, then holds. Returns the charge
// actually delivered (Ah, + discharge) and leaves the new charge in `charge_ah`.
double ssc_hour(const BatteryModel& b, double& charge_ah, double requested_a) {
  double delivered_ah = 0;
  Tick t = 0;
  while (t < 3600) {
    const BatteryOperation op = operate_battery(b, charge_ah, requested_a);
    const Tick dt = std::min<Tick>(3600 - t, op.bound_in_s.value_or(3600));
    delivered_ah += op.power_kw * static_cast<double>(dt) / 3600.0;
    charge_ah = std::clamp(battery_energy_after(b, charge_ah, op.power_kw, dt), b.energy_min_kwh, b.energy_max_kwh);
    t += dt;
  }
  return delivered_ah;
}

}  // namespace

TEST_CASE("the SOC window clips like NREL SSC's coulomb counter", "[battery][reference]") {
  // SSC's lithium-ion capacity test: 1000 Ah, SOC 50 % within [15 %, 95 %], 1 h steps, lossless
  // coulomb counting. With 1 V, ampere-hours are kilowatt-hours and amperes kilowatts, so
  // ZeroPark's battery must reproduce SSC's charge and (clipped) current step by step.
  std::ifstream in(std::string(ZEROPARK_TEST_DATA_DIR) + "/battery_reference_vectors.json");
  REQUIRE(in);
  const nlohmann::json reference = nlohmann::json::parse(in)["liion_capacity_coulomb_counter"];
  const double tolerance = reference["tol"];
  BatteryModel b;
  b.capacity_kwh = reference["setup"]["q_Ah"];
  b.max_charge_kw = b.max_discharge_kw = 1e6;
  b.charge_efficiency = b.discharge_efficiency = 1;
  b.energy_min_kwh = b.capacity_kwh * 0.15;
  b.energy_max_kwh = b.capacity_kwh * 0.95;
  const auto check_sequence = [&](const nlohmann::json& steps) {
    double charge_ah = b.capacity_kwh * 0.5;
    for (const auto& step : steps) {
      if (step.contains("op") && step["op"] != "updateCapacity") break;  // fade is not modelled
      const double current_a = step["I"];
      const double delivered_ah = ssc_hour(b, charge_ah, current_a);
      const auto& expect = step["expect"];
      INFO("I = " << current_a << " A");
      CHECK(charge_ah == Approx(expect[0].get<double>()).margin(tolerance));                   // q0
      CHECK(delivered_ah == Approx(expect[3].get<double>()).margin(tolerance));                // clipped current
      CHECK(100 * charge_ah / b.capacity_kwh == Approx(expect[5].get<double>()).margin(tolerance));  // SOC %
    }
  };
  check_sequence(reference["updateCapacityTest"]);
  check_sequence(reference["runSequenceTest"]);
}

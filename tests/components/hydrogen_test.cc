// Tests of the hydrogen chain against published figures.
//
// References (tests/data/hydrogen/PROVENANCE.md):
//  - DOE HFTO technical targets for liquid alkaline electrolysis: cell voltages with the stack's
//    kWh/kg and % LHV, and the system's kWh/kg and % LHV (doe_alkaline_electrolysis_targets.csv);
//  - heating values (DOE HyARC), CODATA Faraday constant and NIST formation enthalpies of water;
//  - DOE fuel-cell system figures (peak 60 % below a quarter of rated power; 50 %);
//  - the H2A station dispensing profile (h2a_station_weekly_profile.csv);
//  - NREL SAM's default fuel-cell table for the recoverable share of the heat.
#include "components/hydrogen.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace {

using zeropark::ElectrolyserOperation;
using zeropark::ElectrolyserParams;
using zeropark::FuelCellOperation;
using zeropark::FuelCellParams;
using zeropark::kH2HigherHeatingValueKwhPerKg;
using zeropark::kH2LowerHeatingValueKwhPerKg;

// Rows of a CSV of tests/data/hydrogen, header dropped, cells split on commas.
std::vector<std::vector<std::string>> read_rows(const std::string& name) {
  std::ifstream in(std::string(ZEROPARK_TEST_DATA_DIR) + "/hydrogen/" + name);
  REQUIRE(in.good());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("Heating values and Faraday's constant give water's thermoneutral voltage",
          "[hydrogen]") {
  // DOE HyARC: LHV 120.0 MJ/kg, HHV 141.88 MJ/kg.
  CHECK(kH2LowerHeatingValueKwhPerKg == Approx(120.0 / 3.6).margin(0.005));
  CHECK(kH2HigherHeatingValueKwhPerKg == Approx(141.88 / 3.6).margin(0.005));
  // 2F/M = 26.59 kWh/(kg V).
  CHECK(zeropark::kH2KwhPerKgPerVolt == Approx(26.5904).margin(1e-4));
  // NIST: dH_f(H2O, l) = -285.83 kJ/mol -> 1.481 V; dH_f(H2O, g) = -241.83 kJ/mol -> 1.253 V.
  constexpr double kTwoFaraday = 2.0 * zeropark::kFaradayConstantCPerMol;
  CHECK(zeropark::h2_equivalent_cell_voltage_v(kH2HigherHeatingValueKwhPerKg) ==
        Approx(285830.0 / kTwoFaraday).margin(0.002));
  CHECK(zeropark::h2_equivalent_cell_voltage_v(kH2LowerHeatingValueKwhPerKg) ==
        Approx(241830.0 / kTwoFaraday).margin(0.001));
}

TEST_CASE("Faraday's law gives DOE's stack kWh/kg at DOE's cell voltages", "[hydrogen]") {
  // DOE rounds every figure to a whole number: kWh/kg to +/-0.5, and each % LHV column from its
  // own unrounded value (so 48 kWh/kg can read 70 %): +/-1 point.
  const auto rows = read_rows("doe_alkaline_electrolysis_targets.csv");
  REQUIRE(rows.size() == 3);
  for (const auto& row : rows) {
    const double voltage_v = std::stod(row[2]);
    const double stack_kwh_per_kg = std::stod(row[3]);
    const double stack_lhv_percent = std::stod(row[4]);
    const double system_kwh_per_kg = std::stod(row[5]);
    const double system_lhv_percent = std::stod(row[6]);
    const double ours_kwh_per_kg = zeropark::electrolysis_kwh_per_kg(voltage_v, 1.0);
    INFO(row[0] << ": " << voltage_v << " V -> " << ours_kwh_per_kg << " kWh/kg, DOE "
                << stack_kwh_per_kg);
    CHECK(std::fabs(ours_kwh_per_kg - stack_kwh_per_kg) <= 0.5);
    CHECK(100.0 * kH2LowerHeatingValueKwhPerKg / stack_kwh_per_kg ==
          Approx(stack_lhv_percent).margin(1.0));
    CHECK(100.0 * kH2LowerHeatingValueKwhPerKg / system_kwh_per_kg ==
          Approx(system_lhv_percent).margin(1.0));
    // The HHV would be 1.482 V: a model that confused the two would be 18 % off.
    CHECK(std::fabs(zeropark::electrolysis_kwh_per_kg(voltage_v, 1.0) * 1.18 - stack_kwh_per_kg) >
          5.0);
  }
}

TEST_CASE("The default electrolyser is DOE's 2022 status at rated load", "[hydrogen]") {
  const ElectrolyserParams p = zeropark::default_electrolyser_params();
  CHECK_NOTHROW(zeropark::check_electrolyser_params(p, {"s.yaml", 4, 3}, "electrolysers.e1"));
  const ElectrolyserOperation rated = zeropark::electrolyser_at_load(p, 1.0);
  CHECK(rated.electric_kw == Approx(1000.0).epsilon(1e-12));
  CHECK(rated.h2_kg_per_h == Approx(1000.0 / 55.0).epsilon(1e-12));
  // DOE 2022 status: system 55 kWh/kg = 61 % LHV; stack 1.9 V = 51 kWh/kg.
  CHECK(rated.electric_kw / rated.h2_kg_per_h == Approx(55.0).epsilon(1e-12));
  CHECK(100.0 * rated.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg / rated.electric_kw ==
        Approx(61.0).margin(0.5));
  CHECK(rated.stack_kw / rated.h2_kg_per_h == Approx(51.0).margin(0.5));
  // Alkaline load range 15-100 % (IRENA): the plant cannot run on less than its 15 % power.
  const double min_kw = zeropark::electrolyser_min_power_kw(p);
  CHECK(zeropark::electrolyser_at_power(p, min_kw).load_fraction == Approx(0.15).epsilon(1e-9));
  CHECK(zeropark::electrolyser_h2_kg_per_h(p, 0.999 * min_kw) == 0.0);
  CHECK(zeropark::electrolyser_at_power(p, 0.999 * min_kw).electric_kw == 0.0);
}

TEST_CASE("Electrolyser: power to hydrogen and back", "[hydrogen]") {
  const ElectrolyserParams p = zeropark::default_electrolyser_params();
  const double min_kw = zeropark::electrolyser_min_power_kw(p);
  for (double kw = min_kw; kw <= 1000.0; kw += 7.3) {
    const double kg_per_h = zeropark::electrolyser_h2_kg_per_h(p, kw);
    INFO(kw << " kW -> " << kg_per_h << " kg/h");
    CHECK(zeropark::electrolyser_power_for_kg_per_h(p, kg_per_h) == Approx(kw).epsilon(1e-12));
    CHECK(zeropark::electrolyser_at_power(p, kw).electric_kw == kw);  // balances close exactly
  }
  // Above rating it takes its rating; nothing for nothing.
  const ElectrolyserOperation over = zeropark::electrolyser_at_power(p, 1500.0);
  CHECK(over.electric_kw == Approx(1000.0).epsilon(1e-12));
  CHECK(over.h2_kg_per_h == Approx(1000.0 / 55.0).epsilon(1e-12));
  CHECK(zeropark::electrolyser_h2_kg_per_h(p, 0.0) == 0.0);
  CHECK(zeropark::electrolyser_h2_kg_per_h(p, -10.0) == 0.0);
  CHECK(zeropark::electrolyser_h2_kg_per_h(p, kNan) == 0.0);
  CHECK(zeropark::electrolyser_power_for_kg_per_h(p, 0.0) == 0.0);
  // An output below the minimum is raised to it (the plant cannot make less while running).
  CHECK(zeropark::electrolyser_power_for_kg_per_h(p, 0.1) == Approx(min_kw).epsilon(1e-12));
  // A PEM plant (5 % minimum) runs further down.
  ElectrolyserParams pem = p;
  pem.min_load_fraction = 0.05;
  CHECK(zeropark::electrolyser_h2_kg_per_h(pem, 0.8 * min_kw) > 0.0);
}

TEST_CASE("Electrolyser energy balance and part-load curve", "[hydrogen]") {
  const ElectrolyserParams p = zeropark::default_electrolyser_params();
  const double k = zeropark::kH2KwhPerKgPerVolt;
  std::printf("electrolyser part load (1 MW, DOE 2022 status):");
  double previous_stack_kwh_per_kg = 0.0;
  for (double x = 0.15; x <= 1.0 + 1e-12; x += 0.05) {
    const ElectrolyserOperation op = zeropark::electrolyser_at_load(p, x);
    INFO("load " << x);
    // Electric in = hydrogen LHV out + heat, exactly.
    CHECK(op.electric_kw == Approx(op.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg + op.heat_kw)
                                .epsilon(1e-14));
    // The stack's own heat is I (U - U_tn): its voltage above thermoneutral times the current.
    const double voltage_v = 1.5 + 0.4 * x;
    CHECK(op.stack_kw == Approx(op.h2_kg_per_h * k * voltage_v).epsilon(1e-12));
    const double thermoneutral_v = kH2HigherHeatingValueKwhPerKg / k;
    CHECK(op.stack_heat_kw ==
          Approx(op.h2_kg_per_h * k * (voltage_v - thermoneutral_v)).epsilon(1e-9));
    CHECK(op.stack_heat_kw <= op.heat_kw);
    // The stack gets more efficient at part load (lower voltage), so its kWh/kg rises with load.
    const double stack_kwh_per_kg = op.stack_kw / op.h2_kg_per_h;
    CHECK(stack_kwh_per_kg > previous_stack_kwh_per_kg);
    previous_stack_kwh_per_kg = stack_kwh_per_kg;
    std::printf(" %.2f:%.1f", x, op.electric_kw / op.h2_kg_per_h);
  }
  std::printf(" kWh/kg\n");
  // The system curve dips at part load and rises again as the fixed BoP share grows.
  const auto system_kwh_per_kg = [&](double x) {
    const ElectrolyserOperation op = zeropark::electrolyser_at_load(p, x);
    return op.electric_kw / op.h2_kg_per_h;
  };
  CHECK(system_kwh_per_kg(0.5) < system_kwh_per_kg(1.0));
  CHECK(system_kwh_per_kg(0.15) > system_kwh_per_kg(0.3));
}

TEST_CASE("Fuel cell reproduces DOE's efficiency figures", "[hydrogen]") {
  const FuelCellParams p = zeropark::default_fuel_cell_params();
  CHECK_NOTHROW(zeropark::check_fuel_cell_params(p, {"s.yaml", 9, 3}, "fuel_cells.f1"));
  double peak = 0.0, peak_kw = 0.0;
  for (double kw = 5.0; kw <= 100.0; kw += 0.25) {
    const double efficiency = zeropark::fuel_cell_efficiency_lhv(p, kw);
    if (efficiency > peak) {
      peak = efficiency;
      peak_kw = kw;
    }
  }
  const double rated = zeropark::fuel_cell_efficiency_lhv(p, 100.0);
  std::printf("fuel cell (100 kW): peak %.2f %% at %.1f kW, %.2f %% at rated, %.2f %% at 50 kW\n",
              100.0 * peak, peak_kw, 100.0 * rated,
              100.0 * zeropark::fuel_cell_efficiency_lhv(p, 50.0));
  // DOE 2015 status of PEM systems on hydrogen: peak 60 % (LHV) below 25 % of rated power.
  CHECK(peak == Approx(0.60).margin(0.01));
  CHECK(peak_kw < 25.0);
  // DOE 2015 status of backup-power systems on hydrogen: 50 %.
  CHECK(rated == Approx(0.50).margin(0.01));
  // Hydrogen follows the current: at rated, I = P_st / V_r and m = I M / (2F) / u_f.
  const FuelCellOperation op = zeropark::fuel_cell_at(p, 100.0);
  const double stack_kw = 100.0 / (1.0 - 0.08 - 0.01);
  CHECK(op.h2_kg_per_h == Approx(stack_kw / 0.70 / zeropark::kH2KwhPerKgPerVolt / 0.99)
                              .epsilon(1e-12));
  // Round trip through the default electrolyser and fuel cell at rated loads: 61 % x 50 %.
  const double round_trip = rated * kH2LowerHeatingValueKwhPerKg / 55.0;
  CHECK(round_trip == Approx(0.30).margin(0.01));
}

TEST_CASE("Fuel cell energy balance, clamps and recoverable heat", "[hydrogen]") {
  const FuelCellParams p = zeropark::default_fuel_cell_params();
  for (double kw = 5.0; kw <= 100.0; kw += 2.5) {
    const FuelCellOperation op = zeropark::fuel_cell_at(p, kw);
    INFO(kw << " kW");
    CHECK(op.electric_kw == kw);
    // Hydrogen LHV in = electric out + heat, exactly.
    CHECK(op.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg ==
          Approx(op.electric_kw + op.heat_kw).epsilon(1e-14));
    CHECK(op.heat_kw > 0.0);
    CHECK(op.recoverable_heat_kw == Approx(0.9 * op.heat_kw).epsilon(1e-14));
  }
  // NREL SAM's default table: heat recovered / (1 - electrical) from 50/(100-42) = 0.86 at 53 %
  // power to 45/(100-51) = 0.92 at rated; the default share lies in that band.
  CHECK(p.recoverable_heat_fraction >= 50.0 / 58.0);
  CHECK(p.recoverable_heat_fraction <= 45.0 / 49.0);
  // Above rating it gives its rating; below its minimum load (5 kW) it is off.
  CHECK(zeropark::fuel_cell_at(p, 130.0).electric_kw == 100.0);
  CHECK(zeropark::fuel_cell_at(p, 130.0).h2_kg_per_h ==
        zeropark::fuel_cell_at(p, 100.0).h2_kg_per_h);
  CHECK(zeropark::fuel_cell_at(p, 4.9).h2_kg_per_h == 0.0);
  CHECK(zeropark::fuel_cell_at(p, 4.9).electric_kw == 0.0);
  CHECK(zeropark::fuel_cell_at(p, kNan).h2_kg_per_h == 0.0);
  CHECK(zeropark::fuel_cell_efficiency_lhv(p, 0.0) == 0.0);
  // More output always takes more hydrogen (one operating point per output).
  double previous = 0.0;
  for (double kw = 5.0; kw <= 100.0; kw += 0.5) {
    const double h2 = zeropark::fuel_cell_at(p, kw).h2_kg_per_h;
    CHECK(h2 > previous);
    previous = h2;
  }
}

TEST_CASE("Tank: the window's edges become exact events and mass is conserved", "[hydrogen]") {
  const zeropark::H2TankParams tank;  // 10..200 kg
  CHECK_NOTHROW(zeropark::check_h2_tank_params(tank, {}, "tank"));
  // Filling at 18.18 kg/h from 150 kg: the edge is 50 / 18.18 h = 9900 s away.
  const double fill_kg_per_h = 1000.0 / 55.0;
  auto op = zeropark::operate_h2_tank(tank, 150.0, fill_kg_per_h);
  REQUIRE(op.bound_in_s.has_value());
  CHECK(*op.bound_in_s == 9900);
  CHECK(op.net_kg_per_h == fill_kg_per_h);
  double level_kg = zeropark::h2_tank_level_after(150.0, op.net_kg_per_h, *op.bound_in_s);
  CHECK(level_kg == Approx(200.0).epsilon(1e-12));
  // Full: no more in, but it can deliver.
  op = zeropark::operate_h2_tank(tank, 200.0, 5.0);
  CHECK(op.net_kg_per_h == 0.0);
  CHECK_FALSE(op.bound_in_s.has_value());
  CHECK(zeropark::operate_h2_tank(tank, 200.0, -5.0).net_kg_per_h == -5.0);
  // Emptying toward the heel with an edge 0.4 s away: the flow is cut so the heel is reached
  // exactly at the next whole second.
  const double near_heel_kg = 10.0 + 20.0 * 0.4 / 3600.0;
  op = zeropark::operate_h2_tank(tank, near_heel_kg, -20.0);
  REQUIRE(op.bound_in_s.has_value());
  CHECK(*op.bound_in_s == 1);
  CHECK(op.net_kg_per_h == Approx(-8.0).epsilon(1e-9));
  CHECK(zeropark::h2_tank_level_after(near_heel_kg, op.net_kg_per_h, 1) ==
        Approx(10.0).epsilon(1e-12));
  CHECK(zeropark::operate_h2_tank(tank, 10.0, -20.0).net_kg_per_h == 0.0);
  // A day of alternating segments, each cut at its event: what went in minus what went out is
  // what the level gained, to rounding, and the level never leaves the window.
  level_kg = 100.0;
  double in_kg = 0.0, out_kg = 0.0;
  zeropark::Tick t = 0;
  while (t < 86400) {
    const double request = (t / 3600) % 2 == 0 ? 40.0 : -55.0;
    op = zeropark::operate_h2_tank(tank, level_kg, request);
    const zeropark::Tick step = std::min<zeropark::Tick>(
        op.bound_in_s.value_or(3600), 3600 - t % 3600);
    const double moved_kg = op.net_kg_per_h * static_cast<double>(step) / 3600.0;
    (moved_kg > 0.0 ? in_kg : out_kg) += std::fabs(moved_kg);
    level_kg = zeropark::h2_tank_level_after(level_kg, op.net_kg_per_h, step);
    CHECK(level_kg >= 10.0 - 1e-9);
    CHECK(level_kg <= 200.0 + 1e-9);
    t += step;
  }
  CHECK(level_kg == Approx(100.0 + in_kg - out_kg).epsilon(1e-12));
}

TEST_CASE("Demand: the H2A station profile, a day sums to the daily kg", "[hydrogen]") {
  // The built-in shape is the weekly H2A profile averaged over its seven days (to 4 decimals).
  const auto rows = read_rows("h2a_station_weekly_profile.csv");
  REQUIRE(rows.size() == 168);
  double week_total = 0.0;
  std::array<double, 24> day{};
  for (const auto& row : rows) {
    const double share = std::stod(row[1]);
    day[static_cast<std::size_t>(std::stoi(row[0]) % 24)] += share;
    week_total += share;
  }
  CHECK(week_total == Approx(1.0).epsilon(1e-9));
  for (int h = 0; h < 24; ++h) {
    INFO("hour " << h);
    CHECK(zeropark::kRefuellingStationHourlyShape[static_cast<std::size_t>(h)] ==
          Approx(day[static_cast<std::size_t>(h)] / week_total).margin(1.5e-4));
  }
  zeropark::H2DemandParams demand;  // 200 kg/day
  CHECK_NOTHROW(zeropark::check_h2_demand_params(demand, {}, "h2_demand"));
  double day_kg = 0.0;
  for (int h = 0; h < 24; ++h) day_kg += zeropark::h2_demand_kg_per_h(demand, h);
  CHECK(day_kg == Approx(200.0).epsilon(1e-12));
  // Afternoon peak 7.3 % of the day (14.6 kg at 15:00), night trough 0.5 % (1 kg at 01:00).
  CHECK(zeropark::h2_demand_kg_per_h(demand, 15) == Approx(200.0 * 0.0732).epsilon(1e-3));
  CHECK(zeropark::h2_demand_kg_per_h(demand, 1) == Approx(200.0 * 0.0049).epsilon(1e-3));
  // Hours wrap; a flat shape spreads evenly.
  CHECK(zeropark::h2_demand_kg_per_h(demand, 39) == zeropark::h2_demand_kg_per_h(demand, 15));
  CHECK(zeropark::h2_demand_kg_per_h(demand, -9) == zeropark::h2_demand_kg_per_h(demand, 15));
  demand.hourly_shape.fill(3.0);
  CHECK(zeropark::h2_demand_kg_per_h(demand, 7) == Approx(200.0 / 24.0).epsilon(1e-12));
}

TEST_CASE("Parameter checks name the offending field", "[hydrogen]") {
  ElectrolyserParams e = zeropark::default_electrolyser_params();
  e.system_energy_rated_kwh_per_kg = 45.0;  // less than the stack's own 50.5 kWh/kg at 1.9 V
  try {
    zeropark::check_electrolyser_params(e, {"park.yaml", 21, 5}, "electrolysers.e1");
    FAIL("expected InputError");
  } catch (const zeropark::InputError& error) {
    CHECK(error.field() == "electrolysers.e1.system_energy_rated_kwh_per_kg");
    CHECK(std::string(error.what()).find("park.yaml:21:5") != std::string::npos);
  }
  e = zeropark::default_electrolyser_params();
  e.cell_voltage_intercept_v = 2.0;
  CHECK_THROWS_AS(zeropark::check_electrolyser_params(e, {}, "e"), zeropark::InputError);
  FuelCellParams f = zeropark::default_fuel_cell_params();
  f.cell_voltage_intercept_v = 1.5;  // >= 2 V_r: power would peak below rated current
  CHECK_THROWS_AS(zeropark::check_fuel_cell_params(f, {}, "f"), zeropark::InputError);
  f = zeropark::default_fuel_cell_params();
  f.fuel_utilisation = 0.0;
  CHECK_THROWS_AS(zeropark::check_fuel_cell_params(f, {}, "f"), zeropark::InputError);
  zeropark::H2TankParams t;
  t.min_kg = 250.0;
  try {
    zeropark::check_h2_tank_params(t, {"park.yaml", 30, 3}, "tanks.t1");
    FAIL("expected InputError");
  } catch (const zeropark::InputError& error) {
    CHECK(error.field() == "tanks.t1.min_kg");
  }
  zeropark::H2DemandParams d;
  d.hourly_shape[5] = -1.0;
  try {
    zeropark::check_h2_demand_params(d, {}, "h2_demand");
    FAIL("expected InputError");
  } catch (const zeropark::InputError& error) {
    CHECK(error.field() == "h2_demand.hourly_shape[5]");
  }
  d.hourly_shape.fill(0.0);
  CHECK_THROWS_AS(zeropark::check_h2_demand_params(d, {}, "h2_demand"), zeropark::InputError);
}

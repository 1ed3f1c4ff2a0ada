// Tests of the ISO 13790 5R1C building model.
//
// Published references:
//  1. RC_BuildingSimulator's unit tests (tests/data/building/rc_buildingsimulator_cases.csv, see
//     its PROVENANCE.md): ten one-hour steps of a 4.9 m × 7 m × 3.1 m office room, free
//     floating, heated, cooled and at the plant's limits, with and without heat recovery. They
//     pin the network equations (ISO C.1–C.11), the ideal-load procedure (C.4.2) and the caps.
//  2. ISO 13790 §12.3.1.2 Table 12: A_m and C_m of the five mass classes.
// Exact checks of our own: the steady-state load of the network, each step's energy balance,
// the mass node's time constant and its Crank–Nicolson decay factor, the independence of the
// annual demand from the time step, and the window solar gains for a beam-only sky.
#include "components/building_5r1c.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using zeropark::Building5R1C;
using zeropark::BuildingEnvelope;
using zeropark::BuildingGains;
using zeropark::BuildingStep;

constexpr double kPi = std::numbers::pi;

// The room of RC_BuildingSimulator's tests, built as that program builds it: A_t is the room's
// total internal surface (not 4.5 A_f) and H_tr,em is U·A of the opaque wall directly (no series
// correction with H_tr,ms). ventilation_efficiency is the heat recovery on the 1.5 ach of
// mechanical ventilation; the 0.5 ach of infiltration has none.
Building5R1C rc_simulator_room(double ventilation_efficiency) {
  const double width_m = 4.9, depth_m = 7.0, height_m = 3.1;
  const double window_m2 = 13.5, envelope_m2 = 15.19;
  const double floor_m2 = width_m * depth_m;
  Building5R1C b;
  b.floor_area_m2 = floor_m2;
  b.a_m_m2 = 2.5 * floor_m2;
  b.a_t_m2 = 2.0 * floor_m2 + 2.0 * width_m * height_m + 2.0 * depth_m * height_m;
  b.c_m_j_k = 165000.0 * floor_m2;
  b.h_tr_em_w_k = 0.2 * (envelope_m2 - window_m2);
  b.h_tr_w_w_k = 1.1 * window_m2;
  const double effective_ach = 0.5 + 1.5 * (1.0 - ventilation_efficiency);
  b.h_ve_w_k = 1200.0 * floor_m2 * height_m * effective_ach / 3600.0;
  b.h_tr_ms_w_k = 9.1 * b.a_m_m2;
  b.h_tr_is_w_k = 3.45 * b.a_t_m2;
  b.heating_setpoint_c = 20.0;
  b.cooling_setpoint_c = 26.0;
  b.max_heating_kw = 12.0 * floor_m2 / 1000.0;
  b.max_cooling_kw = 12.0 * floor_m2 / 1000.0;
  return b;
}

struct RcCase {
  std::string name;
  double t_out_c, t_m_prev_c, internal_w, solar_w, ventilation_efficiency, demand_w, t_m_c;
};

std::vector<RcCase> read_rc_cases() {
  const std::string path =
      std::string(ZEROPARK_TEST_DATA_DIR) + "/building/rc_buildingsimulator_cases.csv";
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<RcCase> cases;
  std::string line;
  bool header_seen = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    std::istringstream row(line);
    RcCase c;
    std::string field;
    std::getline(row, c.name, ',');
    double* targets[] = {&c.t_out_c, &c.t_m_prev_c, &c.internal_w, &c.solar_w,
                         &c.ventilation_efficiency, &c.demand_w, &c.t_m_c};
    for (double* target : targets) {
      REQUIRE(std::getline(row, field, ','));
      *target = std::stod(field);
    }
    cases.push_back(c);
  }
  return cases;
}

// Heat leaving the zone over a step, W: ventilation, windows and the opaque path from the mass.
double step_losses_w(const Building5R1C& b, const BuildingStep& s, double outdoor_c,
                     double supply_c) {
  return b.h_ve_w_k * (s.air_c - supply_c) + b.h_tr_w_w_k * (s.surface_c - outdoor_c) +
         b.h_tr_em_w_k * (s.mass_mean_c - outdoor_c);
}

// A synthetic hourly year for the default building: outdoor temperature with a seasonal swing of
// ±10 C around 16 C (coldest mid-January) and a daily one of ±4 C (warmest at 15 h); solar gains
// following the day's sine and the season; office internal gains on weekdays 8-18 h.
struct SyntheticHour {
  double outdoor_c;
  BuildingGains gains;
};

SyntheticHour synthetic_hour(int hour_of_year, double floor_area_m2) {
  const int day = hour_of_year / 24;
  const int hour = hour_of_year % 24;
  const double season = -std::cos(2.0 * kPi * (day - 15) / 365.0);  // -1 mid-January
  SyntheticHour h;
  h.outdoor_c = 16.0 + 10.0 * season + 4.0 * std::sin(2.0 * kPi * (hour - 9) / 24.0);
  const double sun = std::max(0.0, std::sin(kPi * (hour + 0.5 - 6.0) / 12.0));
  h.gains.solar_w = 12000.0 * sun * (0.8 + 0.2 * season);
  const bool office_hours = day % 7 < 5 && hour >= 8 && hour < 18;
  h.gains.internal_w = (office_hours ? 10.0 : 2.0) * floor_area_m2;
  return h;
}

struct AnnualDemand {
  double heating_kwh = 0.0;
  double cooling_kwh = 0.0;
  double final_mass_c = 0.0;
};

// The synthetic year at `dt_s` (dividing 3600), inputs held over each hour, after a one-year
// warm-up so that the start does not matter.
AnnualDemand run_synthetic_year(const Building5R1C& b, int dt_s) {
  const int steps_per_hour = 3600 / dt_s;
  double mass_c = 20.0;
  AnnualDemand demand;
  for (int pass = 0; pass < 2; ++pass) {
    demand = AnnualDemand{};
    for (int hour = 0; hour < 8760; ++hour) {
      const SyntheticHour h = synthetic_hour(hour, b.floor_area_m2);
      for (int k = 0; k < steps_per_hour; ++k) {
        const BuildingStep s =
            zeropark::building_ideal_loads(b, mass_c, h.outdoor_c, h.outdoor_c, h.gains, dt_s);
        demand.heating_kwh += s.heating_kw * dt_s / 3600.0;
        demand.cooling_kwh += s.cooling_kw * dt_s / 3600.0;
        mass_c = s.mass_end_c;
      }
    }
  }
  demand.final_mass_c = mass_c;
  return demand;
}

}  // namespace

TEST_CASE("RC_BuildingSimulator's one-hour cases are reproduced", "[building]") {
  const std::vector<RcCase> cases = read_rc_cases();
  REQUIRE(cases.size() == 10);
  double max_demand_error_w = 0.0, max_mass_error_c = 0.0;
  for (const RcCase& c : cases) {
    const Building5R1C b = rc_simulator_room(c.ventilation_efficiency);
    // The room has a mechanical supply of outdoor air: θ_sup = θ_e.
    const BuildingStep s = zeropark::building_ideal_loads(
        b, c.t_m_prev_c, c.t_out_c, c.t_out_c, {c.internal_w, c.solar_w}, 3600.0);
    const double demand_w = 1000.0 * (s.heating_kw - s.cooling_kw);
    INFO(c.name << ": demand " << demand_w << " W (expected " << c.demand_w << "), mean mass "
                << s.mass_mean_c << " C (expected " << c.t_m_c << ")");
    // The reference rounds to 0.01: half a unit of the last digit, plus rounding noise.
    CHECK(demand_w == Approx(c.demand_w).margin(0.005 + 1e-9));
    CHECK(s.mass_mean_c == Approx(c.t_m_c).margin(0.005 + 1e-9));
    CHECK(s.heating_kw * s.cooling_kw == 0.0);
    max_demand_error_w = std::max(max_demand_error_w, std::fabs(demand_w - c.demand_w));
    max_mass_error_c = std::max(max_mass_error_c, std::fabs(s.mass_mean_c - c.t_m_c));
  }
  std::printf("RC_BuildingSimulator cases: max |demand error| %.4f W, max |mean mass error| "
              "%.4f C (reference rounded to 0.01)\n", max_demand_error_w, max_mass_error_c);
}

TEST_CASE("Mass classes follow ISO 13790 Table 12", "[building]") {
  using zeropark::BuildingMassClass;
  const struct {
    BuildingMassClass mass_class;
    double a_m_factor, c_m_j_k_m2;
  } table[] = {{BuildingMassClass::kVeryLight, 2.5, 80000.0},
               {BuildingMassClass::kLight, 2.5, 110000.0},
               {BuildingMassClass::kMedium, 2.5, 165000.0},
               {BuildingMassClass::kHeavy, 3.0, 260000.0},
               {BuildingMassClass::kVeryHeavy, 3.5, 370000.0}};
  for (const auto& row : table) {
    const zeropark::MassClassValues values = zeropark::mass_class_values(row.mass_class);
    CHECK(values.a_m_m2_per_floor_m2 == row.a_m_factor);
    CHECK(values.c_m_j_k_per_floor_m2 == row.c_m_j_k_m2);
    BuildingEnvelope envelope;
    envelope.mass_class = row.mass_class;
    const Building5R1C b = zeropark::building_from_envelope(envelope);
    CHECK(b.c_m_j_k == Approx(row.c_m_j_k_m2 * 1000.0).epsilon(1e-15));
    CHECK(b.h_tr_ms_w_k == Approx(9.1 * row.a_m_factor * 1000.0).epsilon(1e-15));
  }
}

TEST_CASE("Envelope to coefficients, worked by hand", "[building]") {
  BuildingEnvelope e;
  e.floor_area_m2 = 200.0;
  e.ceiling_height_m = 2.5;
  e.north = {0.0, 90.0, 50.0, 0.5, 10.0, 2.0, 0.5, 0.3, 1.0};
  e.east = {90.0, 90.0, 30.0, 0.5, 0.0, 2.0, 0.5, 0.3, 1.0};
  e.south = {180.0, 90.0, 40.0, 0.5, 20.0, 1.5, 0.6, 0.2, 0.8};
  e.west = {270.0, 90.0, 30.0, 0.5, 0.0, 2.0, 0.5, 0.3, 1.0};
  e.roof = {180.0, 0.0, 100.0, 0.25, 0.0, 2.0, 0.5, 0.3, 1.0};
  e.ground_floor_area_m2 = 100.0;
  e.ground_floor_u_w_m2k = 0.35;
  e.infiltration_ach = 0.4;
  e.mechanical_ventilation_ach = 1.0;
  e.heat_recovery_efficiency = 0.75;
  e.internal_gains_w_m2 = 6.0;
  e.mass_class = zeropark::BuildingMassClass::kHeavy;
  e.max_heating_kw = 30.0;
  e.max_cooling_kw = 25.0;
  const Building5R1C b = zeropark::building_from_envelope(e);
  // A_t = 4.5 × 200 = 900; A_m = 3 × 200 = 600; C_m = 260 000 × 200.
  CHECK(b.a_t_m2 == Approx(900.0));
  CHECK(b.a_m_m2 == Approx(600.0));
  CHECK(b.c_m_j_k == Approx(52.0e6));
  CHECK(b.h_tr_is_w_k == Approx(3.45 * 900.0));   // 3105
  CHECK(b.h_tr_ms_w_k == Approx(9.1 * 600.0));    // 5460
  // Windows: 10 × 2.0 + 20 × 1.5 = 50 W/K.
  CHECK(b.h_tr_w_w_k == Approx(50.0));
  // Opaque: 0.5 × 150 + 0.25 × 100 + 0.35 × 100 = 135 W/K; H_em = 1/(1/135 − 1/5460).
  const double h_op = 135.0;
  CHECK(b.h_tr_em_w_k == Approx(1.0 / (1.0 / h_op - 1.0 / 5460.0)).epsilon(1e-12));
  CHECK(zeropark::building_h_tr_op_w_k(b) == Approx(h_op).epsilon(1e-12));
  // Air: 500 m³ × (0.4 + 1.0 × 0.25) ach × 1200 J/m³K / 3600 s = 108.33 W/K.
  CHECK(b.h_ve_w_k == Approx(500.0 * 0.65 * 1200.0 / 3600.0).epsilon(1e-12));
  CHECK(zeropark::building_internal_gains_w(b) == Approx(1200.0));
  CHECK(b.max_heating_kw == 30.0);
  CHECK(b.max_cooling_kw == 25.0);
}

TEST_CASE("Steady state: the network's conductance, not the sum of the U·A", "[building]") {
  // With constant weather and no gains the mass settles and the ideal heating equals
  // (H_ve + H_is ∥ (H_tr,w + H_tr,op)) ΔT: the air node reaches the envelope through H_tr,is.
  // Only with H_tr,is → ∞ is it the textbook (H_ve + H_tr,w + H_tr,op) ΔT.
  const BuildingEnvelope envelope;
  for (const double h_is_scale : {1.0, 1e9}) {
    Building5R1C b = zeropark::building_from_envelope(envelope);
    b.h_tr_is_w_k *= h_is_scale;
    const double outdoor_c = -5.0, delta_c = b.heating_setpoint_c - outdoor_c;
    const double h_op = zeropark::building_h_tr_op_w_k(b);
    const double fabric_w_k = b.h_tr_w_w_k + h_op;
    const double network_w_k = b.h_ve_w_k + fabric_w_k * b.h_tr_is_w_k /
                                                (fabric_w_k + b.h_tr_is_w_k);
    const double textbook_w_k = b.h_ve_w_k + fabric_w_k;
    double mass_c = 20.0;
    BuildingStep s;
    for (int hour = 0; hour < 24 * 200; ++hour) {
      s = zeropark::building_ideal_loads(b, mass_c, outdoor_c, outdoor_c, {}, 3600.0);
      mass_c = s.mass_end_c;
    }
    std::printf("steady state (H_is x %g): heating %.6f kW; network %.6f kW; "
                "(H_ve + H_w + H_op) dT %.6f kW (%+.2f %%)\n",
                h_is_scale, s.heating_kw, network_w_k * delta_c / 1000.0,
                textbook_w_k * delta_c / 1000.0,
                100.0 * (textbook_w_k / network_w_k - 1.0));
    CHECK(s.heating_kw == Approx(network_w_k * delta_c / 1000.0).epsilon(1e-9));
    CHECK(s.air_c == Approx(b.heating_setpoint_c).epsilon(1e-12));
    CHECK(s.mass_end_c == Approx(s.mass_mean_c).epsilon(1e-12));
    if (h_is_scale > 1.0) {
      CHECK(s.heating_kw == Approx(textbook_w_k * delta_c / 1000.0).epsilon(1e-6));
    }
  }
  // And in summer: the cooling load of a hot, gain-free day.
  const Building5R1C b = zeropark::building_from_envelope(envelope);
  const double fabric_w_k = b.h_tr_w_w_k + zeropark::building_h_tr_op_w_k(b);
  const double network_w_k =
      b.h_ve_w_k + fabric_w_k * b.h_tr_is_w_k / (fabric_w_k + b.h_tr_is_w_k);
  double mass_c = 26.0;
  BuildingStep s;
  for (int hour = 0; hour < 24 * 200; ++hour) {
    s = zeropark::building_ideal_loads(b, mass_c, 35.0, 35.0, {}, 900.0);
    mass_c = s.mass_end_c;
  }
  CHECK(s.cooling_kw == Approx(network_w_k * 9.0 / 1000.0).epsilon(1e-9));
  CHECK(s.heating_kw == 0.0);
}

TEST_CASE("Each step conserves energy", "[building]") {
  // Gains into the nodes + heating − cooling − losses = C_m (θ_m,end − θ_m,start) / Δt, for
  // floating, heated, cooled and capped steps, at 1 s to 1 h.
  BuildingEnvelope envelope;
  envelope.max_heating_kw = 40.0;
  envelope.max_cooling_kw = 30.0;
  envelope.heat_recovery_efficiency = 0.7;
  const Building5R1C b = zeropark::building_from_envelope(envelope);
  int checked = 0;
  for (const double dt_s : {1.0, 60.0, 900.0, 3600.0}) {
    for (const double outdoor_c : {-10.0, 5.0, 22.0, 36.0}) {
      for (const double mass_start_c : {15.0, 22.0, 29.0}) {
        for (const double solar_w : {0.0, 25000.0}) {
          const BuildingGains gains{8000.0, solar_w};
          const double supply_c = outdoor_c + 1.5;  // e.g. a warmer intake
          const BuildingStep s = zeropark::building_ideal_loads(b, mass_start_c, outdoor_c,
                                                                supply_c, gains, dt_s);
          const zeropark::BuildingNodeGains node = zeropark::building_node_gains(b, gains);
          const double in_w = node.air_w + node.surface_w + node.mass_w +
                              1000.0 * (s.heating_kw - s.cooling_kw);
          const double out_w = step_losses_w(b, s, outdoor_c, supply_c);
          const double stored_w = b.c_m_j_k * (s.mass_end_c - mass_start_c) / dt_s;
          const double scale_w = std::fabs(in_w) + std::fabs(out_w) + std::fabs(stored_w);
          INFO("dt " << dt_s << " outdoor " << outdoor_c << " mass " << mass_start_c
                     << " solar " << solar_w);
          CHECK(std::fabs(in_w - out_w - stored_w) <= 1e-9 * scale_w);
          CHECK(s.heating_kw <= 40.0);
          CHECK(s.cooling_kw <= 30.0);
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 96);
  // ISO's split sends H_tr,w/(9.1 A_t) of the radiant gains out through the windows.
  const BuildingGains gains{8000.0, 25000.0};
  const zeropark::BuildingNodeGains node = zeropark::building_node_gains(b, gains);
  const double radiant_w = 0.5 * 8000.0 + 25000.0;
  CHECK(node.air_w == 4000.0);
  CHECK(node.mass_w == Approx(radiant_w * 2.5 / 4.5));
  CHECK(8000.0 + 25000.0 - (node.air_w + node.surface_w + node.mass_w) ==
        Approx(radiant_w * b.h_tr_w_w_k / (9.1 * b.a_t_m2)).epsilon(1e-12));
}

TEST_CASE("Free-floating mass decays with its time constant", "[building]") {
  // No gains, no plant, θ_sup = θ_e: θ_m − θ_e decays as exp(−t/τ), τ = C_m/(H_tr,3 + H_tr,em);
  // each step multiplies it by the Crank–Nicolson factor (1 − Δt/2τ)/(1 + Δt/2τ).
  const Building5R1C b = zeropark::building_from_envelope(BuildingEnvelope{});
  const double tau_s = zeropark::building_mass_time_constant_s(b);
  const double outdoor_c = 5.0, start_c = 25.0;
  std::printf("default building: tau %.0f s (%.1f h)\n", tau_s, tau_s / 3600.0);
  CHECK(tau_s > 10.0 * 3600.0);  // a medium-mass office: tens of hours
  {
    const double x = 3600.0 / tau_s;
    const BuildingStep s =
        zeropark::building_with_power(b, start_c, outdoor_c, outdoor_c, {}, 0.0, 3600.0);
    CHECK((s.mass_end_c - outdoor_c) / (start_c - outdoor_c) ==
          Approx((1.0 - x / 2.0) / (1.0 + x / 2.0)).epsilon(1e-12));
  }
  const int dt_s = 60;
  const int steps = static_cast<int>(std::lround(tau_s / dt_s));
  double mass_c = start_c;
  for (int k = 0; k < steps; ++k) {
    mass_c = zeropark::building_with_power(b, mass_c, outdoor_c, outdoor_c, {}, 0.0, dt_s)
                 .mass_end_c;
  }
  const double t_s = static_cast<double>(steps) * dt_s;
  CHECK((mass_c - outdoor_c) / (start_c - outdoor_c) ==
        Approx(std::exp(-t_s / tau_s)).epsilon(1e-7));

  // The lightest class with a leaky opaque envelope still has 2τ above an hour: no overshoot.
  BuildingEnvelope light;
  light.mass_class = zeropark::BuildingMassClass::kVeryLight;
  light.north.opaque_u_w_m2k = light.east.opaque_u_w_m2k = light.south.opaque_u_w_m2k =
      light.west.opaque_u_w_m2k = 2.0;
  light.roof.opaque_u_w_m2k = 2.0;
  const double light_tau_s =
      zeropark::building_mass_time_constant_s(zeropark::building_from_envelope(light));
  std::printf("very light, U 2.0 opaque: tau %.0f s\n", light_tau_s);
  CHECK(2.0 * light_tau_s > 3600.0);
}

TEST_CASE("A huge step stays bounded and lands at the steady state", "[building]") {
  // |r| < 1 for any Δt, and for a constant input the fixed point is the exact steady state:
  // with Δt → ∞ one step gives the mean of start and equilibrium as θ_m (r → −1).
  const Building5R1C b = zeropark::building_from_envelope(BuildingEnvelope{});
  const BuildingGains gains{10000.0, 5000.0};
  double mass_c = 20.0;
  for (int k = 0; k < 2000; ++k) {
    mass_c = zeropark::building_with_power(b, mass_c, 0.0, 0.0, gains, 0.0, 3600.0).mass_end_c;
  }
  const double equilibrium_c = mass_c;
  const BuildingStep huge =
      zeropark::building_with_power(b, 30.0, 0.0, 0.0, gains, 0.0, 1e12);
  CHECK(std::isfinite(huge.mass_end_c));
  CHECK(std::fabs(huge.mass_end_c - equilibrium_c) <= std::fabs(30.0 - equilibrium_c));
  CHECK(huge.mass_mean_c == Approx(equilibrium_c).epsilon(1e-6));
}

TEST_CASE("Annual demand hardly depends on the time step", "[building]") {
  // The same synthetic year at 3600, 600 and 60 s, for the default (medium) building and a very
  // light one, whose shorter time constant is the harder case for the hourly step.
  for (const auto mass_class :
       {zeropark::BuildingMassClass::kMedium, zeropark::BuildingMassClass::kVeryLight}) {
    BuildingEnvelope envelope;
    envelope.mass_class = mass_class;
    const Building5R1C b = zeropark::building_from_envelope(envelope);
    const AnnualDemand hourly = run_synthetic_year(b, 3600);
    const AnnualDemand ten_min = run_synthetic_year(b, 600);
    const AnnualDemand minute = run_synthetic_year(b, 60);
    const auto relative = [](double a, double ref) { return a / ref - 1.0; };
    std::printf("synthetic year, C_m %.0f J/K: heating %.1f / %.1f / %.1f kWh, cooling %.1f / "
                "%.1f / %.1f kWh at 3600 / 600 / 60 s; 600 vs 3600: heating %+.4f %%, cooling "
                "%+.4f %%; 60 vs 600: heating %+.5f %%, cooling %+.5f %%\n",
                b.c_m_j_k, hourly.heating_kwh, ten_min.heating_kwh, minute.heating_kwh,
                hourly.cooling_kwh, ten_min.cooling_kwh, minute.cooling_kwh,
                100.0 * relative(ten_min.heating_kwh, hourly.heating_kwh),
                100.0 * relative(ten_min.cooling_kwh, hourly.cooling_kwh),
                100.0 * relative(minute.heating_kwh, ten_min.heating_kwh),
                100.0 * relative(minute.cooling_kwh, ten_min.cooling_kwh));
    // Both loads matter in this year (neither is a rounding residue).
    CHECK(hourly.heating_kwh > 10000.0);
    CHECK(hourly.cooling_kwh > 10000.0);
    // Measured (600 vs 3600 s): medium +0.004 % heating, +0.016 % cooling; very light +0.003 %,
    // +0.020 %; from 600 to 60 s below 0.001 %. A step that mis-scaled C_m/Δt would move these
    // by tens of %.
    CHECK(std::fabs(relative(ten_min.heating_kwh, hourly.heating_kwh)) < 0.001);
    CHECK(std::fabs(relative(ten_min.cooling_kwh, hourly.cooling_kwh)) < 0.001);
    CHECK(std::fabs(relative(minute.heating_kwh, ten_min.heating_kwh)) < 1e-4);
    CHECK(std::fabs(relative(minute.cooling_kwh, ten_min.cooling_kwh)) < 1e-4);
  }
}

TEST_CASE("A plant short of the ideal load lets the air float", "[building]") {
  const Building5R1C b = zeropark::building_from_envelope(BuildingEnvelope{});
  const BuildingGains gains{2000.0, 0.0};
  const BuildingStep ideal = zeropark::building_ideal_loads(b, 17.0, -3.0, -3.0, gains, 900.0);
  REQUIRE(ideal.heating_kw > 0.0);
  CHECK(ideal.air_c == Approx(20.0).epsilon(1e-12));
  // The same power given explicitly is the same step.
  const BuildingStep same =
      zeropark::building_with_power(b, 17.0, -3.0, -3.0, gains, ideal.heating_kw, 900.0);
  CHECK(same.air_c == Approx(ideal.air_c).epsilon(1e-14));
  CHECK(same.mass_end_c == Approx(ideal.mass_end_c).epsilon(1e-14));
  // Half of it: the air sits between the free-floating temperature and the set-point.
  const BuildingStep half =
      zeropark::building_with_power(b, 17.0, -3.0, -3.0, gains, 0.5 * ideal.heating_kw, 900.0);
  const BuildingStep none = zeropark::building_with_power(b, 17.0, -3.0, -3.0, gains, 0.0, 900.0);
  CHECK(none.air_c < half.air_c);
  CHECK(half.air_c < ideal.air_c);
  // Air temperature is affine in the power: half the power, half the rise.
  CHECK(half.air_c - none.air_c == Approx(0.5 * (ideal.air_c - none.air_c)).epsilon(1e-10));
  CHECK(half.heating_kw == Approx(0.5 * ideal.heating_kw));
  CHECK(half.cooling_kw == 0.0);
  // Cooling power is negative input.
  const BuildingStep cooled =
      zeropark::building_with_power(b, 27.0, 33.0, 33.0, gains, -5.0, 900.0);
  CHECK(cooled.cooling_kw == 5.0);
  CHECK(cooled.heating_kw == 0.0);
  // A capped plant: the ideal load is its maximum and the air stays below the set-point.
  Building5R1C small = b;
  small.max_heating_kw = 0.25 * ideal.heating_kw;
  const BuildingStep capped =
      zeropark::building_ideal_loads(small, 17.0, -3.0, -3.0, gains, 900.0);
  CHECK(capped.heating_kw == Approx(small.max_heating_kw).epsilon(1e-15));
  CHECK(capped.air_c < 20.0);
  // Inside the dead band nothing is delivered.
  const BuildingStep idle = zeropark::building_ideal_loads(b, 23.0, 22.0, 22.0, gains, 900.0);
  CHECK(idle.heating_kw == 0.0);
  CHECK(idle.cooling_kw == 0.0);
  CHECK(idle.air_c > 20.0);
  CHECK(idle.air_c < 26.0);
}

TEST_CASE("An unventilated zone is allowed", "[building]") {
  BuildingEnvelope envelope;
  envelope.infiltration_ach = 0.0;
  envelope.mechanical_ventilation_ach = 0.0;
  const Building5R1C b = zeropark::building_from_envelope(envelope);
  REQUIRE(b.h_ve_w_k == 0.0);
  const BuildingStep s = zeropark::building_ideal_loads(b, 18.0, 0.0, 0.0, {1000.0, 0.0}, 600.0);
  CHECK(std::isfinite(s.air_c));
  CHECK(s.air_c == Approx(20.0).epsilon(1e-12));
  CHECK(s.heating_kw > 0.0);
}

TEST_CASE("Window solar gains on a beam-only sky", "[building]") {
  // Sun due south at 40 deg elevation, DNI 800 W/m2, no diffuse, no ground reflection: the south
  // facade gets DNI cos(40), the roof DNI sin(40), east, west and north no beam at all.
  BuildingEnvelope e;
  e.north = {0.0, 90.0, 0.0, 0.3, 10.0, 1.4, 0.6, 0.3, 1.0};
  e.east = {90.0, 90.0, 0.0, 0.3, 10.0, 1.4, 0.6, 0.3, 1.0};
  e.south = {180.0, 90.0, 0.0, 0.3, 20.0, 1.4, 0.5, 0.25, 0.8};
  e.west = {270.0, 90.0, 0.0, 0.3, 10.0, 1.4, 0.6, 0.3, 1.0};
  e.roof = {180.0, 0.0, 0.0, 0.3, 5.0, 1.4, 0.4, 0.2, 1.0};
  zeropark::SolarPosition sun;
  sun.zenith_deg = 50.0;
  sun.apparent_elevation_deg = 40.0;
  sun.azimuth_deg = 180.0;
  const double dni = 800.0;
  const double rad = kPi / 180.0;
  const zeropark::HorizontalIrradiance sky{dni * std::sin(40.0 * rad), dni, 0.0};
  const double expected_w = 20.0 * 0.75 * 0.9 * 0.5 * 0.8 * dni * std::cos(40.0 * rad) +
                            5.0 * 0.8 * 0.9 * 0.4 * dni * std::sin(40.0 * rad);
  CHECK(zeropark::window_solar_gains_w(e, sun, sky, 0.0) == Approx(expected_w).epsilon(1e-9));
  CHECK(zeropark::window_solar_gains_w(e, sun, sky, 0.0, zeropark::SkyDiffuseModel::kIsotropic) ==
        Approx(expected_w).epsilon(1e-9));
  // Ground reflection with albedo 0.2 adds GHI × 0.2 × (1 − cos tilt)/2 on each facade.
  const double ground_w_m2 = sky.ghi_w_m2 * 0.2 * 0.5;
  const double facade_factor_m2 =
      10.0 * 0.7 * 0.9 * 0.6 * 3.0 + 20.0 * 0.75 * 0.9 * 0.5 * 0.8;  // N, E, W + S
  CHECK(zeropark::window_solar_gains_w(e, sun, sky, 0.2) ==
        Approx(expected_w + facade_factor_m2 * ground_w_m2).epsilon(1e-9));
  // Night: nothing.
  zeropark::SolarPosition night;
  night.zenith_deg = 100.0;
  night.apparent_elevation_deg = -10.0;
  CHECK(zeropark::window_solar_gains_w(e, night, {0.0, 0.0, 0.0}, 0.2) == 0.0);
  // One surface directly: A (1 − F_F) F_w g F_sh I.
  CHECK(zeropark::surface_window_solar_gains_w(e.south, 0.9, 500.0) ==
        Approx(20.0 * 0.75 * 0.9 * 0.5 * 0.8 * 500.0));
  CHECK(zeropark::surface_window_solar_gains_w(e.south, 0.9, -3.0) == 0.0);
}

TEST_CASE("Envelope problems name their field", "[building]") {
  {
    BuildingEnvelope e;
    e.south.window_g = 1.3;
    const auto problem = zeropark::check_envelope(e);
    REQUIRE(problem.has_value());
    CHECK(problem->field == "south.window_g");
    CHECK_THROWS_AS(zeropark::building_from_envelope(e), std::invalid_argument);
  }
  {
    BuildingEnvelope e;
    e.floor_area_m2 = 0.0;
    REQUIRE(zeropark::check_envelope(e).has_value());
    CHECK(zeropark::check_envelope(e)->field == "floor_area_m2");
  }
  {
    BuildingEnvelope e;
    e.heating_setpoint_c = 24.0;
    e.cooling_setpoint_c = 22.0;
    REQUIRE(zeropark::check_envelope(e).has_value());
    CHECK(zeropark::check_envelope(e)->field == "cooling_setpoint_c");
  }
  {
    BuildingEnvelope e;
    e.roof.opaque_u_w_m2k = std::numeric_limits<double>::quiet_NaN();
    REQUIRE(zeropark::check_envelope(e).has_value());
    CHECK(zeropark::check_envelope(e)->field == "roof.opaque_u_w_m2k");
  }
  {
    BuildingEnvelope e;
    e.max_cooling_kw = -1.0;
    REQUIRE(zeropark::check_envelope(e).has_value());
    CHECK(zeropark::check_envelope(e)->field == "max_cooling_kw");
  }
  {
    // A tent of 1 m² floor with 100 m² of bare walls: H_tr,op beyond H_tr,ms.
    BuildingEnvelope e;
    e.floor_area_m2 = 1.0;
    e.north.opaque_area_m2 = 100.0;
    e.north.opaque_u_w_m2k = 5.0;
    REQUIRE(zeropark::check_envelope(e).has_value());
    CHECK(zeropark::check_envelope(e)->field == "opaque_u_w_m2k");
  }
  CHECK_FALSE(zeropark::check_envelope(BuildingEnvelope{}).has_value());
}

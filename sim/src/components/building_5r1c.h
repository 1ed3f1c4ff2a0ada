// A heated and cooled building as one thermal zone: the simple hourly method of EN ISO
// 13790:2008, Annex C (the "5R1C" network), generalised from hourly to any time step.
//
// What it represents: one capacitance, the building's internal mass at θ_m, and three nodes
// without mass in between. These are the indoor air θ_air, a mixed "central" node θ_s (the
// interior surfaces and the radiant part of the air), and θ_m. Five conductances join them to
// the outdoor air θ_e and to the supply air θ_sup:
//   θ_sup —H_ve— θ_air —H_tr,is— θ_s —H_tr,ms— θ_m —H_tr,em— θ_e,   θ_s —H_tr,w— θ_e.
// Heating and cooling enter the air node (ISO C.4, an ideal convective emitter).
//
// Ignores: latent loads and humidity; solar gains on opaque elements and long-wave radiation to
// the sky (ISO 13790 §11.3); heat flow to the ground by ISO 13370 (give the floor an equivalent
// U-value if it matters); thermal bridges (add them to the U-values); shading by obstacles and
// overhangs beyond a constant shading factor per facade; the emitter's own dynamics and control
// deadband; adjacent unconditioned spaces.
//
// Equations (ISO 13790:2008 Annex C; Φ in W, H in W/K, C_m in J/K, Δt in s):
//   A_t = 4.5 A_f,  H_tr,is = h_is A_t (h_is = 3.45 W/m²K),  H_tr,ms = h_ms A_m (h_ms = 9.1),
//   A_m and C_m per m² of floor from the mass class (ISO 13790 §12.3.1.2, Table 12),
//   H_ve = ρ_a c_a V (n_inf + n_mech (1 − η_hr)) / 3600,  ρ_a c_a = 1200 J/m³K (ventilation, §9),
//   H_tr,w = Σ U_w A_w,  H_tr,op = Σ U A (walls, roof, floor),
//   1/H_tr,em = 1/H_tr,op − 1/H_tr,ms  (so that H_tr,em and H_tr,ms in series make H_tr,op).
//   Gains (C.1–C.3):  Φ_ia = 0.5 Φ_int,  Φ_m = (A_m/A_t)(0.5 Φ_int + Φ_sol),
//     Φ_st = (1 − A_m/A_t − H_tr,w/(9.1 A_t))(0.5 Φ_int + Φ_sol).
//     The last term sends the share H_tr,w/(9.1 A_t) of the radiant gains straight back out
//     through the windows: the three node gains add up to slightly less than Φ_int + Φ_sol.
//   H_tr,1 = 1/(1/H_ve + 1/H_tr,is),  H_tr,2 = H_tr,1 + H_tr,w,  H_tr,3 = 1/(1/H_tr,2 + 1/H_tr,ms)
//   Φ_mtot = Φ_m + H_tr,em θ_e + H_tr,3 [Φ_st + H_tr,w θ_e + H_tr,1 (Φ_ia'/H_ve + θ_sup)]/H_tr,2
//            with Φ_ia' = Φ_ia + Φ_HC                                            (C.5)
//   θ_m,t = [θ_m,t−1 (C_m/Δt − (H_tr,3 + H_tr,em)/2) + Φ_mtot]
//           / (C_m/Δt + (H_tr,3 + H_tr,em)/2)                                    (C.4, Δt = 3600)
//   θ_m = (θ_m,t + θ_m,t−1)/2                                                    (C.9)
//   θ_s = [H_tr,ms θ_m + Φ_st + H_tr,w θ_e + H_tr,1 (θ_sup + Φ_ia'/H_ve)]
//         / (H_tr,ms + H_tr,w + H_tr,1)                                          (C.10)
//   θ_air = (H_tr,is θ_s + H_ve θ_sup + Φ_ia') / (H_tr,is + H_ve)                (C.11)
//   θ_op = 0.3 θ_air + 0.7 θ_s                                                   (C.12)
//   H_tr,1 Φ_ia'/H_ve is evaluated as Φ_ia' H_tr,is/(H_tr,is + H_ve), its limit for H_ve → 0,
//   so that an unventilated zone is allowed.
//   In steady state (constant weather, no gains, θ_sup = θ_e) the load that holds θ_air is
//   (H_ve + H_tr,is ∥ (H_tr,w + H_tr,op)) Δθ, where ∥ is the series combination: 2 % below
//   (H_ve + H_tr,w + H_tr,op) Δθ for the default envelope, because the air reaches the envelope
//   through H_tr,is.
// Ideal loads (C.4.2): θ_air,0 with Φ_HC = 0; if below the heating or above the cooling
// set-point, θ_air,10 with Φ_HC,10 = 10 W/m² × A_f, then Φ_HC,un = Φ_HC,10 (θ_set − θ_air,0) /
// (θ_air,10 − θ_air,0), capped at the plant's maximum heating or cooling power. θ_air is affine
// in Φ_HC, so the interpolation is exact, not an approximation.
//
// Time step. The mass equation is the ODE C_m dθ_m/dt = Φ_mtot − (H_tr,3 + H_tr,em) θ_m (the other
// nodes are algebraic), and C.4 is its Crank–Nicolson (trapezoidal) step with Δt = 3600 s; here
// Δt is the caller's. The step multiplies the distance to equilibrium by
//   r = (1 − Δt/2τ)/(1 + Δt/2τ),  τ = C_m/(H_tr,3 + H_tr,em),
// and |r| < 1 for every Δt > 0 (A-stable), so no step size makes the mass temperature grow
// without bound. r > 0, i.e. no overshoot or sign-alternating error, needs Δt < 2τ. Since
// H_tr,3 < H_tr,ms = 9.1 A_m, τ exceeds C_m/(9.1 A_m + H_tr,em): for the lightest class
// (80 kJ/m²K, A_m = 2.5 A_f) that is 3,500 s before the opaque envelope is counted, and 2τ stays
// above 3,600 s unless H_tr,em exceeds about 21 W/K per m² of floor (a greenhouse, not a
// building). The scheme is second-order accurate and, for a constant input, its fixed point is the
// exact steady state for any Δt; building_mass_time_constant_s() gives τ.
//
// Reference: EN ISO 13790:2008, "Energy performance of buildings — Calculation of energy use
// for space heating and cooling", Annex C (the network and its hourly solution), §9
// (ventilation), §11 (solar gains) and §12.3.1 (internal heat capacity).
// Validated against the unit-test values of RC_BuildingSimulator (Jayathissa et al., ETH Zurich
// Architecture and Building Systems; see tests/data/building/PROVENANCE.md).
//
// Sign conventions: heating_kw and cooling_kw are thermal powers delivered to (heating) or removed
// from (cooling) the zone air, both ≥ 0; the electric draw is the plant's business.
#pragma once

#include <limits>
#include <optional>
#include <string>

#include "weather/irradiance.h"
#include "weather/solar_position.h"

namespace zeropark {

// ISO 13790 §12.3.1.2 Table 12: how heavy the building's internal mass is.
enum class BuildingMassClass { kVeryLight, kLight, kMedium, kHeavy, kVeryHeavy };

// The effective mass area and internal heat capacity of a mass class, per m² of floor.
struct MassClassValues {
  double a_m_m2_per_floor_m2 = 2.5;         // A_m / A_f
  double c_m_j_k_per_floor_m2 = 165000.0;   // C_m / A_f
};

// Table 12 of ISO 13790: very light 2.5 / 80 000, light 2.5 / 110 000, medium 2.5 / 165 000,
// heavy 3.0 / 260 000, very heavy 3.5 / 370 000.
MassClassValues mass_class_values(BuildingMassClass mass_class);

// Constants of ISO 13790's simple hourly method.
inline constexpr double kBuilding5r1cAtPerAf = 4.5;          // Λ_at = A_t / A_f
inline constexpr double kBuilding5r1cHisWM2K = 3.45;         // h_is, air to surface node
inline constexpr double kBuilding5r1cHmsWM2K = 9.1;          // h_ms, surface node to mass
inline constexpr double kAirHeatCapacityJM3K = 1200.0;       // ρ_a c_a (§9)
inline constexpr double kBuilding5r1cTrialPowerWM2 = 10.0;   // Φ_HC,nd10 / A_f (C.4.2)

// One face of the envelope: the opaque part and the windows in it.
struct EnvelopeSurface {
  double azimuth_deg = 180.0;       // the direction it faces, clockwise from north
  double tilt_deg = 90.0;           // from horizontal: 90 facade, 0 flat roof
  double opaque_area_m2 = 0.0;      // net of the windows
  double opaque_u_w_m2k = 0.3;
  double window_area_m2 = 0.0;      // overall projected area, frame included
  double window_u_w_m2k = 1.4;
  double window_g = 0.6;            // total solar energy transmittance at normal incidence, g_gl,n
  double window_frame_fraction = 0.3;   // F_F: frame share of the window area (a typical value)
  double window_shading_factor = 1.0;   // F_sh: 1 = unshaded, constant over the year
};

// What a building is, in the terms a scenario gives. Start from the defaults and set what
// differs. The defaults describe a 1,000 m² two-storey office block (25 m × 20 m, 8 m high) of
// medium mass, with moderately insulated walls, 30 % double low-e glazing on each facade and the
// ground floor left out.
struct BuildingEnvelope {
  double floor_area_m2 = 1000.0;        // conditioned floor area A_f (all storeys)
  double ceiling_height_m = 3.0;        // air volume = A_f × ceiling height
  EnvelopeSurface north{0.0, 90.0, 140.0, 0.4, 60.0, 1.8, 0.6, 0.3, 1.0};
  EnvelopeSurface east{90.0, 90.0, 112.0, 0.4, 48.0, 1.8, 0.6, 0.3, 1.0};
  EnvelopeSurface south{180.0, 90.0, 140.0, 0.4, 60.0, 1.8, 0.6, 0.3, 1.0};
  EnvelopeSurface west{270.0, 90.0, 112.0, 0.4, 48.0, 1.8, 0.6, 0.3, 1.0};
  EnvelopeSurface roof{180.0, 0.0, 500.0, 0.3, 0.0, 1.8, 0.6, 0.3, 1.0};
  double ground_floor_area_m2 = 0.0;    // counted against outdoor air: give an equivalent U
  double ground_floor_u_w_m2k = 0.3;
  double infiltration_ach = 0.3;         // air changes per hour, no heat recovery
  double mechanical_ventilation_ach = 0.7;   // through the air handler
  double heat_recovery_efficiency = 0.0;     // η_hr of the air handler, 0..1
  // ISO 13790 §11.4.2: time-averaged ratio of g to its normal-incidence value, 0.9 for
  // non-scattering glazing.
  double glazing_incidence_factor = 0.9;
  double internal_gains_w_m2 = 10.0;     // people, lighting, equipment, as a nominal level
  double heating_setpoint_c = 20.0;
  double cooling_setpoint_c = 26.0;
  double max_heating_kw = std::numeric_limits<double>::infinity();  // plant limits
  double max_cooling_kw = std::numeric_limits<double>::infinity();
  BuildingMassClass mass_class = BuildingMassClass::kMedium;
};

// The network's coefficients and the control settings: what every step needs. Usually built by
// building_from_envelope(); tests and calibrated models may fill it directly.
struct Building5R1C {
  double h_ve_w_k = 0.0;       // ventilation, heat recovery included
  double h_tr_w_w_k = 0.0;     // windows
  double h_tr_is_w_k = 0.0;    // air node to surface node
  double h_tr_ms_w_k = 0.0;    // surface node to mass
  double h_tr_em_w_k = 0.0;    // mass to outdoors
  double c_m_j_k = 0.0;        // internal heat capacity
  double a_m_m2 = 0.0;         // effective mass area
  double a_t_m2 = 0.0;         // area of all surfaces facing the zone
  double floor_area_m2 = 0.0;
  double internal_gains_w_m2 = 0.0;   // nominal, for building_internal_gains_w()
  double heating_setpoint_c = 20.0;
  double cooling_setpoint_c = 26.0;
  double max_heating_kw = std::numeric_limits<double>::infinity();
  double max_cooling_kw = std::numeric_limits<double>::infinity();
};

// A field of the envelope that cannot describe a building, and why.
struct EnvelopeProblem {
  std::string field;    // e.g. "south.window_g"
  std::string message;  // e.g. "must be in [0, 1] (got 1.3)"
};

// The first problem with `envelope`, if any: negative or non-finite areas, U-values,
// air changes or limits; fractions outside [0, 1]; heating set-point above cooling; an opaque
// envelope so conductive that H_tr,em would not be positive (H_tr,op ≥ H_tr,ms).
std::optional<EnvelopeProblem> check_envelope(const BuildingEnvelope& envelope);

// The 5R1C coefficients of an envelope (see the file comment). Throws std::invalid_argument
// naming the field when check_envelope() finds a problem; a scenario reader should call
// check_envelope() first and report the problem as an InputError at the field's location.
Building5R1C building_from_envelope(const BuildingEnvelope& envelope);

// H_tr,op: the opaque elements' conductance, H_tr,em and H_tr,ms in series, W/K.
double building_h_tr_op_w_k(const Building5R1C& building);

// Time constant of the mass node, τ = C_m/(H_tr,3 + H_tr,em), s.
double building_mass_time_constant_s(const Building5R1C& building);

// The nominal internal gains, W: internal_gains_w_m2 × floor area.
double building_internal_gains_w(const Building5R1C& building);

// Heat gains over a step, W (averages over the step).
struct BuildingGains {
  double internal_w = 0.0;  // people, lighting, equipment
  double solar_w = 0.0;     // through the windows, e.g. window_solar_gains_w()
};

// The gains as ISO 13790 C.1–C.3 split them between the three nodes, W.
struct BuildingNodeGains {
  double air_w = 0.0;      // Φ_ia
  double surface_w = 0.0;  // Φ_st
  double mass_w = 0.0;     // Φ_m
};

BuildingNodeGains building_node_gains(const Building5R1C& building, const BuildingGains& gains);

// The outcome of one step. Temperatures other than mass_end_c are step averages.
struct BuildingStep {
  double heating_kw = 0.0;   // delivered to the air, ≥ 0
  double cooling_kw = 0.0;   // removed from the air, ≥ 0
  double air_c = 0.0;        // θ_air
  double surface_c = 0.0;    // θ_s
  double operative_c = 0.0;  // 0.3 θ_air + 0.7 θ_s
  double mass_mean_c = 0.0;  // θ_m, mean of the step's start and end
  double mass_end_c = 0.0;   // θ_m,t: the state to carry into the next step
};

// One step of `dt_s` (> 0) seconds with the heating and cooling needed to keep the air between
// the set-points (ISO 13790 C.4.2), within the plant limits max_heating_kw / max_cooling_kw.
// `supply_air_c` is the temperature of the air that H_ve brings in: the outdoor temperature when
// heat recovery is counted in H_ve (as building_from_envelope does).
BuildingStep building_ideal_loads(const Building5R1C& building, double mass_start_c,
                                  double outdoor_c, double supply_air_c,
                                  const BuildingGains& gains, double dt_s);

// One step of `dt_s` (> 0) seconds with a given heating (> 0) or cooling (< 0) power into the
// air, kW, e.g. what the plant could deliver when it falls short of the ideal load. The
// set-points and plant limits are not applied: the air floats.
BuildingStep building_with_power(const Building5R1C& building, double mass_start_c,
                                 double outdoor_c, double supply_air_c,
                                 const BuildingGains& gains,
                                 double heating_kw_minus_cooling_kw, double dt_s);

// Solar heat gains of one surface's windows for the irradiance incident on its plane, W:
// A_w (1 − F_F) F_w g_gl,n F_sh I (ISO 13790 §11.3.3, §11.4.2).
double surface_window_solar_gains_w(const EnvelopeSurface& surface,
                                    double glazing_incidence_factor, double incident_w_m2);

// Solar heat gains through all windows of the envelope, W, with each surface's incident
// irradiance from poa_irradiance() on its own plane. 0 with the sun down.
double window_solar_gains_w(const BuildingEnvelope& envelope, const SolarPosition& sun,
                            const HorizontalIrradiance& sky, double albedo,
                            SkyDiffuseModel model = SkyDiffuseModel::kPerez1990);

}  // namespace zeropark

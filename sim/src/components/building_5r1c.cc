// EN ISO 13790:2008 Annex C, the simple hourly method (5R1C), for any time step. The equations
// and the stability argument are in building_5r1c.h.
#include "components/building_5r1c.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace zeropark {
namespace {

// The envelope's five faces with the names their fields carry in messages.
struct NamedSurface {
  const char* name;
  const EnvelopeSurface* surface;
};

std::array<NamedSurface, 5> named_surfaces(const BuildingEnvelope& envelope) {
  return {{{"north", &envelope.north},
           {"east", &envelope.east},
           {"south", &envelope.south},
           {"west", &envelope.west},
           {"roof", &envelope.roof}}};
}

std::string got(const char* rule, double value) {
  std::ostringstream out;
  out << rule << " (got " << value << ")";
  return out.str();
}

// A problem if `value` is not finite or below `low`; NaN fails every comparison, hence the
// negated form.
std::optional<EnvelopeProblem> at_least(const std::string& field, double value, double low,
                                        const char* rule) {
  if (!(std::isfinite(value) && value >= low)) return EnvelopeProblem{field, got(rule, value)};
  return std::nullopt;
}

std::optional<EnvelopeProblem> finite(const std::string& field, double value) {
  if (!std::isfinite(value)) return EnvelopeProblem{field, got("must be finite", value)};
  return std::nullopt;
}

std::optional<EnvelopeProblem> fraction(const std::string& field, double value) {
  if (!(value >= 0.0 && value <= 1.0)) {
    return EnvelopeProblem{field, got("must be in [0, 1]", value)};
  }
  return std::nullopt;
}

// Plant limits may be infinite (no limit) but not negative or NaN.
std::optional<EnvelopeProblem> limit(const std::string& field, double value) {
  if (!(value >= 0.0)) return EnvelopeProblem{field, got("must be >= 0", value)};
  return std::nullopt;
}

std::optional<EnvelopeProblem> check_surface(const std::string& name, const EnvelopeSurface& s) {
  for (auto problem : {finite(name + ".azimuth_deg", s.azimuth_deg),
                       at_least(name + ".opaque_area_m2", s.opaque_area_m2, 0.0, "must be >= 0"),
                       at_least(name + ".opaque_u_w_m2k", s.opaque_u_w_m2k, 0.0, "must be >= 0"),
                       at_least(name + ".window_area_m2", s.window_area_m2, 0.0, "must be >= 0"),
                       at_least(name + ".window_u_w_m2k", s.window_u_w_m2k, 0.0, "must be >= 0"),
                       fraction(name + ".window_g", s.window_g),
                       fraction(name + ".window_frame_fraction", s.window_frame_fraction),
                       fraction(name + ".window_shading_factor", s.window_shading_factor)}) {
    if (problem) return problem;
  }
  if (!(s.tilt_deg >= 0.0 && s.tilt_deg <= 180.0)) {
    return EnvelopeProblem{name + ".tilt_deg", got("must be in [0, 180]", s.tilt_deg)};
  }
  return std::nullopt;
}

double opaque_conductance_w_k(const BuildingEnvelope& envelope) {
  double h_w_k = envelope.ground_floor_area_m2 * envelope.ground_floor_u_w_m2k;
  for (const NamedSurface& named : named_surfaces(envelope)) {
    h_w_k += named.surface->opaque_area_m2 * named.surface->opaque_u_w_m2k;
  }
  return h_w_k;
}

double window_conductance_w_k(const BuildingEnvelope& envelope) {
  double h_w_k = 0.0;
  for (const NamedSurface& named : named_surfaces(envelope)) {
    h_w_k += named.surface->window_area_m2 * named.surface->window_u_w_m2k;
  }
  return h_w_k;
}

// Conductances derived from the five of the network (ISO C.6–C.8), in forms that stay finite
// when H_ve or H_tr,w is zero.
struct Derived {
  double h_tr_1_w_k;     // H_ve and H_tr,is in series
  double h_tr_2_w_k;     // H_tr,1 + H_tr,w
  double h_tr_3_w_k;     // H_tr,2 and H_tr,ms in series
  double air_share_is;   // H_tr,is / (H_tr,is + H_ve): the share of an air gain that reaches θ_s
};

double series_w_k(double a_w_k, double b_w_k) {
  const double sum = a_w_k + b_w_k;
  return sum > 0.0 ? a_w_k * b_w_k / sum : 0.0;
}

Derived derive(const Building5R1C& b) {
  Derived d;
  d.h_tr_1_w_k = series_w_k(b.h_ve_w_k, b.h_tr_is_w_k);
  d.h_tr_2_w_k = d.h_tr_1_w_k + b.h_tr_w_w_k;
  d.h_tr_3_w_k = series_w_k(d.h_tr_2_w_k, b.h_tr_ms_w_k);
  const double air_sum = b.h_tr_is_w_k + b.h_ve_w_k;
  d.air_share_is = air_sum > 0.0 ? b.h_tr_is_w_k / air_sum : 0.0;
  return d;
}

// The 5R1C step for a given power into the air node (ISO C.4–C.12 with Δt = dt_s).
BuildingStep solve_step(const Building5R1C& b, const Derived& d, double mass_start_c,
                        double outdoor_c, double supply_c, const BuildingNodeGains& node,
                        double hc_w, double dt_s) {
  const double air_gain_w = node.air_w + hc_w;  // Φ_ia'
  // H_tr,1 (θ_sup + Φ_ia'/H_ve), written so that H_ve = 0 is allowed: what the air node feeds
  // into the surface node, as a source behind H_tr,1.
  const double air_source_w = d.h_tr_1_w_k * supply_c + d.air_share_is * air_gain_w;
  const double surface_source_w = node.surface_w + b.h_tr_w_w_k * outdoor_c + air_source_w;
  // H_tr,3 / H_tr,2 = H_tr,ms / (H_tr,2 + H_tr,ms): no division by a zero H_tr,2.
  const double to_mass = b.h_tr_ms_w_k / (d.h_tr_2_w_k + b.h_tr_ms_w_k);
  const double phi_mtot_w = node.mass_w + b.h_tr_em_w_k * outdoor_c + to_mass * surface_source_w;
  const double loss_w_k = d.h_tr_3_w_k + b.h_tr_em_w_k;
  const double c_per_dt_w_k = b.c_m_j_k / dt_s;

  BuildingStep step;
  step.mass_end_c = (mass_start_c * (c_per_dt_w_k - 0.5 * loss_w_k) + phi_mtot_w) /
                    (c_per_dt_w_k + 0.5 * loss_w_k);
  step.mass_mean_c = 0.5 * (step.mass_end_c + mass_start_c);
  step.surface_c = (b.h_tr_ms_w_k * step.mass_mean_c + surface_source_w) /
                   (b.h_tr_ms_w_k + b.h_tr_w_w_k + d.h_tr_1_w_k);
  step.air_c = (b.h_tr_is_w_k * step.surface_c + b.h_ve_w_k * supply_c + air_gain_w) /
               (b.h_tr_is_w_k + b.h_ve_w_k);
  step.operative_c = 0.3 * step.air_c + 0.7 * step.surface_c;
  step.heating_kw = std::max(0.0, hc_w) / 1000.0;
  step.cooling_kw = std::max(0.0, -hc_w) / 1000.0;
  return step;
}

}  // namespace

MassClassValues mass_class_values(BuildingMassClass mass_class) {
  switch (mass_class) {
    case BuildingMassClass::kVeryLight: return {2.5, 80000.0};
    case BuildingMassClass::kLight: return {2.5, 110000.0};
    case BuildingMassClass::kMedium: return {2.5, 165000.0};
    case BuildingMassClass::kHeavy: return {3.0, 260000.0};
    case BuildingMassClass::kVeryHeavy: return {3.5, 370000.0};
  }
  return {2.5, 165000.0};  // unreachable with a valid enumerator
}

std::optional<EnvelopeProblem> check_envelope(const BuildingEnvelope& e) {
  if (!(std::isfinite(e.floor_area_m2) && e.floor_area_m2 > 0.0)) {
    return EnvelopeProblem{"floor_area_m2", got("must be > 0", e.floor_area_m2)};
  }
  if (!(std::isfinite(e.ceiling_height_m) && e.ceiling_height_m > 0.0)) {
    return EnvelopeProblem{"ceiling_height_m", got("must be > 0", e.ceiling_height_m)};
  }
  for (const NamedSurface& named : named_surfaces(e)) {
    if (auto problem = check_surface(named.name, *named.surface)) return problem;
  }
  for (auto problem :
       {at_least("ground_floor_area_m2", e.ground_floor_area_m2, 0.0, "must be >= 0"),
        at_least("ground_floor_u_w_m2k", e.ground_floor_u_w_m2k, 0.0, "must be >= 0"),
        at_least("infiltration_ach", e.infiltration_ach, 0.0, "must be >= 0"),
        at_least("mechanical_ventilation_ach", e.mechanical_ventilation_ach, 0.0, "must be >= 0"),
        fraction("heat_recovery_efficiency", e.heat_recovery_efficiency),
        fraction("glazing_incidence_factor", e.glazing_incidence_factor),
        at_least("internal_gains_w_m2", e.internal_gains_w_m2, 0.0, "must be >= 0"),
        finite("heating_setpoint_c", e.heating_setpoint_c),
        finite("cooling_setpoint_c", e.cooling_setpoint_c),
        limit("max_heating_kw", e.max_heating_kw), limit("max_cooling_kw", e.max_cooling_kw)}) {
    if (problem) return problem;
  }
  if (e.heating_setpoint_c > e.cooling_setpoint_c) {
    return EnvelopeProblem{"cooling_setpoint_c",
                           got("must not be below heating_setpoint_c", e.cooling_setpoint_c)};
  }
  const MassClassValues mass = mass_class_values(e.mass_class);
  const double h_tr_ms_w_k = kBuilding5r1cHmsWM2K * mass.a_m_m2_per_floor_m2 * e.floor_area_m2;
  const double h_tr_op_w_k = opaque_conductance_w_k(e);
  if (!(h_tr_op_w_k < h_tr_ms_w_k)) {
    std::ostringstream message;
    message << "the opaque envelope's U·A (" << h_tr_op_w_k
            << " W/K) must be below H_tr,ms = 9.1 A_m (" << h_tr_ms_w_k
            << " W/K) for ISO 13790's H_tr,em to exist";
    return EnvelopeProblem{"opaque_u_w_m2k", message.str()};
  }
  return std::nullopt;
}

Building5R1C building_from_envelope(const BuildingEnvelope& e) {
  if (const auto problem = check_envelope(e)) {
    throw std::invalid_argument("building envelope field '" + problem->field +
                                "': " + problem->message);
  }
  const MassClassValues mass = mass_class_values(e.mass_class);
  Building5R1C b;
  b.floor_area_m2 = e.floor_area_m2;
  b.a_m_m2 = mass.a_m_m2_per_floor_m2 * e.floor_area_m2;
  b.a_t_m2 = kBuilding5r1cAtPerAf * e.floor_area_m2;
  b.c_m_j_k = mass.c_m_j_k_per_floor_m2 * e.floor_area_m2;
  b.h_tr_is_w_k = kBuilding5r1cHisWM2K * b.a_t_m2;
  b.h_tr_ms_w_k = kBuilding5r1cHmsWM2K * b.a_m_m2;
  b.h_tr_w_w_k = window_conductance_w_k(e);
  // H_tr,em is what, in series with H_tr,ms, gives the opaque elements' U·A.
  const double h_tr_op_w_k = opaque_conductance_w_k(e);
  b.h_tr_em_w_k =
      h_tr_op_w_k > 0.0 ? 1.0 / (1.0 / h_tr_op_w_k - 1.0 / b.h_tr_ms_w_k) : 0.0;
  // Air through the heat-recovery unit counts with the share (1 − η) of its temperature
  // difference (ISO 13790 §9, the factor b_ve), so the supply temperature stays the outdoor one.
  const double effective_ach = e.infiltration_ach +
                               e.mechanical_ventilation_ach * (1.0 - e.heat_recovery_efficiency);
  const double volume_m3 = e.floor_area_m2 * e.ceiling_height_m;
  b.h_ve_w_k = kAirHeatCapacityJM3K * volume_m3 * effective_ach / 3600.0;
  b.internal_gains_w_m2 = e.internal_gains_w_m2;
  b.heating_setpoint_c = e.heating_setpoint_c;
  b.cooling_setpoint_c = e.cooling_setpoint_c;
  b.max_heating_kw = e.max_heating_kw;
  b.max_cooling_kw = e.max_cooling_kw;
  return b;
}

double building_h_tr_op_w_k(const Building5R1C& b) {
  return series_w_k(b.h_tr_em_w_k, b.h_tr_ms_w_k);
}

double building_mass_time_constant_s(const Building5R1C& b) {
  const double loss_w_k = derive(b).h_tr_3_w_k + b.h_tr_em_w_k;
  return loss_w_k > 0.0 ? b.c_m_j_k / loss_w_k : std::numeric_limits<double>::infinity();
}

double building_internal_gains_w(const Building5R1C& b) {
  return b.internal_gains_w_m2 * b.floor_area_m2;
}

BuildingNodeGains building_node_gains(const Building5R1C& b, const BuildingGains& gains) {
  // Half the internal gains are convective (to the air); the other half and all solar gains are
  // radiant and shared between the mass and the surface node by area (ISO C.1–C.3).
  const double radiant_w = 0.5 * gains.internal_w + gains.solar_w;
  const double mass_share = b.a_m_m2 / b.a_t_m2;
  const double window_share = b.h_tr_w_w_k / (kBuilding5r1cHmsWM2K * b.a_t_m2);
  BuildingNodeGains node;
  node.air_w = 0.5 * gains.internal_w;
  node.mass_w = mass_share * radiant_w;
  node.surface_w = (1.0 - mass_share - window_share) * radiant_w;
  return node;
}

BuildingStep building_with_power(const Building5R1C& b, double mass_start_c, double outdoor_c,
                                 double supply_air_c, const BuildingGains& gains,
                                 double heating_kw_minus_cooling_kw, double dt_s) {
  return solve_step(b, derive(b), mass_start_c, outdoor_c, supply_air_c,
                    building_node_gains(b, gains), heating_kw_minus_cooling_kw * 1000.0, dt_s);
}

BuildingStep building_ideal_loads(const Building5R1C& b, double mass_start_c, double outdoor_c,
                                  double supply_air_c, const BuildingGains& gains, double dt_s) {
  const Derived d = derive(b);
  const BuildingNodeGains node = building_node_gains(b, gains);
  // Step 1: free floating. Within the dead band nothing is needed.
  const BuildingStep free =
      solve_step(b, d, mass_start_c, outdoor_c, supply_air_c, node, 0.0, dt_s);
  double setpoint_c = 0.0;
  if (free.air_c < b.heating_setpoint_c) {
    setpoint_c = b.heating_setpoint_c;
  } else if (free.air_c > b.cooling_setpoint_c) {
    setpoint_c = b.cooling_setpoint_c;
  } else {
    return free;
  }
  // Step 2: a trial of 10 W/m² and the linear interpolation to the set-point. Any non-zero
  // trial gives the same answer (θ_air is affine in Φ_HC); a floor area of 0 would make it zero.
  const double trial_w = std::max(kBuilding5r1cTrialPowerWM2 * b.floor_area_m2, 1.0);
  const BuildingStep trial =
      solve_step(b, d, mass_start_c, outdoor_c, supply_air_c, node, trial_w, dt_s);
  const double unrestricted_w =
      trial_w * (setpoint_c - free.air_c) / (trial.air_c - free.air_c);
  // Steps 3-4: within the plant's limits, or at the limit with the air off its set-point.
  const double needed_w = std::clamp(unrestricted_w, -1000.0 * b.max_cooling_kw,
                                     1000.0 * b.max_heating_kw);
  return solve_step(b, d, mass_start_c, outdoor_c, supply_air_c, node, needed_w, dt_s);
}

double surface_window_solar_gains_w(const EnvelopeSurface& surface,
                                    double glazing_incidence_factor, double incident_w_m2) {
  const double incident = std::isfinite(incident_w_m2) ? std::max(0.0, incident_w_m2) : 0.0;
  return surface.window_area_m2 * (1.0 - surface.window_frame_fraction) *
         glazing_incidence_factor * surface.window_g * surface.window_shading_factor * incident;
}

double window_solar_gains_w(const BuildingEnvelope& envelope, const SolarPosition& sun,
                            const HorizontalIrradiance& sky, double albedo,
                            SkyDiffuseModel model) {
  double gains_w = 0.0;
  for (const NamedSurface& named : named_surfaces(envelope)) {
    const EnvelopeSurface& surface = *named.surface;
    if (surface.window_area_m2 <= 0.0) continue;  // skip the irradiance of blind faces
    const PoaIrradiance poa = poa_irradiance({surface.tilt_deg, surface.azimuth_deg}, albedo,
                                             sun, sky, model);
    gains_w += surface_window_solar_gains_w(surface, envelope.glazing_incidence_factor,
                                            poa.poa_global_w_m2);
  }
  return gains_w;
}

}  // namespace zeropark

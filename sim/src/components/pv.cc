// PV array and inverter after PVWatts v5 (Dobos 2014, "PVWatts Version 5 Manual",
// NREL/TP-6A20-62641), with the Sandia module temperature model instead of PVWatts' Fuentes model.
//
// Models: reflection loss at the module cover for the beam component (Fresnel + Bouguer
// transmittance of plain glass, n = 1.526, K = 4 /m, L = 2 mm, normalised to normal incidence;
// the diffuse parts are not reduced, as in PVWatts); cell temperature (SAPM, King et al. 2004,
// SAND2004-3535, eqs. 11-12), which is a steady-state function of the incident irradiance, air
// temperature and wind; DC power linear in transmitted irradiance with a linear temperature
// coefficient; a lumped system-loss fraction; the PVWatts inverter part-load efficiency curve
// with clipping at the AC limit.
// Ignores: the thermal time constant of the module (Fuentes' transient model in PVWatts; hourly
// differences of a few C, annual energy within about 1 %), low-irradiance efficiency loss,
// spectral effects, degradation, shading, snow, the inverter's night tare and its DC voltage
// window. Output is positive when power flows into the bus (see zeropark/units.h).
//
// Equations:
//   IAM(theta) = tau(theta) / tau(0),  theta_r = asin(sin(theta) / n),
//     tau(theta) = [1 - (sin^2(theta_r - theta) / sin^2(theta_r + theta)
//                        + tan^2(theta_r - theta) / tan^2(theta_r + theta)) / 2]
//                  * exp(-K L / cos theta_r)
//   E_tr  = E_poa - (1 - IAM(aoi)) E_beam                    (transmitted POA, in [0, E_poa])
//   T_m   = E_poa exp(a + b WS) + T_air;  T_cell = T_m + (E_poa / 1000) dT
//   P_dc  = P_dc0 (E_tr / 1000) (1 + gamma (T_cell - 25)) (1 - losses)
//   P_ac0 = AC limit, P_inv0 = P_ac0 / eta_nom, x = P_dc / P_inv0
//   eta   = (eta_nom / 0.9637) (-0.0162 x - 0.0059 / x + 0.9858)
//   P_ac  = max(0, P_dc eta) for x <= 1; P_ac0 for x > 1 (the curve reaches P_ac0 exactly at
//           x = 1, since eta(1) = eta_nom); clipped = P_dc - P_inv0 for x > 1.
#include "components/pv.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace zeropark {
namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;

// Reference efficiency of the PVWatts curve: the curve's peak value, to which eta_nom is scaled.
constexpr double kPvwattsEtaRef = 0.9637;

// Cover transmittance (unnormalised) at incidence angle theta (radians, in (0, pi/2)).
double cover_transmittance(double theta, double n, double k_per_m, double thickness_m) {
  const double theta_r = std::asin(std::sin(theta) / n);  // Snell, from air (n = 1)
  const double s = std::sin(theta_r - theta) / std::sin(theta_r + theta);
  const double t = std::tan(theta_r - theta) / std::tan(theta_r + theta);
  const double reflected = 0.5 * (s * s + t * t);  // unpolarised: mean of s and p reflectance
  return (1.0 - reflected) * std::exp(-k_per_m * thickness_m / std::cos(theta_r));
}

// The same at normal incidence, where the ratios above are 0/0: r0 = ((n - 1)/(n + 1))^2.
double cover_transmittance_normal(double n, double k_per_m, double thickness_m) {
  const double r = (n - 1.0) / (n + 1.0);
  return (1.0 - r * r) * std::exp(-k_per_m * thickness_m);
}

}  // namespace

PvParams default_pv_params() { return PvParams{}; }

double pv_ac_capacity_kw(const PvParams& params) {
  return params.ac_capacity_kw.value_or(params.dc_capacity_kw / kDefaultDcAcRatio);
}

double iam_physical(double aoi_deg, double refractive_index, double extinction_per_m,
                    double thickness_m) {
  if (!(aoi_deg < 90.0)) return 0.0;  // grazing or from behind (and NaN): nothing enters
  const double theta = std::fabs(aoi_deg) * kRadPerDeg;
  const double normal =
      cover_transmittance_normal(refractive_index, extinction_per_m, thickness_m);
  // Below 1e-6 rad the Fresnel ratios lose all precision; the IAM is 1 to 1e-12 there.
  if (theta < 1e-6) return 1.0;
  const double iam =
      cover_transmittance(theta, refractive_index, extinction_per_m, thickness_m) / normal;
  return std::clamp(iam, 0.0, 1.0);
}

double sapm_cell_temp_c(const SapmThermalParams& thermal, double poa_w_m2, double air_temp_c,
                        double wind_speed_m_s) {
  const double wind = std::isfinite(wind_speed_m_s) ? std::max(0.0, wind_speed_m_s) : 0.0;
  const double irradiance = std::isfinite(poa_w_m2) ? std::max(0.0, poa_w_m2) : 0.0;
  const double module_c = irradiance * std::exp(thermal.a + thermal.b * wind) + air_temp_c;
  return module_c + irradiance / 1000.0 * thermal.delta_t_c;
}

double pv_dc_kw(const PvParams& params, double transmitted_poa_w_m2, double cell_temp_c) {
  const double irradiance =
      std::isfinite(transmitted_poa_w_m2) ? std::max(0.0, transmitted_poa_w_m2) : 0.0;
  const double dc_kw = params.dc_capacity_kw * (irradiance / 1000.0) *
                       (1.0 + params.gamma_pdc_per_c * (cell_temp_c - 25.0)) *
                       (1.0 - params.system_losses_fraction);
  return std::isfinite(dc_kw) ? std::max(0.0, dc_kw) : 0.0;
}

InverterOutput pvwatts_inverter(const PvParams& params, double dc_kw) {
  InverterOutput out;
  // x = 0 would divide by zero in the -0.0059/x term; no DC, no AC.
  if (!(dc_kw > 0.0)) return out;
  const double ac_limit_kw = pv_ac_capacity_kw(params);
  const double eta_nom = params.inverter_nominal_efficiency;
  const double dc_limit_kw = ac_limit_kw / eta_nom;
  if (dc_kw > dc_limit_kw) {
    out.ac_kw = ac_limit_kw;
    out.clipped_kw = dc_kw - dc_limit_kw;
    return out;
  }
  const double x = dc_kw / dc_limit_kw;
  const double eta = eta_nom / kPvwattsEtaRef * (-0.0162 * x - 0.0059 / x + 0.9858);
  // At very low load the curve goes negative; PVWatts reports 0 rather than a draw.
  out.ac_kw = std::max(0.0, dc_kw * eta);
  return out;
}

PoaIrradiance pv_poa_irradiance(const PvParams& params, const SolarPosition& sun,
                                const HorizontalIrradiance& sky) {
  const SurfaceOrientation surface{params.tilt_deg, params.azimuth_deg};
  return poa_irradiance(surface, params.albedo, sun, sky, params.sky_model);
}

PvOutput pv_ac_power(const PvParams& params, const PoaIrradiance& poa, double air_temp_c,
                     double wind_speed_m_s) {
  PvOutput out;
  const double poa_global = std::isfinite(poa.poa_global_w_m2)
                                ? std::max(0.0, poa.poa_global_w_m2) : 0.0;
  const double poa_beam = std::isfinite(poa.poa_beam_w_m2)
                              ? std::clamp(poa.poa_beam_w_m2, 0.0, poa_global) : 0.0;
  out.poa_w_m2 = poa_global;
  const double iam = iam_physical(poa.aoi_deg, params.cover_refractive_index,
                                  params.cover_extinction_per_m, params.cover_thickness_m);
  out.transmitted_poa_w_m2 = std::clamp(poa_global - (1.0 - iam) * poa_beam, 0.0, poa_global);
  out.cell_temp_c = sapm_cell_temp_c(params.thermal, poa_global, air_temp_c, wind_speed_m_s);
  out.dc_kw = pv_dc_kw(params, out.transmitted_poa_w_m2, out.cell_temp_c);
  const InverterOutput inverter = pvwatts_inverter(params, out.dc_kw);
  out.ac_kw = inverter.ac_kw;
  out.clipped_kw = inverter.clipped_kw;
  return out;
}

}  // namespace zeropark

// PVT collector: ISO 9806:2013 thermal curve, cell temperature one conductance above the fluid,
// PVWatts DC power. Equations and references in pvt_collector.h.
#include "components/pvt_collector.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace zeropark {
namespace {

// Irradiance on which the PV temperature coefficient term of U_af is evaluated (Meertens et al.).
constexpr double kNominalIrradianceWM2 = 1000.0;

// Non-negative finite value, or 0 (NaN and negative irradiance or wind mean none).
double non_negative(double value) { return std::isfinite(value) ? std::max(0.0, value) : 0.0; }

// Zero-loss efficiency at a wind speed; a strong enough wind cannot make it negative.
double wind_eta0(const PvtParams& params, double wind_m_s) {
  return std::max(0.0, params.eta0 * (1.0 - params.eta0_wind_s_m * wind_m_s));
}

double wind_a1_w_m2k(const PvtParams& params, double wind_m_s) {
  return params.a1_w_m2k + params.a1_wind_j_m3k * wind_m_s;
}

void require(bool ok, const InputLocation& where, const std::string& field, const char* name,
             double value, const char* rule) {
  if (ok) return;
  throw InputError(where, field + "." + name,
                   std::string("must be ") + rule + " (got " + std::to_string(value) + ")");
}

}  // namespace

PvtParams default_pvt_params() { return PvtParams{}; }

void check_pvt_params(const PvtParams& params, const InputLocation& where,
                      const std::string& field) {
  const auto positive = [](double v) { return std::isfinite(v) && v > 0.0; };
  const auto non_neg = [](double v) { return std::isfinite(v) && v >= 0.0; };
  require(positive(params.gross_area_m2), where, field, "gross_area_m2", params.gross_area_m2,
          "> 0");
  require(positive(params.eta0) && params.eta0 <= 1.0, where, field, "eta0", params.eta0,
          "in (0, 1]");
  require(non_neg(params.eta0_wind_s_m), where, field, "eta0_wind_s_m", params.eta0_wind_s_m,
          ">= 0");
  require(positive(params.a1_w_m2k), where, field, "a1_w_m2k", params.a1_w_m2k, "> 0");
  require(non_neg(params.a1_wind_j_m3k), where, field, "a1_wind_j_m3k", params.a1_wind_j_m3k,
          ">= 0");
  require(non_neg(params.a2_w_m2k2), where, field, "a2_w_m2k2", params.a2_w_m2k2, ">= 0");
  require(positive(params.cell_to_fluid_u_w_m2k), where, field, "cell_to_fluid_u_w_m2k",
          params.cell_to_fluid_u_w_m2k, "> 0");
  require(non_neg(params.pv.dc_capacity_kw), where, field, "pv.dc_capacity_kw",
          params.pv.dc_capacity_kw, ">= 0");
}

double pvt_cell_to_fluid_u_w_m2k(double eta0, double a1_w_m2k, double gamma_pdc_per_c,
                                 double electrical_efficiency, double tau_alpha) {
  // The laminate absorbs (ta) G; the cells convert eta_el G; the rest reaches the fluid through
  // U_af or the air through U_L. At dT = 0 the fluid gets eta0 G = ((ta) - eta_el) U_af /
  // (U_af + U_L) G, and a1 (plus the electrical temperature term) = U_af U_L / (U_af + U_L);
  // eliminating U_L leaves U_af.
  const double heat_share = tau_alpha - electrical_efficiency;
  const double margin = heat_share - eta0;
  if (!(margin > 0.0)) return std::numeric_limits<double>::infinity();
  return heat_share * (a1_w_m2k + std::fabs(gamma_pdc_per_c) * kNominalIrradianceWM2) / margin;
}

double pvt_heat_flux_w_m2(const PvtParams& params, double poa_w_m2, double air_temp_c,
                          double mean_fluid_c, double wind_m_s) {
  const double irradiance = non_negative(poa_w_m2);
  const double wind = non_negative(wind_m_s);
  const double dt_k = mean_fluid_c - air_temp_c;
  return wind_eta0(params, wind) * irradiance - wind_a1_w_m2k(params, wind) * dt_k -
         params.a2_w_m2k2 * dt_k * dt_k;
}

double pvt_stagnation_temp_c(const PvtParams& params, double poa_w_m2, double air_temp_c,
                             double wind_m_s) {
  const double wind = non_negative(wind_m_s);
  const double gain_w_m2 = wind_eta0(params, wind) * non_negative(poa_w_m2);
  const double a1 = wind_a1_w_m2k(params, wind);
  const double a2 = params.a2_w_m2k2;
  if (!(gain_w_m2 > 0.0)) return air_temp_c;
  // Root s >= 0 of a2 s^2 + a1 s - gain = 0, written 2 gain / (a1 + sqrt(a1^2 + 4 a2 gain)) so it
  // stays exact as a2 -> 0 (no cancellation).
  const double rise_k = 2.0 * gain_w_m2 / (a1 + std::sqrt(a1 * a1 + 4.0 * a2 * gain_w_m2));
  return air_temp_c + rise_k;
}

PvtOutput pvt_output(const PvtParams& params, double poa_w_m2, double air_temp_c,
                     double mean_fluid_c, double wind_m_s) {
  PvtOutput out;
  const double irradiance = non_negative(poa_w_m2);
  const double heat_flux_w_m2 =
      pvt_heat_flux_w_m2(params, irradiance, air_temp_c, mean_fluid_c, wind_m_s);
  if (heat_flux_w_m2 > 0.0) {
    out.circulating = true;
    out.thermal_kw = heat_flux_w_m2 * params.gross_area_m2 / 1000.0;
    // The heat crosses U_af from the cells to the fluid, so the cells sit above the fluid by
    // q / U_af (below it when the fluid runs colder than the air and gains heat from it: q > 0
    // still flows cell -> fluid).
    out.cell_temp_c = mean_fluid_c + heat_flux_w_m2 / params.cell_to_fluid_u_w_m2k;
  } else {
    // No reverse flow: the controller stops the pump, no heat leaves through the fluid and the
    // whole laminate settles where the curve's gain is 0.
    out.cell_temp_c = pvt_stagnation_temp_c(params, irradiance, air_temp_c, wind_m_s);
  }
  if (!std::isfinite(out.cell_temp_c)) out.cell_temp_c = air_temp_c;
  out.electrical_dc_kw = pv_dc_kw(params.pv, irradiance, out.cell_temp_c);
  if (irradiance > 0.0)
    out.efficiency_thermal = out.thermal_kw * 1000.0 / (irradiance * params.gross_area_m2);
  return out;
}

PvtOutput pvt_output(const PvtParams& params, const PoaIrradiance& poa, double air_temp_c,
                     double mean_fluid_c, double wind_m_s) {
  const double poa_global = non_negative(poa.poa_global_w_m2);
  const double poa_beam =
      std::isfinite(poa.poa_beam_w_m2) ? std::clamp(poa.poa_beam_w_m2, 0.0, poa_global) : 0.0;
  const double iam = iam_physical(poa.aoi_deg, params.pv.cover_refractive_index,
                                  params.pv.cover_extinction_per_m, params.pv.cover_thickness_m);
  const double transmitted = std::clamp(poa_global - (1.0 - iam) * poa_beam, 0.0, poa_global);
  return pvt_output(params, transmitted, air_temp_c, mean_fluid_c, wind_m_s);
}

}  // namespace zeropark

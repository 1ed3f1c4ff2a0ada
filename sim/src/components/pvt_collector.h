// A PV/thermal (PVT) collector: a PV module with a heat exchanger bonded to its back. Sunlight
// and the weather in; heat delivered to the fluid and DC power out. Pure functions of
// (parameters, inputs); the collector has no state of its own.
//
// Models: the thermal yield by the steady-state efficiency curve of EN ISO 9806:2013 on the gross
// area, with the mean fluid temperature and, for uncovered (WISC) collectors, the wind dependence
// of the zero-loss efficiency and of the linear loss coefficient; a circulation that stops when
// the collector would lose heat (no reverse flow: thermal output is then 0 and the absorber
// settles at its stagnation temperature); the PV cells one conductance above the fluid, so the
// cell temperature is the mean fluid temperature plus the heat flux into the fluid over that
// conductance (U_abs-fluid), which Meertens et al. derive from datasheet values alone (the
// two-node picture of Stegmann et al. 2011, with Lämmle's effective transmittance-absorptance);
// the DC power by the PVWatts v5 equation of pv.h (pv_dc_kw) at that cell temperature.
// Ignores: the thermal capacity of the collector (ISO 9806 c5: no warm-up lag), the sky's long-wave
// exchange (ISO 9806 c4/G'': an uncovered collector loses more on a clear night than the curve
// says), the incidence-angle modifier of the thermal part apart from the cover loss applied to the
// beam (PoaIrradiance overload), flow-rate effects (the curve holds at the certificate's flow),
// frost and condensation on a collector run below the dew point, and the extra electrical
// mismatch of a non-uniform cell temperature. Heat and power are positive when delivered (to the
// fluid, to the bus; see zeropark/units.h).
//
// Equations (G: plane-of-array irradiance, W/m2; u: wind speed, m/s; dT = T_m - T_air, K):
//   eta0(u) = eta0 (1 - b_u u)                     ISO 9806:2013 unglazed form; b_u = 0 if covered
//   a1(u)   = a1 + b_2 u                           b_2: wind dependence of the losses, J/(m3 K)
//   q       = eta0(u) G - a1(u) dT - a2 dT^2       heat flux into the fluid, W/m2 of gross area
//   circulating if q > 0: Q_th = q A;  T_cell = T_m + q / U_af
//   otherwise:            Q_th = 0;    T_cell = T_air + s, eta0(u) G = a1(u) s + a2 s^2 (s >= 0)
//   U_af = ((ta) - eta_el)(a1 + |gamma| G_nom) / ((ta) - eta_el - eta0)      (Meertens et al.)
//          (ta) = 0.901 uncovered, 0.84 covered (Lämmle 2018); G_nom = 1000 W/m2
//   P_dc = pv_dc_kw(pv, G, T_cell) = P_stc (G / 1000) (1 + gamma (T_cell - 25)) (1 - losses)
// The ISO 9806:2017 quasi-dynamic coefficients of a WISC collector refer to the reduced wind speed
// u' = u - 3 m/s; with c1 = a1 + 3 b_2, c3 = b_2, c6 = eta0 b_u and eta0' = eta0 (1 - 3 b_u) the
// two forms give the same heat flux (Solar Keymark Network, SKN-N0474R0, 2019).
//
// References: EN ISO 9806:2013 / ISO 9806:2017, "Solar energy - Solar thermal collectors - Test
// methods"; Solar Keymark licence 011-7S2354 P (the default uncovered PVT collector: 1.64 m2,
// 300 Wp; coefficients as transcribed in open-ideas/IDEAS, IDEAS.Fluid.PVTCollectors.Data.
// Uncovered.UN_Validation); Meertens, Jansen & Helsen, "Development and experimental validation of
// an unglazed PVT collector Modelica model that only needs datasheet parameters" (Modelica
// Conference 2025); Stegmann, Bertram, Rockendorf & Janssen, ISES SWC 2011,
// doi:10.18086/swc.2011.19.30; Lämmle, PhD thesis, Univ. Freiburg 2018, doi:10.6094/UNIFR/16446;
// Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641 (2014).
#pragma once

#include <string>

#include "components/pv.h"
#include "weather/irradiance.h"
#include "zeropark/error.h"

namespace zeropark {

// Effective transmittance-absorptance product of a PVT collector's PV laminate (Lämmle 2018).
inline constexpr double kPvtTauAlphaUncovered = 0.901;
inline constexpr double kPvtTauAlphaCovered = 0.84;

// What a PVT collector (or a field of identical ones: scale the area and the PV nameplate
// together) is. Start from default_pvt_params() and set what differs. Thermal coefficients are
// per m2 of gross area, for hemispherical irradiance on the collector plane and the wind speed the
// certificate refers to (ISO 9806: in the collector plane, near the collector).
struct PvtParams {
  // The electrical side: nameplate, temperature coefficient, system losses, orientation and cover,
  // as for a PV array. Defaults: 300 Wp, -0.375 %/C (licence 011-7S2354 P), PVWatts' 14 % losses.
  PvParams pv = [] {
    PvParams p;
    p.dc_capacity_kw = 0.300;
    p.gamma_pdc_per_c = -0.00375;
    return p;
  }();
  double gross_area_m2 = 1.64;
  // ISO 9806:2013 unglazed coefficients of Solar Keymark licence 011-7S2354 P (PV at its MPP).
  double eta0 = 0.535;              // zero-loss efficiency at no wind
  double eta0_wind_s_m = 0.067;     // b_u: relative drop of eta0 per m/s of wind (0 if covered)
  double a1_w_m2k = 10.74;          // linear heat-loss coefficient at no wind (b_1)
  double a1_wind_j_m3k = 1.0997;    // b_2: increase of a1 per m/s of wind (0 if covered)
  double a2_w_m2k2 = 0.0;           // quadratic heat-loss coefficient
  // Conductance from the PV cells to the fluid, W/(m2 K): 56.8 for the default collector by
  // pvt_cell_to_fluid_u_w_m2k(0.535, 10.74, -0.00375, 0.183, kPvtTauAlphaUncovered).
  double cell_to_fluid_u_w_m2k = 56.8;
};

// The defaults above: one uncovered, uninsulated 300 Wp PVT collector of 1.64 m2.
PvtParams default_pvt_params();

// Throws InputError at `where` (field `field` + ".<parameter>") unless every parameter is a
// finite number in its physical range: area, eta0, a1, U > 0; wind terms, a2 >= 0; eta0 <= 1.
void check_pvt_params(const PvtParams& params, const InputLocation& where,
                      const std::string& field);

struct PvtOutput {
  double thermal_kw = 0.0;          // heat into the fluid, >= 0
  double electrical_dc_kw = 0.0;    // after system losses, before the inverter (see pv.h)
  double cell_temp_c = 0.0;
  double efficiency_thermal = 0.0;  // thermal_kw over the irradiance on the gross area (0 at night)
  bool circulating = false;         // false: the pump is off, the absorber stagnates
};

// Conductance between the PV cells and the fluid from datasheet values (Meertens et al., after
// Stegmann et al. 2011): eta0 and a1 of the thermal curve, the PV power temperature coefficient
// (1/C, negative), the PV efficiency at STC on the gross area and the laminate's effective
// transmittance-absorptance. Returns +infinity where the datasheet implies no resistance
// ((ta) - eta_el <= eta0).
double pvt_cell_to_fluid_u_w_m2k(double eta0, double a1_w_m2k, double gamma_pdc_per_c,
                                 double electrical_efficiency, double tau_alpha);

// Heat flux into the fluid, W/m2 of gross area, by the ISO 9806:2013 curve; negative where the
// collector would lose heat. Irradiance and wind below 0 (and NaN) count as 0.
double pvt_heat_flux_w_m2(const PvtParams& params, double poa_w_m2, double air_temp_c,
                          double mean_fluid_c, double wind_m_s);

// Temperature the absorber reaches with the circulation stopped: where the curve's gain is 0.
double pvt_stagnation_temp_c(const PvtParams& params, double poa_w_m2, double air_temp_c,
                             double wind_m_s);

// Heat and DC power of the collector for the irradiance on its plane (already reduced by any
// cover loss the caller wants applied), the air temperature, the mean fluid temperature
// (inlet + outlet) / 2 and the wind speed. NaN irradiance or wind count as 0.
PvtOutput pvt_output(const PvtParams& params, double poa_w_m2, double air_temp_c,
                     double mean_fluid_c, double wind_m_s);

// The same from the plane-of-array components, with the cover loss of the PV glass (pv.h,
// iam_physical) applied to the beam part, as pv_ac_power does.
PvtOutput pvt_output(const PvtParams& params, const PoaIrradiance& poa, double air_temp_c,
                     double mean_fluid_c, double wind_m_s);

}  // namespace zeropark

// A PV array and its inverter, PVWatts-style: plane-of-array irradiance and weather in, AC power
// out. Pure functions of (parameters, inputs); the array has no state of its own.
#pragma once

#include <optional>

#include "weather/irradiance.h"
#include "weather/solar_position.h"

namespace zeropark {

// Sandia (SAPM) module temperature model coefficients (King, Boyson & Kratochvil 2004,
// SAND2004-3535, Table 1): T_module = E exp(a + b WS) + T_air; T_cell = T_module + E/1000 dT.
struct SapmThermalParams {
  double a = -3.56;          // dimensionless
  double b = -0.075;         // s/m
  double delta_t_c = 3.0;    // cell minus back-of-module temperature at 1000 W/m2
};

// Racks, ground mounts and roof arrays on a standoff. On PVWatts' Golden CO reference year our
// annual AC differs from PVWatts' open rack by -0.1 % and from its roof mount (INOCT 49 C) by
// +1.3 %.
inline constexpr SapmThermalParams kSapmOpenRackGlassPolymer{-3.56, -0.075, 3.0};
inline constexpr SapmThermalParams kSapmOpenRackGlassGlass{-3.47, -0.0594, 3.0};
// Flush on a roof with almost no air gap: 5 % less energy than PVWatts' roof mount at Golden.
inline constexpr SapmThermalParams kSapmCloseRoofGlassGlass{-2.98, -0.0471, 1.0};
inline constexpr SapmThermalParams kSapmInsulatedBackGlassPolymer{-2.81, -0.0455, 0.0};

// DC/AC ratio used when ac_capacity_kw is not given (the PVWatts default).
inline constexpr double kDefaultDcAcRatio = 1.2;

// What a PV array is. Start from default_pv_params() and set what differs.
struct PvParams {
  double dc_capacity_kw = 1.0;    // nameplate DC at STC (1000 W/m2, 25 C cell)
  std::optional<double> ac_capacity_kw;  // inverter AC limit; none = dc_capacity_kw / 1.2
  double tilt_deg = 20.0;         // from horizontal
  double azimuth_deg = 180.0;     // clockwise from north, 180 = south
  double albedo = 0.2;            // ground reflectance
  double gamma_pdc_per_c = -0.0037;  // DC power temperature coefficient, 1/C (PVWatts v6+
                                     // standard module; v5 used -0.0047)
  double system_losses_fraction = 0.14;    // soiling, wiring, mismatch, ... (PVWatts "losses")
  double inverter_nominal_efficiency = 0.96;
  SapmThermalParams thermal = kSapmOpenRackGlassPolymer;
  // Module cover for the incidence-angle modifier (PVWatts: plain glass).
  double cover_refractive_index = 1.526;
  double cover_extinction_per_m = 4.0;
  double cover_thickness_m = 0.002;
  SkyDiffuseModel sky_model = SkyDiffuseModel::kPerez1990;
};

// The defaults above: a 1 kW DC, 20 deg south-facing open-rack array of standard modules.
PvParams default_pv_params();

// The inverter AC limit in effect (ac_capacity_kw, or dc_capacity_kw / kDefaultDcAcRatio).
double pv_ac_capacity_kw(const PvParams& params);

struct PvOutput {
  double poa_w_m2 = 0.0;              // incident plane-of-array irradiance
  double transmitted_poa_w_m2 = 0.0;  // after reflection loss at the cover (beam IAM)
  double cell_temp_c = 0.0;
  double dc_kw = 0.0;                 // after system losses, before the inverter
  double ac_kw = 0.0;                 // delivered, >= 0 (positive = into the bus)
  double clipped_kw = 0.0;            // DC the inverter could not take at its AC limit
};

// Fresnel/Bouguer transmittance of the cover at aoi_deg relative to normal incidence, in [0, 1].
double iam_physical(double aoi_deg, double refractive_index, double extinction_per_m,
                    double thickness_m);

// Cell temperature by the SAPM model; wind speeds below 0 count as 0.
double sapm_cell_temp_c(const SapmThermalParams& thermal, double poa_w_m2, double air_temp_c,
                        double wind_speed_m_s);

// DC power after system losses for a transmitted irradiance and cell temperature (PVWatts v5).
double pv_dc_kw(const PvParams& params, double transmitted_poa_w_m2, double cell_temp_c);

struct InverterOutput {
  double ac_kw = 0.0;
  double clipped_kw = 0.0;
};

// PVWatts v5 inverter: part-load efficiency curve, clipping at the AC limit, no night tare.
InverterOutput pvwatts_inverter(const PvParams& params, double dc_kw);

// Plane-of-array irradiance on the array's own plane.
PoaIrradiance pv_poa_irradiance(const PvParams& params, const SolarPosition& sun,
                                const HorizontalIrradiance& sky);

// AC output of the array for a plane-of-array irradiance and the weather.
PvOutput pv_ac_power(const PvParams& params, const PoaIrradiance& poa, double air_temp_c,
                     double wind_speed_m_s);

}  // namespace zeropark

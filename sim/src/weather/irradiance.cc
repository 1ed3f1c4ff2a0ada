// Transposition of horizontal irradiance to the plane of array (POA).
//
// Models: the beam on the plane from the direct normal irradiance and the angle of incidence;
// sky diffuse by the Perez et al. (1990) anisotropic model (isotropic circumsolar and horizon
// brightening zones) or by the isotropic model; ground-reflected irradiance from a uniform,
// diffusely reflecting ground of a given albedo.
// Ignores: shading and row-to-row view-factor losses, spectral effects, reflection at the module
// cover (the PV model applies its incidence-angle modifier), and the twilight diffuse light that
// reaches a panel while the sun is below the horizon (everything is 0 then, as in PVWatts).
//
// Equations (angles in degrees unless stated; z = apparent solar zenith, beta = tilt):
//   cos(aoi) = cos z cos beta + sin z sin beta cos(solar azimuth - surface azimuth)
//   beam     = DNI max(0, cos aoi)
//   ground   = GHI albedo (1 - cos beta) / 2
//   isotropic sky = DHI (1 + cos beta) / 2
//   Perez 1990 sky = DHI [(1 - F1)(1 + cos beta)/2 + F1 a/b + F2 sin beta], clamped at 0, with
//     a = max(0, cos aoi), b = max(cos 85 deg, cos z),
//     sky clearness  eps   = ((DHI + DNI)/DHI + k z_rad^3) / (1 + k z_rad^3), k = 1.041,
//     sky brightness Delta = DHI m / E0n (m: relative air mass, E0n: extraterrestrial normal),
//     F1 = max(0, f11 + f12 Delta + f13 z_rad), F2 = f21 + f22 Delta + f23 z_rad, f_ij from the
//     eps bin (Perez et al. 1990, Solar Energy 44(5) 271-289, Table 6, "all sites composite").
//   Kasten & Young (1989): m = 1 / (cos z + 0.50572 (96.07995 - z)^-1.6364).
#include "weather/irradiance.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace zeropark {
namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;

// A value that is finite and not negative, else 0: irradiance inputs come from weather files
// where a missing value may survive as NaN or a negative sentinel.
double non_negative(double value) { return std::isfinite(value) && value > 0.0 ? value : 0.0; }

// Perez et al. (1990) Table 6: upper bounds of the sky-clearness bins and f11 f12 f13 f21 f22 f23
// per bin (the 3-decimal published values; EnergyPlus and SSC carry a 7-digit refit that differs
// by less than 0.0005 in every coefficient).
constexpr double kPerezEpsilonUpper[7] = {1.065, 1.230, 1.500, 1.950, 2.800, 4.500, 6.200};
constexpr double kPerezF[8][6] = {
    {-0.008, 0.588, -0.062, -0.060, 0.072, -0.022},
    {0.130, 0.683, -0.151, -0.019, 0.066, -0.029},
    {0.330, 0.487, -0.221, 0.055, -0.064, -0.026},
    {0.568, 0.187, -0.295, 0.109, -0.152, -0.014},
    {0.873, -0.392, -0.362, 0.226, -0.462, 0.001},
    {1.132, -1.237, -0.412, 0.288, -0.823, 0.056},
    {1.060, -1.600, -0.359, 0.264, -1.127, 0.131},
    {0.678, -0.327, -0.250, 0.156, -1.377, 0.251},
};

}  // namespace

double angle_of_incidence_deg(const SurfaceOrientation& surface, double solar_zenith_deg,
                              double solar_azimuth_deg) {
  const double zenith = solar_zenith_deg * kRadPerDeg;
  const double tilt = surface.tilt_deg * kRadPerDeg;
  const double cos_aoi =
      std::cos(zenith) * std::cos(tilt) +
      std::sin(zenith) * std::sin(tilt) *
          std::cos((solar_azimuth_deg - surface.azimuth_deg) * kRadPerDeg);
  // Rounding can push the cosine a hair past +/-1, where acos would return NaN.
  return std::acos(std::clamp(cos_aoi, -1.0, 1.0)) / kRadPerDeg;
}

double relative_airmass_kasten_young(double zenith_deg) {
  const double z = std::clamp(zenith_deg, 0.0, 90.0);
  return 1.0 / (std::cos(z * kRadPerDeg) + 0.50572 * std::pow(96.07995 - z, -1.6364));
}

double perez_sky_diffuse_w_m2(double dhi_w_m2, double dni_w_m2, double zenith_deg, double aoi_deg,
                              double tilt_deg, double extraterrestrial_normal_w_m2) {
  const double dhi = non_negative(dhi_w_m2);
  const double dni = non_negative(dni_w_m2);
  // No diffuse light, or no sun: clearness and brightness are undefined (0/0); nothing to add.
  if (dhi <= 0.0 || !(zenith_deg < 90.0) || !(extraterrestrial_normal_w_m2 > 0.0)) return 0.0;

  const double zenith_rad = std::max(zenith_deg, 0.0) * kRadPerDeg;
  const double kappa_z3 = 1.041 * zenith_rad * zenith_rad * zenith_rad;
  const double clearness = ((dhi + dni) / dhi + kappa_z3) / (1.0 + kappa_z3);
  const double brightness =
      dhi * relative_airmass_kasten_young(zenith_deg) / extraterrestrial_normal_w_m2;

  int bin = 0;
  while (bin < 7 && clearness >= kPerezEpsilonUpper[bin]) ++bin;
  const double* f = kPerezF[bin];
  const double f1 = std::max(0.0, f[0] + f[1] * brightness + f[2] * zenith_rad);
  const double f2 = f[3] + f[4] * brightness + f[5] * zenith_rad;

  const double tilt = tilt_deg * kRadPerDeg;
  const double a = std::max(0.0, std::cos(aoi_deg * kRadPerDeg));
  // cos 85 deg: near the horizon the circumsolar ratio a/b would blow up; Perez bounds it here.
  const double b = std::max(std::cos(85.0 * kRadPerDeg), std::cos(zenith_rad));
  const double sky = dhi * ((1.0 - f1) * (1.0 + std::cos(tilt)) / 2.0 + f1 * a / b +
                            f2 * std::sin(tilt));
  return std::max(0.0, sky);
}

double isotropic_sky_diffuse_w_m2(double dhi_w_m2, double tilt_deg) {
  return non_negative(dhi_w_m2) * (1.0 + std::cos(tilt_deg * kRadPerDeg)) / 2.0;
}

double ground_diffuse_w_m2(double ghi_w_m2, double albedo, double tilt_deg) {
  const double reflectance = std::isfinite(albedo) ? std::clamp(albedo, 0.0, 1.0) : 0.0;
  return non_negative(ghi_w_m2) * reflectance * (1.0 - std::cos(tilt_deg * kRadPerDeg)) / 2.0;
}

PoaIrradiance poa_irradiance(const SurfaceOrientation& surface, double albedo,
                             const SolarPosition& sun, const HorizontalIrradiance& sky,
                             SkyDiffuseModel model) {
  PoaIrradiance poa;
  if (!std::isfinite(sun.zenith_deg) || !std::isfinite(sun.azimuth_deg)) return poa;
  poa.aoi_deg = angle_of_incidence_deg(surface, sun.zenith_deg, sun.azimuth_deg);
  if (!(sun.zenith_deg < 90.0)) return poa;  // night: zeros, as documented

  const double dni = non_negative(sky.dni_w_m2);
  const double dhi = non_negative(sky.dhi_w_m2);
  poa.poa_beam_w_m2 = dni * std::max(0.0, std::cos(poa.aoi_deg * kRadPerDeg));
  poa.poa_sky_diffuse_w_m2 =
      model == SkyDiffuseModel::kPerez1990
          ? perez_sky_diffuse_w_m2(dhi, dni, sun.zenith_deg, poa.aoi_deg, surface.tilt_deg,
                                   sun.extraterrestrial_normal_w_m2)
          : isotropic_sky_diffuse_w_m2(dhi, surface.tilt_deg);
  poa.poa_ground_diffuse_w_m2 = ground_diffuse_w_m2(sky.ghi_w_m2, albedo, surface.tilt_deg);
  poa.poa_global_w_m2 =
      poa.poa_beam_w_m2 + poa.poa_sky_diffuse_w_m2 + poa.poa_ground_diffuse_w_m2;
  return poa;
}

}  // namespace zeropark

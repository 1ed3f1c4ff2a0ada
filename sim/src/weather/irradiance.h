// Irradiance on a tilted plane (plane of array, POA) from direct normal, diffuse horizontal and
// global horizontal irradiance: beam + sky diffuse (Perez 1990 or isotropic) + ground-reflected.
#pragma once

#include "weather/solar_position.h"

namespace zeropark {

enum class SkyDiffuseModel {
  kPerez1990,  // anisotropic: circumsolar and horizon brightening (Perez et al. 1990)
  kIsotropic,  // uniform sky (Liu & Jordan 1963)
};

// Orientation of a flat surface.
struct SurfaceOrientation {
  double tilt_deg = 0.0;       // from horizontal, 0..180
  double azimuth_deg = 180.0;  // direction the surface faces, clockwise from north, 180 = south
};

// Irradiance components on the horizontal and normal to the sun, W/m2. Negative or non-finite
// values are read as 0.
struct HorizontalIrradiance {
  double ghi_w_m2 = 0.0;  // global horizontal; if unknown, dni * cos(zenith) + dhi
  double dni_w_m2 = 0.0;  // direct normal
  double dhi_w_m2 = 0.0;  // diffuse horizontal
};

// Irradiance incident on the plane (before any reflection loss at the module cover), W/m2.
struct PoaIrradiance {
  double poa_beam_w_m2 = 0.0;
  double poa_sky_diffuse_w_m2 = 0.0;
  double poa_ground_diffuse_w_m2 = 0.0;
  double poa_global_w_m2 = 0.0;  // sum of the three
  double aoi_deg = 90.0;         // angle of incidence of the beam on the plane, 0..180
};

// Angle between the sun and the surface normal, degrees in [0, 180].
double angle_of_incidence_deg(const SurfaceOrientation& surface, double solar_zenith_deg,
                              double solar_azimuth_deg);

// Relative optical air mass by Kasten & Young (1989), for an apparent zenith in [0, 90] deg;
// larger zeniths are evaluated at 90 deg (air mass about 37.9).
double relative_airmass_kasten_young(double zenith_deg);

// Sky diffuse on the plane by Perez et al. (1990), W/m2; 0 when the sun is down or dhi is 0.
double perez_sky_diffuse_w_m2(double dhi_w_m2, double dni_w_m2, double zenith_deg, double aoi_deg,
                              double tilt_deg, double extraterrestrial_normal_w_m2);

// Sky diffuse on the plane for a uniform sky, W/m2.
double isotropic_sky_diffuse_w_m2(double dhi_w_m2, double tilt_deg);

// Irradiance reflected by the ground onto the plane, W/m2 (uniform, diffuse ground).
double ground_diffuse_w_m2(double ghi_w_m2, double albedo, double tilt_deg);

// Plane-of-array irradiance for a sun position and horizontal irradiance. All components are 0
// when the sun's apparent elevation is not above the horizon; the result is never NaN.
PoaIrradiance poa_irradiance(const SurfaceOrientation& surface, double albedo,
                             const SolarPosition& sun, const HorizontalIrradiance& sky,
                             SkyDiffuseModel model = SkyDiffuseModel::kPerez1990);

}  // namespace zeropark

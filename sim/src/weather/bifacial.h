// Irradiance on the sides of long rows of PV modules -- above all the rear side, which a bifacial
// module also converts -- by a two-dimensional view-factor model of an infinite array.
//
// Model. The array is seen along its rows: identical flat rows of width W (across the rows),
// centre height H above level ground, pitch P = W / GCR, infinitely many and infinitely long, so
// everything is a function of the position across the rows only and repeats every pitch. This is
// the geometry of the infinite-sheds model (Mikofski, Darawali, Hamer, Neubert & Newmiller 2019,
// "Bifacial Performance Modeling in Large Arrays", IEEE PVSC 46,
// doi:10.1109/PVSC40753.2019.8980572, as implemented in pvlib.bifacial.infinite_sheds) and of
// NREL's view-factor model (Marion et al. 2017, "A Practical Irradiance Model for Bifacial PV
// Modules", NREL/CP-5J00-67847). Like Marion et al. and unlike infinite sheds, the ground is
// resolved across the pitch rather than averaged: a rear side sees mostly the ground right under
// its own row, which is where the row's shadow falls at midday, so averaging the ground
// overestimates the rear irradiance (on pvfactors' published example, see the tests: averaged
// ground +19 to +24 %, resolved ground -4 to +2 %).
//  1. Ground: each point u across the pitch receives the beam unless a row's shadow covers it,
//     and the sky through the gaps between the rows (view factor F_gs(u)); it reflects diffusely.
//  2. A side is sampled at kSidePoints points across its width; from each, the hemisphere in
//     front of the side is swept in kSideAngleBins one-degree strips, each of view factor
//     (sin theta_2 - sin theta_1) / 2, and each strip sees the sky, a point of the ground or
//     another row.
//  3. Beam: DNI cos(aoi) on the part of the side that the neighbouring rows do not shade.
//
// Sky: isotropic (Liu & Jordan), or Hay & Davies (1980), where the circumsolar fraction
// A_i = DNI / E0n of the diffuse light is treated as coming from the sun (it casts shadows and
// reaches a side only when the sun does), the rest isotropic -- as pvlib's infinite sheds
// 'haydavies' option. The front of a row is normally taken from poa_irradiance() (Perez 1990,
// weather/irradiance.h); row_side_irradiance() gives it with the row effects if wanted.
//
// Ignores: light reflected by the modules themselves (a few per cent of what reaches them),
// transmission through the gaps between cells, the ends of the rows (edge rows see more ground
// and sky: this model is for the interior of the array), terrain slope, horizon brightening,
// the incidence-angle loss at the cover (applied by the PV model), non-uniform rear irradiance
// (electrical mismatch), and the rear structure except as a fixed loss fraction.
//
// Equations (u across the rows toward where the side faces, z up; the side has tilt beta):
//   side normal n = (sin beta, cos beta); a row spans centre +/- (W/2)(-cos beta, sin beta)
//   sun in the cross-section: tan phi = tan z cos(gamma_s - gamma_side)
//   shadow of a row on the ground: its edges projected along the sun, u_e - z_e tan phi; the
//     unshaded share of the pitch is 1 - min(1, GCR |cos beta + sin beta tan phi|)
//   ground-to-sky view factor F_gs(u) = sum over gaps (1/2)(cos a_{k+1} - cos b_k), a and b the
//     largest and smallest elevation angles (from +u) of rows k+1 and k seen from u
//   ground irradiance  E_g(u) = B_h lit(u) + D_iso F_gs(u);  radiosity rho E_g(u)
//     B_h = GHI - DHI (+ A_i DHI with Hay-Davies), D_iso = DHI (1 - A_i) (A_i = 0 if isotropic)
//   side irradiance    beam = DNI' max(0, cos aoi) (1 - f_shaded), DNI' = DNI + A_i DHI / cos z
//                      sky = D_iso sum_sky F_strip, ground = rho sum_ground E_g(u_hit) F_strip
//   bifacial           E_eff = E_front + bifaciality E_rear (1 - rear_shading_fraction)
#pragma once

#include "weather/irradiance.h"
#include "weather/solar_position.h"

namespace zeropark {

// How the sky's diffuse light is distributed.
enum class BifacialSkyModel {
  kIsotropic,  // uniform sky (Liu & Jordan 1963)
  kHayDavies,  // circumsolar share A_i = DNI / E0n treated as beam (Hay & Davies 1980)
};

// A bifacial array and its row geometry. The defaults are a one-in-portrait single-axis tracker
// or rack of about 2 m wide modules at GCR 0.35, axis 1.5 m above ground.
struct BifacialParams {
  // Rear efficiency / front efficiency: typically about 0.7 for PERC, 0.8 for TOPCon and
  // 0.85-0.9 for HJT cells.
  double bifaciality = 0.7;
  double gcr = 0.35;               // ground coverage ratio: row width / pitch
  double height_m = 1.5;           // height of the rows' centre line (a tracker's axis) above
                                   // ground; more than half the width times sin(tilt)
  double collector_width_m = 2.0;  // width of a row across its slope
  // Rear irradiance lost to racking, torque tube and junction boxes; measured 0.10 on
  // one-in-portrait and 0.027 on two-in-portrait trackers (IES-UPM, 2025).
  double rear_shading_fraction = 0.05;
  BifacialSkyModel sky_model = BifacialSkyModel::kHayDavies;
};

// Irradiance on one side of an interior row, averaged over the side's width, W/m2.
struct RowSideIrradiance {
  double beam_w_m2 = 0.0;            // direct (and circumsolar) on the unshaded part
  double sky_diffuse_w_m2 = 0.0;     // from the visible sky
  double ground_diffuse_w_m2 = 0.0;  // reflected by the visible ground
  double global_w_m2 = 0.0;          // the sum of the three
  double shaded_fraction = 0.0;      // share of the width in the beam shadow of other rows, 0..1
};

// Points across a side and angular strips per point used by row_side_irradiance(). With
// one-degree strips and 8 points the side's view factor to the sky is within 0.0015 of the exact
// (crossed-strings) value for any tilt and GCR 0.2-0.9 (see the tests); 32 points change the
// rear irradiance by less than 0.1 %. Measured cost: about 60 microseconds a call (g++ -O2, the
// 2-core build machine), nearly all of it the 1,440 rays; call it once per array and step.
inline constexpr int kSidePoints = 8;
inline constexpr int kSideAngleBins = 180;

// The back of a surface: tilt 180 - tilt, facing the opposite azimuth.
SurfaceOrientation rear_orientation(const SurfaceOrientation& front);

// Share of the ground between rows that the sun reaches directly, 0..1 (0 with the sun down).
// `side` is either side of the rows (the result is the same for both).
double unshaded_ground_fraction(double gcr, const SurfaceOrientation& side,
                                double apparent_zenith_deg, double solar_azimuth_deg);

// Share of a side's width in the beam shadow of the neighbouring rows, 0..1; 0 when the sun does
// not reach that side at all (its beam is then 0 anyway).
double row_shaded_fraction(double gcr, const SurfaceOrientation& side, double apparent_zenith_deg,
                           double solar_azimuth_deg);

// View factor from the ground to the sky through the gaps between 2 * rows_each_side + 1 rows
// centred on the point, at ground_u_m from the centre line of a row (positive toward where
// `side` faces). Rows of the given tilt, width, pitch and centre height.
double ground_sky_view_factor(double side_tilt_deg, double width_m, double pitch_m, double height_m,
                              double ground_u_m, int rows_each_side);

// The same, averaged over one pitch, with as many rows as row_side_irradiance() uses.
double mean_ground_sky_view_factor(const BifacialParams& params, double side_tilt_deg);

// Irradiance on a side of an interior row facing `side`. All zero while the sun is down (as
// poa_irradiance()); negative or non-finite irradiances count as 0; never NaN.
RowSideIrradiance row_side_irradiance(const BifacialParams& params, const SurfaceOrientation& side,
                                      const SolarPosition& sun, const HorizontalIrradiance& sky,
                                      double albedo);

// Irradiance on the rear of modules whose front faces `front`.
RowSideIrradiance rear_irradiance(const BifacialParams& params, const SurfaceOrientation& front,
                                  const SolarPosition& sun, const HorizontalIrradiance& sky,
                                  double albedo);

// rear_irradiance(...).global_w_m2.
double rear_irradiance_w_m2(const BifacialParams& params, const SurfaceOrientation& front,
                            const SolarPosition& sun, const HorizontalIrradiance& sky,
                            double albedo);

// Irradiance a bifacial module converts, in front-side equivalent W/m2:
// front + bifaciality * rear * (1 - rear_shading_fraction).
double bifacial_effective_irradiance_w_m2(const BifacialParams& params, double front_w_m2,
                                          double rear_w_m2);

}  // namespace zeropark

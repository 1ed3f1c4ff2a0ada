// Tests of the plane-of-array transposition against PVWatts' hourly plane-of-array irradiance.
//
// Reference: tests/data/pvwatts_8760_golden_rackmount.csv (pvwatts.nrel.gov export via pvlib,
// see tests/data/PROVENANCE.md): Golden CO, tilt 20, azimuth 180, albedo 0.2, TMY beam and diffuse,
// and PVWatts' POA (Perez 1990 in NREL SSC). We recompute the POA from the file's beam and diffuse
// with our SPA at the hour's mid-point as PVWatts takes it (hour h covers [h, h+1) local standard
// time; in the hours of sunrise and sunset, the mid-point of the part with the sun up).
//
// Why the hourly POA can differ by a few W/m2: SSC's Perez uses a 7-digit refit of the coefficient
// table (ours: the 3-decimal published Table 6), Kasten's 1966 air mass (ours: Kasten & Young
// 1989), treats zeniths of 87.5-90 deg as isotropic, and takes the sun from its own solar-position
// routine; near a clearness-bin edge a small difference switches bins.
#include "weather/irradiance.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "support/pvwatts_golden.h"
#include "weather/solar_position.h"

namespace {

using zeropark::HorizontalIrradiance;
using zeropark::PoaIrradiance;
using zeropark::SkyDiffuseModel;
using zeropark::SolarPosition;
using zeropark::SurfaceOrientation;
using namespace zeropark::testing;  // the PVWatts golden files

HorizontalIrradiance sky_of(const PvwattsHour& h, const SolarPosition& sun) {
  // The file has no GHI; PVWatts builds it from beam and diffuse the same way.
  const double ghi = h.beam_w_m2 * std::max(0.0, std::cos(sun.zenith_deg * kRadPerDeg)) +
                     h.diffuse_w_m2;
  return {ghi, h.beam_w_m2, h.diffuse_w_m2};
}

}  // namespace

TEST_CASE("Perez POA reproduces PVWatts' hourly plane-of-array irradiance", "[irradiance]") {
  const std::vector<PvwattsHour> hours = read_pvwatts_hours("pvwatts_8760_golden_rackmount.csv");
  const SurfaceOrientation surface{20.0, 180.0};
  double sum = 0.0, sum_reference = 0.0, sum_isotropic = 0.0;
  double max_error = 0.0, max_error_high_sun = 0.0, max_relative_high_sun = 0.0;
  for (const PvwattsHour& h : hours) {
    bool edge = false;
    const SolarPosition sun = pvwatts_hour_sun(h, &edge);
    const PoaIrradiance poa = zeropark::poa_irradiance(surface, 0.2, sun, sky_of(h, sun));
    const PoaIrradiance iso = zeropark::poa_irradiance(surface, 0.2, sun, sky_of(h, sun),
                                                       SkyDiffuseModel::kIsotropic);
    sum += poa.poa_global_w_m2;
    sum_isotropic += iso.poa_global_w_m2;
    sum_reference += h.poa_w_m2;
    const double error = std::fabs(poa.poa_global_w_m2 - h.poa_w_m2);
    INFO(h.month << "/" << h.day << " hour " << h.hour << ": ours " << poa.poa_global_w_m2
                 << ", PVWatts " << h.poa_w_m2);
    // Sun up exactly when PVWatts has light on the plane (the file's zeros are nights).
    CHECK((poa.poa_global_w_m2 > 0.0) == (h.poa_w_m2 > 0.0));
    max_error = std::max(max_error, error);
    if (!edge && sun.zenith_deg < 80.0) {
      max_error_high_sun = std::max(max_error_high_sun, error);
      max_relative_high_sun = std::max(max_relative_high_sun, error / h.poa_w_m2);
    }
  }
  std::printf("POA vs PVWatts (Golden, rack): annual %.1f vs %.1f Wh/m2 (%+.3f %%), isotropic "
              "%+.2f %%; max hourly error %.2f W/m2, sun above 10 deg %.2f W/m2 (%.2f %%)\n",
              sum, sum_reference, 100.0 * (sum / sum_reference - 1.0),
              100.0 * (sum_isotropic / sum_reference - 1.0), max_error, max_error_high_sun,
              100.0 * max_relative_high_sun);
  // Measured: annual +0.017 %, worst hour 6.2 W/m2 (1.2 %).
  CHECK(sum == Approx(sum_reference).epsilon(0.001));
  CHECK(max_error < 8.0);
  CHECK(max_relative_high_sun < 0.015);
  // The isotropic sky misses circumsolar light: 2.6 % less on this south-facing plane. Checking it
  // is far off shows the agreement above is Perez's doing.
  CHECK(sum_isotropic < 0.98 * sum_reference);
}

TEST_CASE("Kasten-Young air mass: 1 at the zenith, 37.92 at the horizon", "[irradiance]") {
  CHECK(zeropark::relative_airmass_kasten_young(90.0) == Approx(37.92).margin(0.005));
  CHECK(zeropark::relative_airmass_kasten_young(0.0) == Approx(1.0).margin(0.001));
  CHECK(zeropark::relative_airmass_kasten_young(120.0) ==
        zeropark::relative_airmass_kasten_young(90.0));
}

TEST_CASE("A horizontal plane receives exactly the global horizontal irradiance", "[irradiance]") {
  // Both sky models reduce to DHI on a horizontal plane (Perez: F1 a/b = F1 for zenith < 85 deg,
  // sin(0) = 0), the beam to DNI cos(zenith), and the ground term vanishes.
  const SurfaceOrientation flat{0.0, 180.0};
  for (const double zenith : {0.0, 30.0, 60.0, 84.0}) {
    SolarPosition sun;
    sun.zenith_deg = zenith;
    sun.azimuth_deg = 135.0;
    sun.apparent_elevation_deg = 90.0 - zenith;
    const double dni = 700.0, dhi = 120.0;
    const double ghi = dni * std::cos(zenith * kRadPerDeg) + dhi;
    for (const SkyDiffuseModel model : {SkyDiffuseModel::kPerez1990, SkyDiffuseModel::kIsotropic}) {
      const PoaIrradiance poa = zeropark::poa_irradiance(flat, 0.3, sun, {ghi, dni, dhi}, model);
      INFO("zenith " << zenith);
      CHECK(poa.aoi_deg == Approx(zenith).margin(1e-9));
      CHECK(poa.poa_ground_diffuse_w_m2 == Approx(0.0).margin(1e-9));
      CHECK(poa.poa_global_w_m2 == Approx(ghi).epsilon(1e-12));
    }
  }
}

TEST_CASE("A plane facing the sun gets the full beam and the ground term follows the view factor",
          "[irradiance]") {
  SolarPosition sun;
  sun.zenith_deg = 40.0;
  sun.azimuth_deg = 200.0;
  sun.apparent_elevation_deg = 50.0;
  const PoaIrradiance facing =
      zeropark::poa_irradiance({40.0, 200.0}, 0.25, sun, {800.0, 900.0, 100.0});
  CHECK(facing.aoi_deg == Approx(0.0).margin(1e-6));
  CHECK(facing.poa_beam_w_m2 == Approx(900.0).epsilon(1e-12));
  CHECK(facing.poa_ground_diffuse_w_m2 ==
        Approx(800.0 * 0.25 * (1.0 - std::cos(40.0 * kRadPerDeg)) / 2.0).epsilon(1e-12));
  // Sun behind a vertical plane: no beam, and the Perez circumsolar term is 0 (a = 0).
  const PoaIrradiance behind =
      zeropark::poa_irradiance({90.0, 20.0}, 0.25, sun, {800.0, 900.0, 100.0});
  CHECK(behind.aoi_deg > 90.0);
  CHECK(behind.poa_beam_w_m2 == 0.0);
  CHECK(behind.poa_sky_diffuse_w_m2 >= 0.0);
}

TEST_CASE("Night and bad inputs give clean zeros, never NaN", "[irradiance]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const SurfaceOrientation surface{25.0, 180.0};
  SolarPosition night;
  night.zenith_deg = 95.0;
  night.azimuth_deg = 300.0;
  night.apparent_elevation_deg = -5.0;
  const PoaIrradiance dark = zeropark::poa_irradiance(surface, 0.2, night, {5.0, 0.0, 5.0});
  CHECK(dark.poa_global_w_m2 == 0.0);
  CHECK(dark.poa_beam_w_m2 == 0.0);
  CHECK(dark.poa_sky_diffuse_w_m2 == 0.0);
  CHECK(dark.poa_ground_diffuse_w_m2 == 0.0);
  CHECK(std::isfinite(dark.aoi_deg));

  SolarPosition low;
  low.zenith_deg = 89.99;
  low.azimuth_deg = 90.0;
  for (const HorizontalIrradiance sky : {HorizontalIrradiance{nan, nan, nan},
                                         HorizontalIrradiance{-9999.0, -9999.0, -9999.0},
                                         HorizontalIrradiance{0.0, 0.0, 0.0},
                                         HorizontalIrradiance{10.0, 900.0, 0.0}}) {
    for (const SkyDiffuseModel model : {SkyDiffuseModel::kPerez1990, SkyDiffuseModel::kIsotropic}) {
      for (const SolarPosition& sun : {low, night}) {
        const PoaIrradiance poa = zeropark::poa_irradiance(surface, nan, sun, sky, model);
        CHECK(std::isfinite(poa.poa_global_w_m2));
        CHECK(poa.poa_global_w_m2 >= 0.0);
        CHECK(std::isfinite(poa.aoi_deg));
      }
    }
  }
  SolarPosition broken;
  broken.zenith_deg = nan;
  const PoaIrradiance none = zeropark::poa_irradiance(surface, 0.2, broken, {100, 100, 100});
  CHECK(none.poa_global_w_m2 == 0.0);
  CHECK(std::isfinite(none.aoi_deg));
}

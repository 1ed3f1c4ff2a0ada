// Where the sun is: the NREL Solar Position Algorithm (Reda & Andreas 2004, NREL/TP-560-34302,
// revised 2008), valid for years -2000..6000 with an uncertainty of +/-0.0003 deg.
//
// Two entry points: spa_calculate() exposes every intermediate quantity of the paper (for tests
// and for anyone checking the algorithm step by step); solar_position() is what the simulation
// calls once per step and returns only what the irradiance and PV models need.
#pragma once

#include <optional>

namespace zeropark {

// Solar constant used for the extraterrestrial normal irradiance, W/m2. 1367 W/m2 (WRC) rather
// than the newer 1361 W/m2 (Kopp & Lean 2011) because the Perez 1990 sky-brightness bins were fit
// with it and PVWatts uses it; the difference (0.4 %) only moves Perez's brightness parameter.
inline constexpr double kSolarConstantWM2 = 1367.0;

// SPA's default atmospheric refraction at sunrise/sunset, deg.
inline constexpr double kSpaAtmosRefractDeg = 0.5667;

// Everything the SPA paper takes as input. Times are local standard time of `timezone_h`.
struct SpaInput {
  int year = 2000;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 12;  // 0..24
  int minute = 0;
  double second = 0.0;
  double timezone_h = 0.0;        // local standard time minus UTC, hours (west negative)
  double delta_ut1_s = 0.0;       // UT1 - UTC, seconds (|x| < 1)
  double delta_t_s = 69.0;        // TT - UT1, seconds
  double longitude_deg = 0.0;     // east positive
  double latitude_deg = 0.0;      // north positive
  double elevation_m = 0.0;       // above sea level
  double pressure_mbar = 1013.25; // annual mean local pressure
  double temperature_c = 12.0;    // annual mean local temperature
  double slope_deg = 0.0;         // surface tilt from horizontal
  double azm_rotation_deg = 0.0;  // surface azimuth from south, east negative (SPA convention)
  double atmos_refract_deg = kSpaAtmosRefractDeg;  // refraction at sunrise/sunset
};

// Whether the sun rises and sets on a day, or stays up (polar day) or down (polar night).
enum class SunDay { kRiseAndSet, kAlwaysUp, kAlwaysDown };

// Every intermediate value of the SPA, named as in the paper (angles in degrees unless stated).
struct SpaResult {
  double jd = 0.0;   // Julian day (UT)
  double jc = 0.0;   // Julian century
  double jde = 0.0;  // Julian ephemeris day (TT)
  double jce = 0.0;  // Julian ephemeris century
  double jme = 0.0;  // Julian ephemeris millennium

  double L = 0.0;      // Earth heliocentric longitude
  double B = 0.0;      // Earth heliocentric latitude
  double R_au = 0.0;   // Earth-sun distance, astronomical units
  double theta = 0.0;  // geocentric longitude
  double beta = 0.0;   // geocentric latitude

  double x0 = 0.0, x1 = 0.0, x2 = 0.0, x3 = 0.0, x4 = 0.0;  // nutation arguments
  double delta_psi = 0.0;      // nutation in longitude
  double delta_epsilon = 0.0;  // nutation in obliquity
  double epsilon0_arcsec = 0.0;  // mean obliquity of the ecliptic, arc seconds
  double epsilon = 0.0;          // true obliquity of the ecliptic
  double delta_tau = 0.0;        // aberration correction
  double lambda = 0.0;           // apparent sun longitude
  double nu0 = 0.0;              // mean sidereal time at Greenwich
  double nu = 0.0;               // apparent sidereal time at Greenwich
  double alpha = 0.0;            // geocentric right ascension
  double delta = 0.0;            // geocentric declination
  double H = 0.0;                // observer local hour angle

  double xi = 0.0;           // equatorial horizontal parallax of the sun
  double delta_alpha = 0.0;  // parallax in right ascension
  double alpha_prime = 0.0;  // topocentric right ascension
  double delta_prime = 0.0;  // topocentric declination
  double H_prime = 0.0;      // topocentric local hour angle

  double e0 = 0.0;        // topocentric elevation without refraction
  double delta_e = 0.0;   // atmospheric refraction correction
  double e = 0.0;         // topocentric elevation with refraction (apparent)
  double zenith = 0.0;    // topocentric zenith angle (apparent)
  double azimuth_astro = 0.0;  // astronomers' azimuth, westward from south
  double azimuth = 0.0;        // navigators' azimuth, clockwise from north (180 = south)
  double incidence = 0.0;      // angle of incidence on the surface of SpaInput

  double eot_min = 0.0;  // equation of time, minutes

  // Sun transit, sunrise and sunset in local hours (0..24) as defined by the SPA (appendix A.2):
  // events of the UT day that starts at 0 h UT of the input date. For large |timezone_h| an event
  // may therefore be the one of the neighbouring local day (off by the day-to-day drift: seconds
  // to minutes, more near the polar circles); this is what NREL's spa.c and its web calculator
  // print. sun_times() gives the local day's own events.
  SunDay sun_day = SunDay::kRiseAndSet;
  double transit_h = 0.0;
  std::optional<double> sunrise_h;  // none when the sun stays up or down all day
  std::optional<double> sunset_h;
};

// The full SPA: position, incidence on the surface of `in`, equation of time, rise/transit/set.
SpaResult spa_calculate(const SpaInput& in);

// The observer and the constants of a run. delta_t_s (TT - UT1) drifts by well under a second a
// year, so it belongs with the run rather than with each instant (69 s is right for 2020-2030).
struct SolarSite {
  double latitude_deg = 0.0;        // north positive
  double longitude_deg = 0.0;       // east positive
  double elevation_m = 0.0;         // above sea level
  double pressure_mbar = 1013.25;   // for refraction; the site's mean station pressure
  double temperature_c = 12.0;      // for refraction; the site's mean air temperature
  double delta_t_s = 69.0;          // TT - UT1, seconds
  double atmos_refract_deg = kSpaAtmosRefractDeg;
};

// Sun events of one local calendar day, in hours since local midnight.
struct SunTimes {
  SunDay sun_day = SunDay::kRiseAndSet;
  double transit_h = 12.0;          // solar noon, in [0, 24)
  std::optional<double> sunrise_h;  // in [0, 24)
  std::optional<double> sunset_h;   // the first sunset after sunrise; > 24 when after midnight
};

// Sunrise, transit and sunset of a local day (SPA appendix A.2 applied to the UT days around it,
// unlike SpaResult's UT-day events). Sunrise and sunset are given when the sun rises on that day
// and sets within 24 h; otherwise both are empty and sun_day says whether the sun's centre is
// above -0.8333 deg at transit (polar day) or not (polar night).
SunTimes sun_times(const SolarSite& site, int year, int month, int day, double utc_offset_h);

// What the irradiance and PV models need from the sun at one instant.
struct SolarPosition {
  double zenith_deg = 90.0;              // apparent (refraction-corrected) topocentric zenith
  double azimuth_deg = 180.0;            // clockwise from north, 180 = south
  double apparent_elevation_deg = 0.0;   // 90 - zenith_deg
  double earth_sun_distance_au = 1.0;
  double extraterrestrial_normal_w_m2 = kSolarConstantWM2;  // kSolarConstantWM2 / R^2
};

// Julian day (UT) of a local standard time: `seconds_into_local_day` after local midnight of the
// date (Gregorian calendar; Julian calendar before 1582-10-15, as in the SPA), at `utc_offset_h`
// hours from UTC. Seconds beyond one day, or negative, roll into the neighbouring days.
double julian_day_ut(int year, int month, int day, double seconds_into_local_day,
                     double utc_offset_h);

// Julian ephemeris day (TT) from a Julian day (UT) and delta_t_s = TT - UT.
double julian_ephemeris_day(double julian_day_ut, double delta_t_s);

// Sun position for the simulation: the full SPA without the surface and rise/set parts.
// Measured cost: 2.8 microseconds a call (g++ 12 -O2 -ffp-contract=off, the 2-core build machine,
// 525,600 calls in the hidden "[.benchmark]" test), i.e. 1.5 s per simulated year at 1-minute
// steps. Nearly all of it is the 195 cosines of the heliocentric series and the 63 nutation
// terms, so call it once per site and step and share the result among that site's arrays.
SolarPosition solar_position(const SolarSite& site, double julian_day_ut);

}  // namespace zeropark

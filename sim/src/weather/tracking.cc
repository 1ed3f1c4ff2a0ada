// Single-axis and dual-axis tracker orientation; the model, its references and equations are in
// tracking.h.
#include "weather/tracking.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace zeropark {
namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;

double sin_deg(double deg) { return std::sin(deg * kRadPerDeg); }
double cos_deg(double deg) { return std::cos(deg * kRadPerDeg); }
double tan_deg(double deg) { return std::tan(deg * kRadPerDeg); }

// Azimuth in [0, 360).
double wrap_azimuth_deg(double azimuth_deg) {
  double wrapped = std::fmod(azimuth_deg, 360.0);
  if (wrapped < 0.0) wrapped += 360.0;
  // fmod of a value a hair below 0 can come back as exactly 360 after the addition.
  return wrapped >= 360.0 ? 0.0 : wrapped;
}

// Whether the sun is up for a tracker: the same test as poa_irradiance(), so that a tracker is
// stowed exactly when the plane receives nothing.
bool sun_is_up(double apparent_zenith_deg, double solar_azimuth_deg) {
  return std::isfinite(apparent_zenith_deg) && std::isfinite(solar_azimuth_deg) &&
         apparent_zenith_deg < 90.0;
}

}  // namespace

double ideal_tracker_rotation_deg(double axis_tilt_deg, double axis_azimuth_deg,
                                  double apparent_zenith_deg, double solar_azimuth_deg) {
  const double sin_zenith = sin_deg(apparent_zenith_deg);
  const double sun_east = sin_zenith * sin_deg(solar_azimuth_deg);
  const double sun_north = sin_zenith * cos_deg(solar_azimuth_deg);
  const double sun_up = cos_deg(apparent_zenith_deg);
  // The sun in the tracker frame: x level and across the axis, z normal to the axis and x. The
  // component along the axis does not affect the rotation.
  const double sun_x = sun_east * cos_deg(axis_azimuth_deg) - sun_north * sin_deg(axis_azimuth_deg);
  const double sun_z = sin_deg(axis_tilt_deg) * (sun_east * sin_deg(axis_azimuth_deg) +
                                                 sun_north * cos_deg(axis_azimuth_deg)) +
                       sun_up * cos_deg(axis_tilt_deg);
  return std::atan2(sun_x, sun_z) / kRadPerDeg;
}

double backtracking_rotation_deg(double ideal_rotation_deg, double gcr,
                                 double cross_axis_tilt_deg) {
  if (!(gcr > 0.0)) return ideal_rotation_deg;  // no neighbours, nothing to avoid
  // Row spacing in module widths, measured along the slope across the rows. The shadow of a row
  // reaches the next one when |cos(R - beta_c)| times it is below 1; the absolute value covers
  // suns below the plane of the array (Anderson & Mikofski, note to eq. 14).
  const double axes_distance = 1.0 / (gcr * cos_deg(cross_axis_tilt_deg));
  const double c = std::fabs(axes_distance * cos_deg(ideal_rotation_deg - cross_axis_tilt_deg));
  if (!(c < 1.0)) return ideal_rotation_deg;
  const double correction_deg = std::acos(c) / kRadPerDeg;
  const double sign = ideal_rotation_deg < 0.0 ? -1.0 : (ideal_rotation_deg > 0.0 ? 1.0 : 0.0);
  return ideal_rotation_deg - sign * correction_deg;
}

SurfaceOrientation tracker_surface_orientation(double rotation_deg, double axis_tilt_deg,
                                               double axis_azimuth_deg) {
  SurfaceOrientation surface;
  const double cos_tilt = std::clamp(cos_deg(rotation_deg) * cos_deg(axis_tilt_deg), -1.0, 1.0);
  surface.tilt_deg = std::acos(cos_tilt) / kRadPerDeg;
  const double y = sin_deg(rotation_deg);
  const double x = cos_deg(rotation_deg) * sin_deg(axis_tilt_deg);
  // Level axis, level modules: atan2(0, 0) would give the axis direction, which is not the way
  // the modules can face; take the rows' normal instead (see the header).
  const double offset_deg = (x == 0.0 && y == 0.0) ? 90.0 : std::atan2(y, x) / kRadPerDeg;
  surface.azimuth_deg = wrap_azimuth_deg(axis_azimuth_deg + offset_deg);
  return surface;
}

TrackerPosition single_axis_position(const SingleAxisTracker& tracker, double apparent_zenith_deg,
                                     double solar_azimuth_deg) {
  TrackerPosition position;
  if (sun_is_up(apparent_zenith_deg, solar_azimuth_deg)) {
    double rotation = ideal_tracker_rotation_deg(tracker.axis_tilt_deg, tracker.axis_azimuth_deg,
                                                 apparent_zenith_deg, solar_azimuth_deg);
    if (tracker.backtrack) {
      rotation = backtracking_rotation_deg(rotation, tracker.gcr, tracker.cross_axis_tilt_deg);
    }
    // The limit is on the rotation itself (from level), not on the angle to the slope's normal.
    const double limit = std::fabs(tracker.max_angle_deg);
    position.rotation_deg = std::clamp(rotation, -limit, limit);
  }
  position.surface = tracker_surface_orientation(position.rotation_deg, tracker.axis_tilt_deg,
                                                 tracker.axis_azimuth_deg);
  return position;
}

double tracker_axis_tilt_deg(double slope_azimuth_deg, double slope_tilt_deg,
                             double axis_azimuth_deg) {
  return std::atan(tan_deg(slope_tilt_deg) * cos_deg(axis_azimuth_deg - slope_azimuth_deg)) /
         kRadPerDeg;
}

double cross_axis_tilt_deg(double slope_azimuth_deg, double slope_tilt_deg, double axis_azimuth_deg,
                           double axis_tilt_deg) {
  return std::atan(-tan_deg(slope_tilt_deg) * sin_deg(axis_azimuth_deg - slope_azimuth_deg) *
                   cos_deg(axis_tilt_deg)) /
         kRadPerDeg;
}

SurfaceOrientation dual_axis_orientation(double apparent_zenith_deg, double solar_azimuth_deg,
                                         double max_tilt_deg) {
  SurfaceOrientation surface;  // stowed: flat, facing south
  if (!sun_is_up(apparent_zenith_deg, solar_azimuth_deg)) return surface;
  surface.tilt_deg = std::clamp(apparent_zenith_deg, 0.0, std::clamp(max_tilt_deg, 0.0, 90.0));
  surface.azimuth_deg = wrap_azimuth_deg(solar_azimuth_deg);
  return surface;
}

}  // namespace zeropark

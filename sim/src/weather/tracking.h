// Sun-tracking mounts: where a single-axis or a dual-axis tracker points its modules, as the
// SurfaceOrientation that poa_irradiance() (weather/irradiance.h) then uses.
//
// Single-axis tracker. The ideal ("true-tracking") rotation turns the modules about the axis
// until the sun lies in the plane that contains the axis and the module normal, which minimises
// the angle of incidence (Marion & Dobos 2013, "Rotation Angle for the Optimum Tracking of
// One-Axis Trackers", NREL/TP-6A20-58891). Backtracking then turns the rows back toward flat just
// enough that no row shades its neighbour, on level ground or on a slope across the axis
// (Anderson & Mikofski 2020, "Slope-Aware Backtracking for Single-Axis Trackers",
// NREL/TP-5K00-76626). The result is limited to +/-max_angle.
// Dual-axis ("sunflower") tracker: the module normal points at the sun, tilt limited.
//
// Conventions. Angles in degrees; azimuths clockwise from north (180 = south). The axis points
// toward axis_azimuth and is tilted down toward it by axis_tilt. The rotation is right-handed
// about that axis: 0 = modules level across the axis, positive = modules turned to face
// axis_azimuth + 90 (for an axis pointing south: negative faces east, positive faces west).
//
// What the model does with the sun below the horizon (apparent zenith >= 90 deg, or not a
// number): both trackers stow flat -- single-axis at rotation 0, dual-axis at tilt 0 -- which is
// the usual night stow. (pvlib returns NaN there instead.) Since poa_irradiance() is zero at
// those times anyway, the stow position only matters for what a trace shows.
//
// Ignores: tracker motor limits and lag, wind stow, the finite length of rows (backtracking is for
// infinitely long, evenly spaced rows) and terrain that is not a single plane.
//
// Equations (Marion & Dobos's rotation and surface angles in the vector form of Anderson &
// Mikofski, eqs. 1-5 and 14-16; the slope relations from their section on sloped terrain):
//   sun vector (E, N, up): s = (sin z sin gamma_s, sin z cos gamma_s, cos z)
//   in the tracker frame (x across the axis, level; z normal to axis and x):
//     s_x = s_E cos gamma_a - s_N sin gamma_a
//     s_z = s_E sin beta_a sin gamma_a + s_N sin beta_a cos gamma_a + s_up cos beta_a
//   ideal rotation     R_i = atan2(s_x, s_z)
//   backtracking       c = |cos(R_i - beta_c)| / (GCR cos beta_c);
//                      R = R_i - sign(R_i) acos(c) when c < 1 (rows would shade), else R_i
//   limit              R = clamp(R, -max_angle, +max_angle)
//   surface            tilt = acos(cos R cos beta_a),
//                      azimuth = gamma_a + atan2(sin R, cos R sin beta_a)  (mod 360)
//   a plane slope of tilt beta_g facing gamma_g:
//     beta_a = atan(tan beta_g cos(gamma_a - gamma_g))
//     beta_c = atan(-tan beta_g sin(gamma_a - gamma_g) cos beta_a)
// where z = apparent solar zenith, gamma_s = solar azimuth, gamma_a = axis azimuth, beta_a = axis
// tilt, beta_c = cross-axis tilt (positive when the ground across the rows falls toward x).
#pragma once

#include "weather/irradiance.h"

namespace zeropark {

// A single-axis tracker array: the axis and the spacing of its rows.
struct SingleAxisTracker {
  double axis_tilt_deg = 0.0;        // axis tilt from horizontal, down toward axis_azimuth_deg
  double axis_azimuth_deg = 180.0;   // direction the axis points; 180 = a north-south axis
  double max_angle_deg = 60.0;       // mechanical limit of the rotation, +/- from level
  bool backtrack = true;             // turn back toward level to avoid row-to-row shading
  double gcr = 0.35;                 // ground coverage ratio: module width across the axis / pitch
  double cross_axis_tilt_deg = 0.0;  // ground slope across the rows (see cross_axis_tilt_deg())
};

// Where a single-axis tracker points at one instant.
struct TrackerPosition {
  double rotation_deg = 0.0;   // about the axis, sign as in the file comment
  SurfaceOrientation surface;  // of the module front
};

// The ideal (true-tracking) rotation: no limit, no backtracking, in (-180, 180].
double ideal_tracker_rotation_deg(double axis_tilt_deg, double axis_azimuth_deg,
                                  double apparent_zenith_deg, double solar_azimuth_deg);

// The rotation after slope-aware backtracking of an ideal rotation (unchanged when the rows
// would not shade each other).
double backtracking_rotation_deg(double ideal_rotation_deg, double gcr, double cross_axis_tilt_deg);

// Orientation of the module front for a rotation about an axis. On a level axis at rotation 0 the
// surface is flat and its azimuth is reported as axis_azimuth + 90, the direction that a positive
// rotation turns to face, so that the rows' direction stays defined (see weather/bifacial.h).
SurfaceOrientation tracker_surface_orientation(double rotation_deg, double axis_tilt_deg,
                                               double axis_azimuth_deg);

// Position of a single-axis tracker for a sun position; stowed at rotation 0 while the sun is
// down (apparent zenith >= 90 deg or not finite).
TrackerPosition single_axis_position(const SingleAxisTracker& tracker, double apparent_zenith_deg,
                                     double solar_azimuth_deg);

// Tilt of a tracker axis laid on a plane slope of slope_tilt_deg facing slope_azimuth_deg.
double tracker_axis_tilt_deg(double slope_azimuth_deg, double slope_tilt_deg,
                             double axis_azimuth_deg);

// Cross-axis tilt of that slope, as SingleAxisTracker::cross_axis_tilt_deg wants it: the angle,
// in the plane normal to the axis, between level and the slope; positive when the ground falls
// toward the side a positive rotation faces (axis_azimuth + 90).
double cross_axis_tilt_deg(double slope_azimuth_deg, double slope_tilt_deg, double axis_azimuth_deg,
                           double axis_tilt_deg);

// Orientation of a dual-axis tracker: facing the sun, with the tilt limited to max_tilt_deg (the
// azimuth still follows the sun); flat (tilt 0, azimuth 180) while the sun is down.
SurfaceOrientation dual_axis_orientation(double apparent_zenith_deg, double solar_azimuth_deg,
                                         double max_tilt_deg = 90.0);

}  // namespace zeropark

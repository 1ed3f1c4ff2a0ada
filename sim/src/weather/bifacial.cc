// Two-dimensional view-factor model of the front and rear irradiance of long rows; the model, its
// references and equations are in bifacial.h.
#include "weather/bifacial.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace zeropark {
namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;

// Rows farther than the one that a point on the ground sees this close to the horizon are left
// out: the sky between them would add less than (1 - cos 2 deg) / 2 = 0.03 % of the hemisphere.
constexpr double kFarRowElevationDeg = 2.0;
constexpr int kMaxRowsEachSide = 200;

// Samples of the ground-to-sky view factor across one pitch (linearly interpolated between them;
// the view factor is smooth, and 64 samples put the interpolation error far below 0.1 %).
constexpr int kGroundSamples = 64;

// Hay-Davies projects the circumsolar light with 1 / cos(zenith); bounded at zenith 89 deg as in
// pvlib, since near the horizon the ratio would blow up on tiny DHI.
constexpr double kMinCosZenithHayDavies = 0.01745;

// No point of a row is allowed below this height (m): a row that would reach into the ground is
// outside the model, and this keeps its arithmetic finite.
constexpr double kMinClearanceM = 1e-6;

// A value that is finite and not negative, else 0 (weather files carry NaN or negative sentinels).
double non_negative(double value) { return std::isfinite(value) && value > 0.0 ? value : 0.0; }

// A point or direction in the cross-section: u across the rows, z up.
struct Vec2 {
  double u = 0.0;
  double z = 0.0;
};

Vec2 operator+(Vec2 a, Vec2 b) { return {a.u + b.u, a.z + b.z}; }
Vec2 operator-(Vec2 a, Vec2 b) { return {a.u - b.u, a.z - b.z}; }
Vec2 operator*(double s, Vec2 a) { return {s * a.u, s * a.z}; }
double cross(Vec2 a, Vec2 b) { return a.u * b.z - a.z * b.u; }

// The array seen along its rows, in the frame of the side considered (u toward where it faces).
struct Section {
  double width_m = 1.0;
  double pitch_m = 1.0;
  double height_m = 1.0;
  Vec2 normal;  // of the side
  Vec2 slant;   // unit vector across the row, from its lower edge to its upper edge
  int rows_each_side = 1;

  // Lower and upper edge of row k (row 0's centre line is at u = 0).
  Vec2 lower_edge(int k) const { return Vec2{k * pitch_m, height_m} - (0.5 * width_m) * slant; }
  Vec2 upper_edge(int k) const { return Vec2{k * pitch_m, height_m} + (0.5 * width_m) * slant; }
  // Highest point of any row.
  double top_m() const { return height_m + 0.5 * width_m * slant.z; }
  // Half the horizontal extent of a row.
  double half_span_m() const { return 0.5 * width_m * std::fabs(slant.u); }
};

Section make_section(double side_tilt_deg, double width_m, double pitch_m, double height_m,
                     int rows_each_side) {
  Section s;
  const double tilt = std::clamp(side_tilt_deg, 0.0, 180.0) * kRadPerDeg;
  s.width_m = width_m;
  s.pitch_m = pitch_m;
  s.normal = {std::sin(tilt), std::cos(tilt)};
  s.slant = {-std::cos(tilt), std::sin(tilt)};
  // Keep the lower edge above ground (see kMinClearanceM).
  s.height_m = std::max(height_m, 0.5 * width_m * s.slant.z + kMinClearanceM);
  s.rows_each_side = rows_each_side;
  return s;
}

// Rows to model on each side of a point so that the rows left out are below
// kFarRowElevationDeg as seen from the ground.
int rows_each_side_for(const Section& s) {
  const double reach_m = (s.top_m()) / std::tan(kFarRowElevationDeg * kRadPerDeg);
  const double rows = std::ceil(reach_m / s.pitch_m);
  return static_cast<int>(std::clamp(rows, 1.0, static_cast<double>(kMaxRowsEachSide)));
}

Section params_section(const BifacialParams& params, double side_tilt_deg) {
  const double width_m = std::max(params.collector_width_m, 1e-6);
  const double gcr = std::clamp(params.gcr, 1e-9, 1.0);
  Section s = make_section(side_tilt_deg, width_m, width_m / gcr, params.height_m, 1);
  s.rows_each_side = rows_each_side_for(s);
  return s;
}

// Cosine of the angle from +u at which ground point u sees a point (a row edge).
double cos_from_ground(double ground_u_m, Vec2 edge) {
  const double du = edge.u - ground_u_m;
  const double dz = std::max(edge.z, kMinClearanceM);
  return du / std::sqrt(du * du + dz * dz);
}

// Ground-to-sky view factor at ground point u, through the gaps between rows first_row ..
// first_row + row_count - 1: for each pair of neighbours, (cos a - cos b) / 2 for the sky
// between the left row's lowest-appearing edge (angle b, from +u) and the right row's
// highest-appearing edge (angle a). Angles are in (0, pi), where the cosine falls as the angle
// grows, so the cosines stand in for the angles (no trigonometric call).
double ground_sky_vf(const Section& s, double ground_u_m, int first_row, int row_count) {
  double sum = 0.0;
  double left_max_cos = 0.0;  // of the previous (left) row: its smallest angle
  for (int i = 0; i < row_count; ++i) {
    const int k = first_row + i;
    const double cos_a = cos_from_ground(ground_u_m, s.lower_edge(k));
    const double cos_b = cos_from_ground(ground_u_m, s.upper_edge(k));
    // Rows to the right appear at smaller angles; the gap is open when the right row's largest
    // angle is below the left row's smallest.
    if (i > 0) sum += std::max(0.0, std::min(cos_a, cos_b) - left_max_cos);
    left_max_cos = std::max(cos_a, cos_b);
  }
  return 0.5 * sum;
}

// The ground-to-sky view factor across one pitch, sampled for interpolation.
struct GroundSkyTable {
  std::array<double, kGroundSamples + 1> vf{};
  double pitch_m = 1.0;

  double at(double ground_u_m) const {
    const double x = ground_u_m / pitch_m;
    const double pos = (x - std::floor(x)) * kGroundSamples;
    const int i = std::min(static_cast<int>(pos), kGroundSamples - 1);
    const double frac = pos - i;
    return vf[i] + frac * (vf[i + 1] - vf[i]);
  }
};

GroundSkyTable ground_sky_table(const Section& s) {
  GroundSkyTable table;
  table.pitch_m = s.pitch_m;
  // One more row on each side than the rays use: points near the end of the pitch are a row off
  // centre.
  const int n = s.rows_each_side + 1;
  for (int i = 0; i <= kGroundSamples; ++i) {
    table.vf[i] = ground_sky_vf(s, s.pitch_m * i / kGroundSamples, -n, 2 * n + 1);
  }
  return table;
}

// The sun projected on the cross-section of a side facing side_azimuth_deg: (u, z) components of
// the unit sun vector (the component along the rows does not cast shadows across them).
Vec2 sun_in_section(double apparent_zenith_deg, double solar_azimuth_deg, double side_azimuth_deg) {
  const double zenith = apparent_zenith_deg * kRadPerDeg;
  return {std::sin(zenith) * std::cos((solar_azimuth_deg - side_azimuth_deg) * kRadPerDeg),
          std::cos(zenith)};
}

// Where rows' shadows fall on the ground: [start, start + length) repeated every pitch.
struct GroundShadow {
  double start_m = 0.0;
  double length_m = 0.0;
  double pitch_m = 1.0;

  bool lit(double ground_u_m) const {
    if (length_m >= pitch_m) return false;
    const double x = (ground_u_m - start_m) / pitch_m;
    return (x - std::floor(x)) * pitch_m >= length_m;
  }
};

GroundShadow ground_shadow(const Section& s, Vec2 sun) {
  // An edge at (u, z) throws its shadow to u - z tan(phi), tan(phi) = sun.u / sun.z.
  const double tan_phi = sun.u / sun.z;
  const Vec2 a = s.lower_edge(0);
  const Vec2 b = s.upper_edge(0);
  const double ua = a.u - a.z * tan_phi;
  const double ub = b.u - b.z * tan_phi;
  return {std::min(ua, ub), std::fabs(ub - ua), s.pitch_m};
}

// Share of row 0's width in the shadow of rows -1 and +1 (identical parallel rows farther away
// throw their shadows beyond these), for a sun in front of the side.
double shaded_fraction_in_section(const Section& s, Vec2 sun) {
  const double facing = s.normal.u * sun.u + s.normal.z * sun.z;
  if (!(facing > 0.0)) return 0.0;
  const double denom = cross(s.slant, sun);
  if (std::fabs(denom) < 1e-15) return 0.0;  // sun in the plane of the row: no beam anyway
  const Vec2 origin = s.lower_edge(0);
  std::array<double, 2> lo{}, hi{};
  int n = 0;
  for (const int k : {-1, 1}) {
    const Vec2 edges[2] = {s.lower_edge(k), s.upper_edge(k)};
    // Along the sun from each edge to row 0's line: edge + lambda sun = origin + along slant.
    double along[2], lambda[2];
    for (int e = 0; e < 2; ++e) {
      const Vec2 d = edges[e] - origin;
      along[e] = cross(d, sun) / denom;
      lambda[e] = -cross(s.slant, d) / denom;
    }
    // A row shades only if it lies between the sun and row 0 (reached going toward the sun).
    if (!(lambda[0] < 0.0 && lambda[1] < 0.0)) continue;
    const double a = std::clamp(std::min(along[0], along[1]), 0.0, s.width_m);
    const double b = std::clamp(std::max(along[0], along[1]), 0.0, s.width_m);
    if (b > a) {
      lo[n] = a;
      hi[n] = b;
      ++n;
    }
  }
  double shaded = 0.0;
  if (n == 1) shaded = hi[0] - lo[0];
  if (n == 2) {
    const double overlap = std::max(0.0, std::min(hi[0], hi[1]) - std::max(lo[0], lo[1]));
    shaded = (hi[0] - lo[0]) + (hi[1] - lo[1]) - overlap;
  }
  return std::clamp(shaded / s.width_m, 0.0, 1.0);
}

// What a ray from a point on row 0 meets first.
enum class RayHit { kSky, kGround, kRow };

RayHit cast_ray(const Section& s, Vec2 from, Vec2 dir, double* ground_u_m) {
  double best_t = std::numeric_limits<double>::infinity();
  RayHit hit = RayHit::kSky;
  // How far across the rows the ray can meet a row: to where it reaches the ground, or the rows'
  // top height; a level ray is bounded by the rows modelled.
  double far_u = from.u + (dir.u >= 0.0 ? 1.0 : -1.0) * 1e300;
  if (dir.z < 0.0) {
    best_t = -from.z / dir.z;
    hit = RayHit::kGround;
    far_u = from.u + best_t * dir.u;
  } else if (dir.z > 0.0) {
    const double rise_m = s.top_m() - from.z;
    if (rise_m <= 0.0) return RayHit::kSky;
    far_u = from.u + rise_m / dir.z * dir.u;
  }
  const double span_m = s.half_span_m();
  const int n = s.rows_each_side;
  // Rows do not overlap across the rows (a row spans at most W <= pitch) and the ray moves one way
  // in u, so the first row it meets in that order is the nearest: stop there. A ray straight up
  // or down from row 0 meets no other row.
  if (dir.u != 0.0) {
    const int step = dir.u > 0.0 ? 1 : -1;
    const double u_lo = std::min(from.u, far_u) - span_m;
    const double u_hi = std::max(from.u, far_u) + span_m;
    // Rows whose span can overlap [u_lo, u_hi], within the rows modelled.
    const int k_lo = static_cast<int>(std::max<double>(-n, std::floor(u_lo / s.pitch_m)));
    const int k_hi = static_cast<int>(std::min<double>(n, std::ceil(u_hi / s.pitch_m)));
    const int k_first = step > 0 ? std::max(1, k_lo) : std::min(-1, k_hi);
    const int k_last = step > 0 ? k_hi : k_lo;
    for (int k = k_first; step * (k_last - k) >= 0; k += step) {
      const Vec2 a = s.lower_edge(k);
      const Vec2 ab = s.upper_edge(k) - a;
      const double denom = cross(dir, ab);
      if (std::fabs(denom) < 1e-15) continue;  // parallel to the row
      const Vec2 ap = a - from;
      const double t = cross(ap, ab) / denom;
      const double along = cross(ap, dir) / denom;
      if (t > 0.0 && t < best_t && along >= 0.0 && along <= 1.0) {
        best_t = t;
        hit = RayHit::kRow;
        break;
      }
    }
  }
  if (hit == RayHit::kGround) *ground_u_m = from.u + best_t * dir.u;
  return hit;
}

double wrap_azimuth_deg(double azimuth_deg) {
  double wrapped = std::fmod(azimuth_deg, 360.0);
  if (wrapped < 0.0) wrapped += 360.0;
  return wrapped >= 360.0 ? 0.0 : wrapped;
}

bool sun_is_up(const SolarPosition& sun) {
  return std::isfinite(sun.zenith_deg) && std::isfinite(sun.azimuth_deg) && sun.zenith_deg < 90.0;
}

}  // namespace

SurfaceOrientation rear_orientation(const SurfaceOrientation& front) {
  return {180.0 - std::clamp(front.tilt_deg, 0.0, 180.0),
          wrap_azimuth_deg(front.azimuth_deg + 180.0)};
}

double unshaded_ground_fraction(double gcr, const SurfaceOrientation& side,
                                double apparent_zenith_deg, double solar_azimuth_deg) {
  if (!(std::isfinite(apparent_zenith_deg) && apparent_zenith_deg < 90.0)) return 0.0;
  const Section s = make_section(side.tilt_deg, 1.0, 1.0 / std::clamp(gcr, 1e-9, 1.0), 1e3, 1);
  const GroundShadow shadow =
      ground_shadow(s, sun_in_section(apparent_zenith_deg, solar_azimuth_deg, side.azimuth_deg));
  return 1.0 - std::min(1.0, shadow.length_m / shadow.pitch_m);
}

double row_shaded_fraction(double gcr, const SurfaceOrientation& side, double apparent_zenith_deg,
                           double solar_azimuth_deg) {
  if (!(std::isfinite(apparent_zenith_deg) && apparent_zenith_deg < 90.0)) return 0.0;
  // Shading between rows does not depend on their height; any height clear of the ground will do.
  const Section s = make_section(side.tilt_deg, 1.0, 1.0 / std::clamp(gcr, 1e-9, 1.0), 1e3, 1);
  return shaded_fraction_in_section(
      s, sun_in_section(apparent_zenith_deg, solar_azimuth_deg, side.azimuth_deg));
}

double ground_sky_view_factor(double side_tilt_deg, double width_m, double pitch_m, double height_m,
                              double ground_u_m, int rows_each_side) {
  const int n = std::max(rows_each_side, 0);
  const Section s = make_section(side_tilt_deg, width_m, pitch_m, height_m, n);
  return ground_sky_vf(s, ground_u_m, -n, 2 * n + 1);
}

double mean_ground_sky_view_factor(const BifacialParams& params, double side_tilt_deg) {
  const GroundSkyTable table = ground_sky_table(params_section(params, side_tilt_deg));
  double sum = 0.0;  // trapezoidal rule over the samples
  for (int i = 0; i < kGroundSamples; ++i) sum += 0.5 * (table.vf[i] + table.vf[i + 1]);
  return sum / kGroundSamples;
}

RowSideIrradiance row_side_irradiance(const BifacialParams& params, const SurfaceOrientation& side,
                                      const SolarPosition& sun, const HorizontalIrradiance& sky,
                                      double albedo) {
  RowSideIrradiance out;
  if (!sun_is_up(sun)) return out;

  // Split the sky into what comes from the sun's direction and the isotropic rest.
  const double cos_zenith = std::cos(sun.zenith_deg * kRadPerDeg);
  const double dni = non_negative(sky.dni_w_m2);
  const double dhi = non_negative(sky.dhi_w_m2);
  double ghi = non_negative(sky.ghi_w_m2);
  if (ghi <= 0.0) ghi = dni * std::max(0.0, cos_zenith) + dhi;
  double circumsolar_share = 0.0;
  if (params.sky_model == BifacialSkyModel::kHayDavies && sun.extraterrestrial_normal_w_m2 > 0.0) {
    circumsolar_share = std::clamp(dni / sun.extraterrestrial_normal_w_m2, 0.0, 1.0);
  }
  const double diffuse_isotropic = dhi * (1.0 - circumsolar_share);
  const double beam_horizontal = std::max(0.0, ghi - dhi) + dhi * circumsolar_share;
  const double beam_normal =
      dni + dhi * circumsolar_share / std::max(cos_zenith, kMinCosZenithHayDavies);
  const double reflectance = std::isfinite(albedo) ? std::clamp(albedo, 0.0, 1.0) : 0.0;

  const Section s = params_section(params, side.tilt_deg);
  const Vec2 sun_dir = sun_in_section(sun.zenith_deg, sun.azimuth_deg, side.azimuth_deg);

  // Beam on the part of the side the neighbours leave in the sun.
  const double aoi_deg = angle_of_incidence_deg(side, sun.zenith_deg, sun.azimuth_deg);
  const double cos_aoi = std::max(0.0, std::cos(aoi_deg * kRadPerDeg));
  out.shaded_fraction = cos_aoi > 0.0 ? shaded_fraction_in_section(s, sun_dir) : 0.0;
  out.beam_w_m2 = beam_normal * cos_aoi * (1.0 - out.shaded_fraction);

  // Diffuse: sweep the side's hemisphere from points across its width.
  const GroundSkyTable ground_sky = ground_sky_table(s);
  const GroundShadow shadow = ground_shadow(s, sun_dir);
  const double tilt_rad = std::clamp(side.tilt_deg, 0.0, 180.0) * kRadPerDeg;
  const double strip_rad = std::numbers::pi / kSideAngleBins;
  // The strips are the same for every point: their view factors and centre directions.
  std::array<double, kSideAngleBins> strip_vf{};
  std::array<Vec2, kSideAngleBins> strip_dir{};
  for (int j = 0; j < kSideAngleBins; ++j) {
    const double from_normal_lo = -0.5 * std::numbers::pi + j * strip_rad;
    strip_vf[j] = 0.5 * (std::sin(from_normal_lo + strip_rad) - std::sin(from_normal_lo));
    const double from_zenith = tilt_rad + from_normal_lo + 0.5 * strip_rad;  // toward +u
    strip_dir[j] = {std::sin(from_zenith), std::cos(from_zenith)};
  }
  double sky_view = 0.0;          // sum of strip view factors that reach the sky
  double ground_radiosity = 0.0;  // sum of strip view factor x ground irradiance
  for (int i = 0; i < kSidePoints; ++i) {
    Vec2 point = s.lower_edge(0) + ((i + 0.5) / kSidePoints * s.width_m) * s.slant;
    point.z = std::max(point.z, kMinClearanceM);
    for (int j = 0; j < kSideAngleBins; ++j) {
      double ground_u_m = 0.0;
      switch (cast_ray(s, point, strip_dir[j], &ground_u_m)) {
        case RayHit::kSky:
          sky_view += strip_vf[j];
          break;
        case RayHit::kGround:
          ground_radiosity +=
              strip_vf[j] * (beam_horizontal * (shadow.lit(ground_u_m) ? 1.0 : 0.0) +
                             diffuse_isotropic * ground_sky.at(ground_u_m));
          break;
        case RayHit::kRow:
          break;  // modules are taken as black (see the header)
      }
    }
  }
  out.sky_diffuse_w_m2 = diffuse_isotropic * sky_view / kSidePoints;
  out.ground_diffuse_w_m2 = reflectance * ground_radiosity / kSidePoints;
  out.global_w_m2 = out.beam_w_m2 + out.sky_diffuse_w_m2 + out.ground_diffuse_w_m2;
  return out;
}

RowSideIrradiance rear_irradiance(const BifacialParams& params, const SurfaceOrientation& front,
                                  const SolarPosition& sun, const HorizontalIrradiance& sky,
                                  double albedo) {
  return row_side_irradiance(params, rear_orientation(front), sun, sky, albedo);
}

double rear_irradiance_w_m2(const BifacialParams& params, const SurfaceOrientation& front,
                            const SolarPosition& sun, const HorizontalIrradiance& sky,
                            double albedo) {
  return rear_irradiance(params, front, sun, sky, albedo).global_w_m2;
}

double bifacial_effective_irradiance_w_m2(const BifacialParams& params, double front_w_m2,
                                          double rear_w_m2) {
  const double rear_kept = 1.0 - std::clamp(params.rear_shading_fraction, 0.0, 1.0);
  return non_negative(front_w_m2) +
         std::max(0.0, params.bifaciality) * non_negative(rear_w_m2) * rear_kept;
}

}  // namespace zeropark

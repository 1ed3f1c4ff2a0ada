// Solar position by the NREL Solar Position Algorithm (SPA): Reda, I. & Andreas, A., "Solar
// Position Algorithm for Solar Radiation Applications", NREL/TP-560-34302 (2003, rev. 2008).
//
// Models: the apparent topocentric position of the sun's centre for an observer on the Earth's
// ellipsoid (flattening 1/298.257), from the VSOP87 heliocentric series truncated as in the paper
// (Table A4.2), the IAU 1980 nutation (Table A4.3), aberration, apparent sidereal time, parallax
// and refraction; the incidence angle on a tilted surface; the equation of time; and sunrise,
// transit and sunset (paper appendix A.2), for the SPA's UT day and for a local calendar day.
// Ignores: polar motion, refraction beyond Saemundsson's formula scaled by pressure and
// temperature (large errors within a degree of the horizon are inherent to any such formula), and
// the sun's disc except in the sunrise/sunset altitude h0' = -0.8333 deg.
//
// Equations (step numbers of the paper, section 3):
//  3.1  JD = INT(365.25 (Y + 4716)) + INT(30.6001 (M + 1)) + D + B - 1524.5, with M <= 2 mapped to
//       the previous year's months 13, 14 and B = 2 - A + INT(A / 4), A = INT(Y / 100) (B = 0 in
//       the Julian calendar); JDE = JD + dT/86400; JC, JCE = (JD, JDE - 2451545)/36525;
//       JME = JCE/10.
//  3.2  L, B, R = sum_i (sum_j A_ij cos(B_ij + C_ij JME)) JME^i / 1e8 (radians, AU).
//  3.3  Theta = L + 180, beta = -B.
//  3.4  X0..X4 polynomials in JCE; dPsi = sum (a + b JCE) sin(sum X_j Y_ij) / 36e6,
//       dEps = sum (c + d JCE) cos(sum X_j Y_ij) / 36e6.
//  3.5  eps0 = polynomial in U = JME/10 (arcsec); eps = eps0/3600 + dEps.
//  3.6  dTau = -20.4898 / (3600 R).   3.7  lambda = Theta + dPsi + dTau.
//  3.8  nu0 = 280.46061837 + 360.98564736629 (JD - 2451545) + 0.000387933 JC^2 - JC^3/38710000;
//       nu = nu0 + dPsi cos(eps).
//  3.9  alpha = atan2(sin(lambda) cos(eps) - tan(beta) sin(eps), cos(lambda)).
//  3.10 delta = asin(sin(beta) cos(eps) + cos(beta) sin(eps) sin(lambda)).
//  3.11 H = nu + longitude - alpha.
//  3.12 xi = 8.794 / (3600 R); u = atan(0.99664719 tan(lat)); x = cos u + E/6378140 cos(lat);
//       y = 0.99664719 sin u + E/6378140 sin(lat);
//       dAlpha = atan2(-x sin(xi) sin(H), cos(delta) - x sin(xi) cos(H));
//       delta' = atan2((sin(delta) - y sin(xi)) cos(dAlpha), cos(delta) - x sin(xi) cos(H)).
//  3.13 H' = H - dAlpha.
//  3.14 e0 = asin(sin(lat) sin(delta') + cos(lat) cos(delta') cos(H'));
//       de = (P/1010)(283/(273+T)) 1.02 / (60 tan(e0 + 10.3/(e0 + 5.11))) when the sun's upper
//       limb is above the refracted horizon; e = e0 + de; zenith = 90 - e.
//  3.15 Gamma = atan2(sin H', cos H' sin(lat) - tan(delta') cos(lat)); azimuth = Gamma + 180.
//  3.16 incidence = acos(cos(zenith) cos(slope) + sin(slope) sin(zenith) cos(Gamma - rotation)).
//  A.1  EOT = M - 0.0057183 - alpha + dPsi cos(eps), M = sun's mean longitude (minutes = 4 deg).
//  A.2  rise/transit/set from alpha, delta at 0 h TT of the day before, the day and the day after,
//       interpolated, with one correction step each.
// The coefficient tables below are transcribed from the paper's Tables A4.2 and A4.3.
#include "weather/solar_position.h"

#include <array>
#include <cmath>
#include <numbers>

namespace zeropark {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kDegPerRad = 180.0 / kPi;

double rad(double deg) { return deg / kDegPerRad; }
double deg(double rad_value) { return rad_value * kDegPerRad; }

// Angle in [0, 360).
double limit_degrees(double degrees) {
  double limited = std::fmod(degrees, 360.0);
  if (limited < 0.0) limited += 360.0;
  return limited;
}

// Angle in [-180, 180].
double limit_degrees_180pm(double degrees) {
  double limited = limit_degrees(degrees);
  if (limited > 180.0) limited -= 360.0;
  return limited;
}

// Fraction in [0, 1).
double limit_zero_to_one(double value) {
  double limited = value - std::floor(value);
  return limited;
}

// Equation of time in minutes within [-20, 20] (the raw value can wrap by a whole day).
double limit_minutes(double minutes) {
  double limited = minutes;
  if (limited < -20.0) limited += 1440.0;
  else if (limited > 20.0) limited -= 1440.0;
  return limited;
}

// One periodic term A cos(B + C x) of the heliocentric series.
struct PeriodicTerm {
  double a;
  double b;
  double c;
};

// Table A4.2, Earth periodic terms (VSOP87 truncated).
constexpr PeriodicTerm kL0[] = {
    {175347046.0, 0.0, 0.0},         {3341656.0, 4.6692568, 6283.07585},
    {34894.0, 4.6261, 12566.1517},   {3497.0, 2.7441, 5753.3849},
    {3418.0, 2.8289, 3.5231},        {3136.0, 3.6277, 77713.7715},
    {2676.0, 4.4181, 7860.4194},     {2343.0, 6.1352, 3930.2097},
    {1324.0, 0.7425, 11506.7698},    {1273.0, 2.0371, 529.691},
    {1199.0, 1.1096, 1577.3435},     {990.0, 5.233, 5884.927},
    {902.0, 2.045, 26.298},          {857.0, 3.508, 398.149},
    {780.0, 1.179, 5223.694},        {753.0, 2.533, 5507.553},
    {505.0, 4.583, 18849.228},       {492.0, 4.205, 775.523},
    {357.0, 2.92, 0.067},            {317.0, 5.849, 11790.629},
    {284.0, 1.899, 796.298},         {271.0, 0.315, 10977.079},
    {243.0, 0.345, 5486.778},        {206.0, 4.806, 2544.314},
    {205.0, 1.869, 5573.143},        {202.0, 2.458, 6069.777},
    {156.0, 0.833, 213.299},         {132.0, 3.411, 2942.463},
    {126.0, 1.083, 20.775},          {115.0, 0.645, 0.98},
    {103.0, 0.636, 4694.003},        {102.0, 0.976, 15720.839},
    {102.0, 4.267, 7.114},           {99.0, 6.21, 2146.17},
    {98.0, 0.68, 155.42},            {86.0, 5.98, 161000.69},
    {85.0, 1.3, 6275.96},            {85.0, 3.67, 71430.7},
    {80.0, 1.81, 17260.15},          {79.0, 3.04, 12036.46},
    {75.0, 1.76, 5088.63},           {74.0, 3.5, 3154.69},
    {74.0, 4.68, 801.82},            {70.0, 0.83, 9437.76},
    {62.0, 3.98, 8827.39},           {61.0, 1.82, 7084.9},
    {57.0, 2.78, 6286.6},            {56.0, 4.39, 14143.5},
    {56.0, 3.47, 6279.55},           {52.0, 0.19, 12139.55},
    {52.0, 1.33, 1748.02},           {51.0, 0.28, 5856.48},
    {49.0, 0.49, 1194.45},           {41.0, 5.37, 8429.24},
    {41.0, 2.4, 19651.05},           {39.0, 6.17, 10447.39},
    {37.0, 6.04, 10213.29},          {37.0, 2.57, 1059.38},
    {36.0, 1.71, 2352.87},           {36.0, 1.78, 6812.77},
    {33.0, 0.59, 17789.85},          {30.0, 0.44, 83996.85},
    {30.0, 2.74, 1349.87},           {25.0, 3.16, 4690.48},
};
constexpr PeriodicTerm kL1[] = {
    {628331966747.0, 0.0, 0.0}, {206059.0, 2.678235, 6283.07585}, {4303.0, 2.6351, 12566.1517},
    {425.0, 1.59, 3.523},       {119.0, 5.796, 26.298},           {109.0, 2.966, 1577.344},
    {93.0, 2.59, 18849.23},     {72.0, 1.14, 529.69},             {68.0, 1.87, 398.15},
    {67.0, 4.41, 5507.55},      {59.0, 2.89, 5223.69},            {56.0, 2.17, 155.42},
    {45.0, 0.4, 796.3},         {36.0, 0.47, 775.52},             {29.0, 2.65, 7.11},
    {21.0, 5.34, 0.98},         {19.0, 1.85, 5486.78},            {19.0, 4.97, 213.3},
    {17.0, 2.99, 6275.96},      {16.0, 0.03, 2544.31},            {16.0, 1.43, 2146.17},
    {15.0, 1.21, 10977.08},     {12.0, 2.83, 1748.02},            {12.0, 3.26, 5088.63},
    {12.0, 5.27, 1194.45},      {12.0, 2.08, 4694.0},             {11.0, 0.77, 553.57},
    {10.0, 1.3, 6286.6},        {10.0, 4.24, 1349.87},            {9.0, 2.7, 242.73},
    {9.0, 5.64, 951.72},        {8.0, 5.3, 2352.87},              {6.0, 2.65, 9437.76},
    {6.0, 4.67, 4690.48},
};
constexpr PeriodicTerm kL2[] = {
    {52919.0, 0.0, 0.0},    {8720.0, 1.0721, 6283.0758}, {309.0, 0.867, 12566.152},
    {27.0, 0.05, 3.52},     {16.0, 5.19, 26.3},          {16.0, 3.68, 155.42},
    {10.0, 0.76, 18849.23}, {9.0, 2.06, 77713.77},       {7.0, 0.83, 775.52},
    {5.0, 4.66, 1577.34},   {4.0, 1.03, 7.11},           {4.0, 3.44, 5573.14},
    {3.0, 5.14, 796.3},     {3.0, 6.05, 5507.55},        {3.0, 1.19, 242.73},
    {3.0, 6.12, 529.69},    {3.0, 0.31, 398.15},         {3.0, 2.28, 553.57},
    {2.0, 4.38, 5223.69},   {2.0, 3.75, 0.98},
};
constexpr PeriodicTerm kL3[] = {
    {289.0, 5.844, 6283.076}, {35.0, 0.0, 0.0},      {17.0, 5.49, 12566.15},
    {3.0, 5.2, 155.42},       {1.0, 4.72, 3.52},     {1.0, 5.3, 18849.23},
    {1.0, 5.97, 242.73},
};
constexpr PeriodicTerm kL4[] = {
    {114.0, 3.142, 0.0}, {8.0, 4.13, 6283.08}, {1.0, 3.84, 12566.15},
};
constexpr PeriodicTerm kL5[] = {
    {1.0, 3.14, 0.0},
};
constexpr PeriodicTerm kB0[] = {
    {280.0, 3.199, 84334.662}, {102.0, 5.422, 5507.553}, {80.0, 3.88, 5223.69},
    {44.0, 3.7, 2352.87},      {32.0, 4.0, 1577.34},
};
constexpr PeriodicTerm kB1[] = {
    {9.0, 3.9, 5507.55}, {6.0, 1.73, 5223.69},
};
constexpr PeriodicTerm kR0[] = {
    {100013989.0, 0.0, 0.0},     {1670700.0, 3.0984635, 6283.07585},
    {13956.0, 3.05525, 12566.1517}, {3084.0, 5.1985, 77713.7715},
    {1628.0, 1.1739, 5753.3849}, {1576.0, 2.8469, 7860.4194},
    {925.0, 5.453, 11506.77},    {542.0, 4.564, 3930.21},
    {472.0, 3.661, 5884.927},    {346.0, 0.964, 5507.553},
    {329.0, 5.9, 5223.694},      {307.0, 0.299, 5573.143},
    {243.0, 4.273, 11790.629},   {212.0, 5.847, 1577.344},
    {186.0, 5.022, 10977.079},   {175.0, 3.012, 18849.228},
    {110.0, 5.055, 5486.778},    {98.0, 0.89, 6069.78},
    {86.0, 5.69, 15720.84},      {86.0, 1.27, 161000.69},
    {65.0, 0.27, 17260.15},      {63.0, 0.92, 529.69},
    {57.0, 2.01, 83996.85},      {56.0, 5.24, 71430.7},
    {49.0, 3.25, 2544.31},       {47.0, 2.58, 775.52},
    {45.0, 5.54, 9437.76},       {43.0, 6.01, 6275.96},
    {39.0, 5.36, 4694.0},        {38.0, 2.39, 8827.39},
    {37.0, 0.83, 19651.05},      {37.0, 4.9, 12139.55},
    {36.0, 1.67, 12036.46},      {35.0, 1.84, 2942.46},
    {33.0, 0.24, 7084.9},        {32.0, 0.18, 5088.63},
    {32.0, 1.78, 398.15},        {28.0, 1.21, 6286.6},
    {28.0, 1.9, 6279.55},        {26.0, 4.59, 10447.39},
};
constexpr PeriodicTerm kR1[] = {
    {103019.0, 1.10749, 6283.07585}, {1721.0, 1.0644, 12566.1517}, {702.0, 3.142, 0.0},
    {32.0, 1.02, 18849.23},          {31.0, 2.84, 5507.55},        {25.0, 1.32, 5223.69},
    {18.0, 1.42, 1577.34},           {10.0, 5.91, 10977.08},       {9.0, 1.42, 6275.96},
    {9.0, 0.27, 5486.78},
};
constexpr PeriodicTerm kR2[] = {
    {4359.0, 5.7846, 6283.0758}, {124.0, 5.579, 12566.152}, {12.0, 3.14, 0.0},
    {9.0, 3.63, 77713.77},       {6.0, 1.87, 5573.14},      {3.0, 5.47, 18849.23},
};
constexpr PeriodicTerm kR3[] = {
    {145.0, 4.273, 6283.076}, {7.0, 3.92, 12566.15},
};
constexpr PeriodicTerm kR4[] = {
    {4.0, 2.56, 6283.08},
};

// Table A4.3: multiples of X0..X4 in each nutation argument, and the coefficients a, b (for dPsi)
// and c, d (for dEps) in units of 0.0001 arc second.
struct NutationTerm {
  std::array<signed char, 5> y;
  double a;
  double b;
  double c;
  double d;
};

constexpr NutationTerm kNutation[] = {
    {{0, 0, 0, 0, 1}, -171996, -174.2, 92025, 8.9},
    {{-2, 0, 0, 2, 2}, -13187, -1.6, 5736, -3.1},
    {{0, 0, 0, 2, 2}, -2274, -0.2, 977, -0.5},
    {{0, 0, 0, 0, 2}, 2062, 0.2, -895, 0.5},
    {{0, 1, 0, 0, 0}, 1426, -3.4, 54, -0.1},
    {{0, 0, 1, 0, 0}, 712, 0.1, -7, 0},
    {{-2, 1, 0, 2, 2}, -517, 1.2, 224, -0.6},
    {{0, 0, 0, 2, 1}, -386, -0.4, 200, 0},
    {{0, 0, 1, 2, 2}, -301, 0, 129, -0.1},
    {{-2, -1, 0, 2, 2}, 217, -0.5, -95, 0.3},
    {{-2, 0, 1, 0, 0}, -158, 0, 0, 0},
    {{-2, 0, 0, 2, 1}, 129, 0.1, -70, 0},
    {{0, 0, -1, 2, 2}, 123, 0, -53, 0},
    {{2, 0, 0, 0, 0}, 63, 0, 0, 0},
    {{0, 0, 1, 0, 1}, 63, 0.1, -33, 0},
    {{2, 0, -1, 2, 2}, -59, 0, 26, 0},
    {{0, 0, -1, 0, 1}, -58, -0.1, 32, 0},
    {{0, 0, 1, 2, 1}, -51, 0, 27, 0},
    {{-2, 0, 2, 0, 0}, 48, 0, 0, 0},
    {{0, 0, -2, 2, 1}, 46, 0, -24, 0},
    {{2, 0, 0, 2, 2}, -38, 0, 16, 0},
    {{0, 0, 2, 2, 2}, -31, 0, 13, 0},
    {{0, 0, 2, 0, 0}, 29, 0, 0, 0},
    {{-2, 0, 1, 2, 2}, 29, 0, -12, 0},
    {{0, 0, 0, 2, 0}, 26, 0, 0, 0},
    {{-2, 0, 0, 2, 0}, -22, 0, 0, 0},
    {{0, 0, -1, 2, 1}, 21, 0, -10, 0},
    {{0, 2, 0, 0, 0}, 17, -0.1, 0, 0},
    {{2, 0, -1, 0, 1}, 16, 0, -8, 0},
    {{-2, 2, 0, 2, 2}, -16, 0.1, 7, 0},
    {{0, 1, 0, 0, 1}, -15, 0, 9, 0},
    {{-2, 0, 1, 0, 1}, -13, 0, 7, 0},
    {{0, -1, 0, 0, 1}, -12, 0, 6, 0},
    {{0, 0, 2, -2, 0}, 11, 0, 0, 0},
    {{2, 0, -1, 2, 1}, -10, 0, 5, 0},
    {{2, 0, 1, 2, 2}, -8, 0, 3, 0},
    {{0, 1, 0, 2, 2}, 7, 0, -3, 0},
    {{-2, 1, 1, 0, 0}, -7, 0, 0, 0},
    {{0, -1, 0, 2, 2}, -7, 0, 3, 0},
    {{2, 0, 0, 2, 1}, -7, 0, 3, 0},
    {{2, 0, 1, 0, 0}, 6, 0, 0, 0},
    {{-2, 0, 2, 2, 2}, 6, 0, -3, 0},
    {{-2, 0, 1, 2, 1}, 6, 0, -3, 0},
    {{2, 0, -2, 0, 1}, -6, 0, 3, 0},
    {{2, 0, 0, 0, 1}, -6, 0, 3, 0},
    {{0, -1, 1, 0, 0}, 5, 0, 0, 0},
    {{-2, -1, 0, 2, 1}, -5, 0, 3, 0},
    {{-2, 0, 0, 0, 1}, -5, 0, 3, 0},
    {{0, 0, 2, 2, 1}, -5, 0, 3, 0},
    {{-2, 0, 2, 0, 1}, 4, 0, 0, 0},
    {{-2, 1, 0, 2, 1}, 4, 0, 0, 0},
    {{0, 0, 1, -2, 0}, 4, 0, 0, 0},
    {{-1, 0, 1, 0, 0}, -4, 0, 0, 0},
    {{-2, 1, 0, 0, 0}, -4, 0, 0, 0},
    {{1, 0, 0, 0, 0}, -4, 0, 0, 0},
    {{0, 0, 1, 2, 0}, 3, 0, 0, 0},
    {{0, 0, -2, 2, 2}, -3, 0, 0, 0},
    {{-1, -1, 1, 0, 0}, -3, 0, 0, 0},
    {{0, 1, 1, 0, 0}, -3, 0, 0, 0},
    {{0, -1, 1, 2, 2}, -3, 0, 0, 0},
    {{2, -1, -1, 2, 2}, -3, 0, 0, 0},
    {{0, 0, 3, 2, 2}, -3, 0, 0, 0},
    {{2, -1, 0, 2, 2}, -3, 0, 0, 0},
};

// Sum of one series A cos(B + C jme); summed in table order so the result is reproducible.
template <std::size_t N>
double series_sum(const PeriodicTerm (&terms)[N], double jme) {
  double sum = 0.0;
  for (const PeriodicTerm& term : terms) sum += term.a * std::cos(term.b + term.c * jme);
  return sum;
}

// Horner evaluation of sum_i s[i] jme^i / 1e8 (radians).
double series_polynomial(const double* sums, int count, double jme) {
  double value = 0.0;
  for (int i = count - 1; i >= 0; --i) value = value * jme + sums[i];
  return value / 1.0e8;
}

double heliocentric_longitude_deg(double jme) {
  const double sums[6] = {series_sum(kL0, jme), series_sum(kL1, jme), series_sum(kL2, jme),
                          series_sum(kL3, jme), series_sum(kL4, jme), series_sum(kL5, jme)};
  return limit_degrees(deg(series_polynomial(sums, 6, jme)));
}

double heliocentric_latitude_deg(double jme) {
  const double sums[2] = {series_sum(kB0, jme), series_sum(kB1, jme)};
  return deg(series_polynomial(sums, 2, jme));
}

double heliocentric_radius_au(double jme) {
  const double sums[5] = {series_sum(kR0, jme), series_sum(kR1, jme), series_sum(kR2, jme),
                          series_sum(kR3, jme), series_sum(kR4, jme)};
  return series_polynomial(sums, 5, jme);
}

double third_order(double a, double b, double c, double d, double x) {
  return ((a * x + b) * x + c) * x + d;
}

// The geocentric quantities that depend only on time (steps 3.1-3.10, without the observer).
struct Geocentric {
  double jd, jc, jde, jce, jme;
  double L, B, R, theta, beta;
  double x[5];
  double delta_psi, delta_epsilon, epsilon0_arcsec, epsilon, delta_tau, lambda;
  double nu0, nu, alpha, delta;
};

Geocentric geocentric_sun(double jd, double delta_t_s) {
  Geocentric g{};
  g.jd = jd;
  g.jc = (jd - 2451545.0) / 36525.0;
  g.jde = julian_ephemeris_day(jd, delta_t_s);
  g.jce = (g.jde - 2451545.0) / 36525.0;
  g.jme = g.jce / 10.0;

  g.L = heliocentric_longitude_deg(g.jme);
  g.B = heliocentric_latitude_deg(g.jme);
  g.R = heliocentric_radius_au(g.jme);
  g.theta = limit_degrees(g.L + 180.0);
  g.beta = -g.B;

  // Mean elongation of the moon, mean anomalies of sun and moon, moon's argument of latitude,
  // longitude of the moon's ascending node (degrees).
  const double jce = g.jce;
  g.x[0] = third_order(1.0 / 189474.0, -0.0019142, 445267.11148, 297.85036, jce);
  g.x[1] = third_order(-1.0 / 300000.0, -0.0001603, 35999.05034, 357.52772, jce);
  g.x[2] = third_order(1.0 / 56250.0, 0.0086972, 477198.867398, 134.96298, jce);
  g.x[3] = third_order(1.0 / 327270.0, -0.0036825, 483202.017538, 93.27191, jce);
  g.x[4] = third_order(1.0 / 450000.0, 0.0020708, -1934.136261, 125.04452, jce);

  double sum_psi = 0.0;
  double sum_epsilon = 0.0;
  for (const NutationTerm& term : kNutation) {
    double argument = 0.0;
    for (int j = 0; j < 5; ++j) argument += g.x[j] * term.y[j];
    const double argument_rad = rad(argument);
    sum_psi += (term.a + term.b * jce) * std::sin(argument_rad);
    sum_epsilon += (term.c + term.d * jce) * std::cos(argument_rad);
  }
  g.delta_psi = sum_psi / 36000000.0;
  g.delta_epsilon = sum_epsilon / 36000000.0;

  const double u = g.jme / 10.0;
  // Mean obliquity (Laskar 1986 series, valid to 0.01" over 1000 years around J2000), Horner form.
  constexpr double kObliquity[] = {84381.448, -4680.93, -1.55,  1999.25, -51.38, -249.67,
                                   -39.05,    7.12,     27.87, 5.79,    2.45};
  double epsilon0 = 0.0;
  for (int i = 10; i >= 0; --i) epsilon0 = epsilon0 * u + kObliquity[i];
  g.epsilon0_arcsec = epsilon0;
  g.epsilon = epsilon0 / 3600.0 + g.delta_epsilon;

  g.delta_tau = -20.4898 / (3600.0 * g.R);
  g.lambda = g.theta + g.delta_psi + g.delta_tau;

  g.nu0 = limit_degrees(280.46061837 + 360.98564736629 * (jd - 2451545.0) +
                        g.jc * g.jc * (0.000387933 - g.jc / 38710000.0));
  g.nu = g.nu0 + g.delta_psi * std::cos(rad(g.epsilon));

  const double lambda_rad = rad(g.lambda);
  const double epsilon_rad = rad(g.epsilon);
  const double beta_rad = rad(g.beta);
  g.alpha = limit_degrees(deg(std::atan2(
      std::sin(lambda_rad) * std::cos(epsilon_rad) - std::tan(beta_rad) * std::sin(epsilon_rad),
      std::cos(lambda_rad))));
  g.delta = deg(std::asin(std::sin(beta_rad) * std::cos(epsilon_rad) +
                          std::cos(beta_rad) * std::sin(epsilon_rad) * std::sin(lambda_rad)));
  return g;
}

// The observer-dependent part (steps 3.11-3.15).
struct Topocentric {
  double H, xi, delta_alpha, alpha_prime, delta_prime, H_prime;
  double e0, delta_e, e, zenith, azimuth_astro, azimuth;
};

Topocentric topocentric_sun(const Geocentric& g, double latitude_deg, double longitude_deg,
                            double elevation_m, double pressure_mbar, double temperature_c,
                            double atmos_refract_deg) {
  Topocentric t{};
  t.H = limit_degrees(g.nu + longitude_deg - g.alpha);

  // Parallax of an observer at elevation_m on the reference ellipsoid (flattening 1/298.257).
  t.xi = 8.794 / (3600.0 * g.R);
  const double lat_rad = rad(latitude_deg);
  const double xi_rad = rad(t.xi);
  const double h_rad = rad(t.H);
  const double delta_rad = rad(g.delta);
  const double u = std::atan(0.99664719 * std::tan(lat_rad));
  const double x = std::cos(u) + elevation_m * std::cos(lat_rad) / 6378140.0;
  const double y = 0.99664719 * std::sin(u) + elevation_m * std::sin(lat_rad) / 6378140.0;
  const double denominator = std::cos(delta_rad) - x * std::sin(xi_rad) * std::cos(h_rad);
  const double delta_alpha_rad = std::atan2(-x * std::sin(xi_rad) * std::sin(h_rad), denominator);
  t.delta_alpha = deg(delta_alpha_rad);
  t.alpha_prime = g.alpha + t.delta_alpha;
  t.delta_prime = deg(std::atan2(
      (std::sin(delta_rad) - y * std::sin(xi_rad)) * std::cos(delta_alpha_rad), denominator));
  t.H_prime = t.H - t.delta_alpha;

  const double delta_prime_rad = rad(t.delta_prime);
  const double h_prime_rad = rad(t.H_prime);
  t.e0 = deg(std::asin(std::sin(lat_rad) * std::sin(delta_prime_rad) +
                       std::cos(lat_rad) * std::cos(delta_prime_rad) * std::cos(h_prime_rad)));

  // Refraction only while the sun's upper limb (0.26667 deg above its centre) is above the
  // refracted horizon; below that the formula diverges and the sun is not seen anyway.
  constexpr double kSunRadiusDeg = 0.26667;
  t.delta_e = 0.0;
  if (t.e0 >= -1.0 * (kSunRadiusDeg + atmos_refract_deg)) {
    t.delta_e = (pressure_mbar / 1010.0) * (283.0 / (273.0 + temperature_c)) * 1.02 /
                (60.0 * std::tan(rad(t.e0 + 10.3 / (t.e0 + 5.11))));
  }
  t.e = t.e0 + t.delta_e;
  t.zenith = 90.0 - t.e;

  t.azimuth_astro = limit_degrees(deg(std::atan2(
      std::sin(h_prime_rad),
      std::cos(h_prime_rad) * std::sin(lat_rad) - std::tan(delta_prime_rad) * std::cos(lat_rad))));
  t.azimuth = limit_degrees(t.azimuth_astro + 180.0);
  return t;
}

// Equation of time, minutes (appendix A.1).
double equation_of_time_min(const Geocentric& g) {
  const double jme = g.jme;
  const double m = limit_degrees(
      280.4664567 +
      jme * (360007.6982779 +
             jme * (0.03032028 +
                    jme * (1.0 / 49931.0 + jme * (-1.0 / 15300.0 + jme * (-1.0 / 2000000.0))))));
  const double e = m - 0.0057183 - g.alpha + g.delta_psi * std::cos(rad(g.epsilon));
  return limit_minutes(limit_degrees(e) * 4.0);
}

// Interpolates alpha or delta across the three days (appendix A.2, step 8).
double interpolate_three_days(const double values[3], double n) {
  double a = values[1] - values[0];
  double b = values[2] - values[1];
  // Right ascension wraps at 360: a jump of more than 2 deg in a day can only be the wrap.
  if (std::fabs(a) >= 2.0) a = limit_zero_to_one(a);
  if (std::fabs(b) >= 2.0) b = limit_zero_to_one(b);
  return values[1] + n * (a + b + (b - a) * n) / 2.0;
}

double day_fraction_to_local_hours(double day_fraction, double timezone_h) {
  return 24.0 * limit_zero_to_one(day_fraction + timezone_h / 24.0);
}

// Sun transit, sunrise and sunset as fractions of the UT day that starts at jd0 (0 h UT), by the
// SPA's appendix A.2. Rise and set are meaningful only for kRiseAndSet.
struct RiseTransitSet {
  SunDay sun_day = SunDay::kRiseAndSet;
  double transit = 0.0;
  double sunrise = 0.0;
  double sunset = 0.0;
};

RiseTransitSet rise_transit_set(double jd0, double latitude_deg, double longitude_deg,
                                double delta_t_s) {
  RiseTransitSet out;
  const double nu = geocentric_sun(jd0, delta_t_s).nu;

  // Geocentric alpha, delta at 0 h TT of the day before, the day itself and the day after.
  double alpha[3];
  double delta[3];
  for (int i = 0; i < 3; ++i) {
    const Geocentric g = geocentric_sun(jd0 + (i - 1), 0.0);
    alpha[i] = g.alpha;
    delta[i] = g.delta;
  }

  const double lat_rad = rad(latitude_deg);
  constexpr double kH0PrimeDeg = -0.8333;  // sun's centre at sunrise: radius + refraction
  const double m0 = (alpha[1] - longitude_deg - nu) / 360.0;
  const double cos_h0 = (std::sin(rad(kH0PrimeDeg)) - std::sin(lat_rad) * std::sin(rad(delta[1]))) /
                        (std::cos(lat_rad) * std::cos(rad(delta[1])));

  double h0 = 0.0;  // sunrise hour angle
  if (std::fabs(cos_h0) <= 1.0) {
    h0 = deg(std::acos(cos_h0));  // within [0, 180]
  } else {
    out.sun_day = cos_h0 < -1.0 ? SunDay::kAlwaysUp : SunDay::kAlwaysDown;
  }
  double m[3];
  m[0] = limit_zero_to_one(m0);
  m[1] = limit_zero_to_one(m0 - h0 / 360.0);
  m[2] = limit_zero_to_one(m0 + h0 / 360.0);

  double h_prime[3];
  double delta_prime[3];
  double altitude[3];
  for (int i = 0; i < 3; ++i) {
    const double nu_i = nu + 360.985647 * m[i];
    const double n = m[i] + delta_t_s / 86400.0;
    const double alpha_i = interpolate_three_days(alpha, n);
    delta_prime[i] = interpolate_three_days(delta, n);
    h_prime[i] = limit_degrees_180pm(nu_i + longitude_deg - alpha_i);
    altitude[i] = deg(std::asin(std::sin(lat_rad) * std::sin(rad(delta_prime[i])) +
                                std::cos(lat_rad) * std::cos(rad(delta_prime[i])) *
                                    std::cos(rad(h_prime[i]))));
  }

  out.transit = m[0] - h_prime[0] / 360.0;
  if (out.sun_day != SunDay::kRiseAndSet) return out;
  // One Newton-like correction of the first guess, from the altitude error at the guess.
  const auto corrected = [&](int i) {
    return m[i] + (altitude[i] - kH0PrimeDeg) /
                      (360.0 * std::cos(rad(delta_prime[i])) * std::cos(lat_rad) *
                       std::sin(rad(h_prime[i])));
  };
  out.sunrise = corrected(1);
  out.sunset = corrected(2);
  return out;
}

}  // namespace

double julian_day_ut(int year, int month, int day, double seconds_into_local_day,
                     double utc_offset_h) {
  int y = year;
  int m = month;
  if (m <= 2) {  // January and February count as months 13 and 14 of the previous year
    y -= 1;
    m += 12;
  }
  const double day_decimal =
      day + (seconds_into_local_day / 3600.0 - utc_offset_h) / 24.0;
  // INT() of the paper is truncation toward zero; both arguments are positive for years > -4716.
  double jd = std::trunc(365.25 * (y + 4716.0)) + std::trunc(30.6001 * (m + 1)) + day_decimal -
              1524.5;
  if (jd > 2299160.0) {  // Gregorian calendar from 1582-10-15
    const double a = std::trunc(y / 100.0);
    jd += 2.0 - a + std::trunc(a / 4.0);
  }
  return jd;
}

double julian_ephemeris_day(double julian_day_ut, double delta_t_s) {
  return julian_day_ut + delta_t_s / 86400.0;
}

SpaResult spa_calculate(const SpaInput& in) {
  SpaResult out;
  const double seconds_into_day =
      in.hour * 3600.0 + in.minute * 60.0 + in.second + in.delta_ut1_s;
  const Geocentric g = geocentric_sun(
      julian_day_ut(in.year, in.month, in.day, seconds_into_day, in.timezone_h), in.delta_t_s);
  out.jd = g.jd;
  out.jc = g.jc;
  out.jde = g.jde;
  out.jce = g.jce;
  out.jme = g.jme;
  out.L = g.L;
  out.B = g.B;
  out.R_au = g.R;
  out.theta = g.theta;
  out.beta = g.beta;
  out.x0 = g.x[0];
  out.x1 = g.x[1];
  out.x2 = g.x[2];
  out.x3 = g.x[3];
  out.x4 = g.x[4];
  out.delta_psi = g.delta_psi;
  out.delta_epsilon = g.delta_epsilon;
  out.epsilon0_arcsec = g.epsilon0_arcsec;
  out.epsilon = g.epsilon;
  out.delta_tau = g.delta_tau;
  out.lambda = g.lambda;
  out.nu0 = g.nu0;
  out.nu = g.nu;
  out.alpha = g.alpha;
  out.delta = g.delta;

  const Topocentric t = topocentric_sun(g, in.latitude_deg, in.longitude_deg, in.elevation_m,
                                        in.pressure_mbar, in.temperature_c, in.atmos_refract_deg);
  out.H = t.H;
  out.xi = t.xi;
  out.delta_alpha = t.delta_alpha;
  out.alpha_prime = t.alpha_prime;
  out.delta_prime = t.delta_prime;
  out.H_prime = t.H_prime;
  out.e0 = t.e0;
  out.delta_e = t.delta_e;
  out.e = t.e;
  out.zenith = t.zenith;
  out.azimuth_astro = t.azimuth_astro;
  out.azimuth = t.azimuth;

  const double zenith_rad = rad(t.zenith);
  const double slope_rad = rad(in.slope_deg);
  const double cos_incidence =
      std::cos(zenith_rad) * std::cos(slope_rad) +
      std::sin(slope_rad) * std::sin(zenith_rad) *
          std::cos(rad(t.azimuth_astro - in.azm_rotation_deg));
  out.incidence = deg(std::acos(std::fmax(-1.0, std::fmin(1.0, cos_incidence))));

  out.eot_min = equation_of_time_min(g);

  const RiseTransitSet rts = rise_transit_set(julian_day_ut(in.year, in.month, in.day, 0.0, 0.0),
                                              in.latitude_deg, in.longitude_deg, in.delta_t_s);
  out.sun_day = rts.sun_day;
  out.transit_h = day_fraction_to_local_hours(rts.transit, in.timezone_h);
  if (rts.sun_day == SunDay::kRiseAndSet) {
    out.sunrise_h = day_fraction_to_local_hours(rts.sunrise, in.timezone_h);
    out.sunset_h = day_fraction_to_local_hours(rts.sunset, in.timezone_h);
  }
  return out;
}

SunTimes sun_times(const SolarSite& site, int year, int month, int day, double utc_offset_h) {
  // Local midnight of the day, and the SPA events of the UT days around it expressed in hours
  // since that midnight. A local day overlaps two UT days, so each event is searched among the
  // UT days before, of, and after the date (and the sunset one more day on, for the first sunset
  // after a late sunrise).
  const double jd_utc_date = julian_day_ut(year, month, day, 0.0, 0.0);
  const double local_midnight_jd = julian_day_ut(year, month, day, 0.0, utc_offset_h);
  SunTimes times;
  std::optional<double> sunrise;
  std::optional<double> transit;
  double sunsets[4];
  int sunset_count = 0;
  for (int offset = -1; offset <= 2; ++offset) {
    const double jd0 = jd_utc_date + offset;
    const RiseTransitSet rts =
        rise_transit_set(jd0, site.latitude_deg, site.longitude_deg, site.delta_t_s);
    const auto local_hours = [&](double fraction) {
      return (jd0 + fraction - local_midnight_jd) * 24.0;
    };
    const double transit_h = local_hours(rts.transit);
    if (!transit && transit_h >= 0.0 && transit_h < 24.0) transit = transit_h;
    if (rts.sun_day != SunDay::kRiseAndSet) continue;
    const double sunrise_h = local_hours(rts.sunrise);
    if (!sunrise && sunrise_h >= 0.0 && sunrise_h < 24.0) sunrise = sunrise_h;
    sunsets[sunset_count++] = local_hours(rts.sunset);
  }
  // Every UT day has a transit and a local day spans two of them, so one is always found.
  times.transit_h = transit.value_or(12.0);
  if (sunrise) {
    // The first sunset after this sunrise and within a day of it.
    std::optional<double> sunset;
    for (int i = 0; i < sunset_count; ++i) {
      if (sunsets[i] > *sunrise && sunsets[i] < *sunrise + 24.0 &&
          (!sunset || sunsets[i] < *sunset)) {
        sunset = sunsets[i];
      }
    }
    if (sunset) {
      times.sun_day = SunDay::kRiseAndSet;
      times.sunrise_h = sunrise;
      times.sunset_h = sunset;
      return times;
    }
  }
  // No complete rise-set pair: a polar day or night, or the day one of them begins. Whether the
  // sun's centre is above the refracted horizon (h0' = -0.8333 deg) at transit decides which.
  const Geocentric g = geocentric_sun(local_midnight_jd + times.transit_h / 24.0, site.delta_t_s);
  const Topocentric t =
      topocentric_sun(g, site.latitude_deg, site.longitude_deg, site.elevation_m,
                      site.pressure_mbar, site.temperature_c, site.atmos_refract_deg);
  times.sun_day = t.e0 > -0.8333 ? SunDay::kAlwaysUp : SunDay::kAlwaysDown;
  return times;
}

SolarPosition solar_position(const SolarSite& site, double julian_day_ut) {
  const Geocentric g = geocentric_sun(julian_day_ut, site.delta_t_s);
  const Topocentric t =
      topocentric_sun(g, site.latitude_deg, site.longitude_deg, site.elevation_m,
                      site.pressure_mbar, site.temperature_c, site.atmos_refract_deg);
  SolarPosition position;
  position.zenith_deg = t.zenith;
  position.azimuth_deg = t.azimuth;
  position.apparent_elevation_deg = t.e;
  position.earth_sun_distance_au = g.R;
  position.extraterrestrial_normal_w_m2 = kSolarConstantWM2 / (g.R * g.R);
  return position;
}

}  // namespace zeropark

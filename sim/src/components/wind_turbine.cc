// Wind turbine from its power curve; see wind_turbine.h for the model, its equations and sources.
#include "components/wind_turbine.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string_view>

namespace zeropark {
namespace {

constexpr std::string_view kSpeedHeader = "wind_speed_m_s";
constexpr std::string_view kPowerHeader = "power_kw";

std::string format_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// Why a curve point's wind speed is unacceptable, or "" when it is fine. `previous` is the
// speed of the point before (NaN for the first point).
std::string speed_problem(double speed, double previous) {
  if (!std::isfinite(speed)) return "wind speed must be a finite number";
  if (speed < 0.0) return "wind speed must be >= 0 (got " + format_number(speed) + ")";
  // Equal speeds would make the interpolation divide by zero; decreasing ones are a typo.
  if (!std::isnan(previous) && !(speed > previous))
    return "wind speeds must increase strictly (" + format_number(speed) + " after " +
           format_number(previous) + ")";
  return "";
}

std::string power_problem(double power) {
  if (!std::isfinite(power)) return "power must be a finite number";
  if (power < 0.0) return "power must be >= 0 (got " + format_number(power) + ")";
  return "";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// One comma-separated field of a line: its text (trimmed) and its 1-based column.
struct CsvField {
  std::string_view text;
  int column = 1;
};

// Splits `line`, which starts `offset` characters into the file's line, at its commas.
std::vector<CsvField> split_fields(std::string_view line, std::size_t offset) {
  std::vector<CsvField> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::string_view raw =
        line.substr(start, comma == std::string_view::npos ? line.npos : comma - start);
    const std::string_view text = trim(raw);
    // Report the column where the value itself starts, past any blanks.
    const std::size_t leading =
        text.empty() ? 0 : static_cast<std::size_t>(text.data() - raw.data());
    fields.push_back({text, static_cast<int>(offset + start + leading) + 1});
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

double parse_number(const CsvField& field, const InputLocation& where, std::string_view header) {
  double value = 0.0;
  const char* end = field.text.data() + field.text.size();
  const auto [stop, error] = std::from_chars(field.text.data(), end, value);
  if (error != std::errc() || stop != end || field.text.empty())
    throw InputError(where, std::string(header),
                     "expected a number, got '" + std::string(field.text) + "'");
  return value;
}

}  // namespace

PowerCurve read_power_curve_csv(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({file, 0, 0}, "", "cannot open file '" + file + "'");

  std::string line;
  if (!std::getline(in, line)) throw InputError({file, 1, 1}, "", "the file is empty");
  std::string_view header = trim(line);
  if (header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);  // UTF-8 byte-order mark
  const std::vector<CsvField> names = split_fields(header, 0);
  const bool header_ok = names.size() == 2 && equals_ignoring_case(names[0].text, kSpeedHeader) &&
                         equals_ignoring_case(names[1].text, kPowerHeader);
  if (!header_ok)
    throw InputError(
        {file, 1, 1}, "",
        "expected the header 'wind_speed_m_s,power_kw', got '" + std::string(header) + "'");

  PowerCurve curve;
  int line_number = 1;
  int blank_line = 0;  // a blank line is fine at the end of the file only
  while (std::getline(in, line)) {
    ++line_number;
    const std::string_view row = trim(line);
    if (row.empty()) {
      if (blank_line == 0) blank_line = line_number;
      continue;
    }
    if (blank_line != 0)
      throw InputError({file, blank_line, 1}, "", "empty row inside the power curve");
    const std::vector<CsvField> fields =
        split_fields(row, static_cast<std::size_t>(row.data() - line.data()));
    if (fields.size() != 2) {
      const int column = fields.size() > 2 ? fields[2].column : 1;
      throw InputError(
          {file, line_number, column}, "",
          "expected 2 values (wind_speed_m_s,power_kw), found " + std::to_string(fields.size()));
    }
    const InputLocation speed_at{file, line_number, fields[0].column};
    const InputLocation power_at{file, line_number, fields[1].column};
    const double speed = parse_number(fields[0], speed_at, kSpeedHeader);
    const double power = parse_number(fields[1], power_at, kPowerHeader);
    const double previous =
        curve.wind_speed_m_s.empty() ? std::nan("") : curve.wind_speed_m_s.back();
    if (const std::string problem = speed_problem(speed, previous); !problem.empty())
      throw InputError(speed_at, std::string(kSpeedHeader), problem);
    if (const std::string problem = power_problem(power); !problem.empty())
      throw InputError(power_at, std::string(kPowerHeader), problem);
    curve.wind_speed_m_s.push_back(speed);
    curve.power_kw.push_back(power);
  }
  // The rows are each fine; what is left are faults of the curve as a whole.
  if (curve.wind_speed_m_s.size() < 2)
    throw InputError({file, line_number, 0}, "",
                     "a power curve needs at least 2 points, found " +
                         std::to_string(curve.wind_speed_m_s.size()));
  check_power_curve(curve, {file, 0, 0}, std::string(kPowerHeader));  // some power > 0
  return curve;
}

void check_power_curve(const PowerCurve& curve, const InputLocation& where,
                       const std::string& field) {
  const std::size_t n = curve.wind_speed_m_s.size();
  if (curve.power_kw.size() != n)
    throw InputError(where, field,
                     "the curve has " + std::to_string(n) + " wind speeds but " +
                         std::to_string(curve.power_kw.size()) + " powers");
  if (n < 2)
    throw InputError(where, field,
                     "a power curve needs at least 2 points, found " + std::to_string(n));
  for (std::size_t i = 0; i < n; ++i) {
    const double previous = i == 0 ? std::nan("") : curve.wind_speed_m_s[i - 1];
    std::string problem = speed_problem(curve.wind_speed_m_s[i], previous);
    if (problem.empty()) problem = power_problem(curve.power_kw[i]);
    if (!problem.empty())
      throw InputError(where, field, "point " + std::to_string(i) + ": " + problem);
  }
  if (!(rated_power_kw(curve) > 0.0))
    throw InputError(where, field, "no point of the power curve has a power > 0");
}

double power_curve_kw(const PowerCurve& curve, double wind_speed_m_s) {
  const std::vector<double>& speeds = curve.wind_speed_m_s;
  const std::vector<double>& powers = curve.power_kw;
  if (speeds.empty() || powers.size() != speeds.size()) return 0.0;
  // Outside the table (and NaN): below cut-in the rotor stands still, above cut-out it is parked.
  if (!(wind_speed_m_s >= speeds.front() && wind_speed_m_s <= speeds.back())) return 0.0;
  const auto upper = std::upper_bound(speeds.begin(), speeds.end(), wind_speed_m_s);
  if (upper == speeds.end()) return powers.back();  // exactly at the last point
  const std::size_t j = static_cast<std::size_t>(upper - speeds.begin());  // >= 1 here
  const double fraction = (wind_speed_m_s - speeds[j - 1]) / (speeds[j] - speeds[j - 1]);
  return powers[j - 1] + fraction * (powers[j] - powers[j - 1]);
}

double rated_power_kw(const PowerCurve& curve) {
  if (curve.power_kw.empty()) return 0.0;
  return *std::max_element(curve.power_kw.begin(), curve.power_kw.end());
}

double hub_wind_speed_m_s(double wind_at_reference_m_s, double reference_height_m,
                          double hub_height_m, double shear_exponent) {
  if (!(wind_at_reference_m_s > 0.0)) return 0.0;  // calm, a negative glitch or NaN
  const double hub =
      wind_at_reference_m_s * std::pow(hub_height_m / reference_height_m, shear_exponent);
  return std::isfinite(hub) && hub > 0.0 ? hub : 0.0;
}

double hub_wind_speed_log_law_m_s(double wind_at_reference_m_s, double reference_height_m,
                                  double hub_height_m, double roughness_length_m) {
  if (!(wind_at_reference_m_s > 0.0)) return 0.0;
  const double hub = wind_at_reference_m_s * std::log(hub_height_m / roughness_length_m) /
                     std::log(reference_height_m / roughness_length_m);
  // A height at or below z0 has no defined profile: the ratio is then negative or infinite.
  return std::isfinite(hub) && hub > 0.0 ? hub : 0.0;
}

double hub_wind_speed_m_s(const WindTurbineParams& params, double wind_at_reference_m_s) {
  switch (params.profile) {
    case WindProfile::kLogLaw:
      return hub_wind_speed_log_law_m_s(wind_at_reference_m_s, params.reference_height_m,
                                        params.hub_height_m, params.roughness_length_m);
    case WindProfile::kPowerLaw:
      break;
  }
  return hub_wind_speed_m_s(wind_at_reference_m_s, params.reference_height_m, params.hub_height_m,
                            params.shear_exponent);
}

double dry_air_density_kg_m3(double pressure_pa, double dry_bulb_c) {
  return pressure_pa / (kDryAirGasConstantJPerKgK * (dry_bulb_c + kZeroCelsiusK));
}

double density_normalised_wind_speed_m_s(double wind_speed_m_s, double air_density_kg_m3) {
  // A missing pressure or temperature must not silence the turbine: use the curve as published.
  if (!(std::isfinite(air_density_kg_m3) && air_density_kg_m3 > 0.0)) return wind_speed_m_s;
  return wind_speed_m_s * std::cbrt(air_density_kg_m3 / kReferenceAirDensityKgM3);
}

double wind_turbine_power_kw(const WindTurbineParams& params, double wind_at_reference_m_s,
                             double pressure_pa, double dry_bulb_c) {
  double wind_m_s = hub_wind_speed_m_s(params, wind_at_reference_m_s);
  if (params.density_correction)
    wind_m_s =
        density_normalised_wind_speed_m_s(wind_m_s, dry_air_density_kg_m3(pressure_pa, dry_bulb_c));
  return power_curve_kw(params.curve, wind_m_s);
}

}  // namespace zeropark

// Heat pump and chiller performance: tables, the Carnot-fraction model, the when2heat regression
// and Heat Pump KEYMARK certificates. See heat_pump.h for what is modelled and what is not.
//
// Equations:
//   Bilinear on the cell [x0, x1] x [y0, y1] holding (x, y), after clamping to the grid:
//     tx = (x - x0)/(x1 - x0), ty = (y - y0)/(y1 - y0)
//     v  = (1 - tx)((1 - ty) v00 + ty v01) + tx((1 - ty) v10 + ty v11)
//   written with (1 - t) a + t b rather than a + t (b - a) so that t = 1 gives b exactly.
//   Carnot fraction (temperatures in K; lift floored at min_lift_k, result capped at max_cop):
//     COP_heating = f T_sink / (T_sink - T_source),  at least 1
//     EER_cooling = f T_chw / (T_cond - T_chw)
//   when2heat (Ruhnau et al. 2019, Sci. Data 6:189; coefficients from oruhnau/when2heat
//   input/cop/cop_parameters.csv, fitted to manufacturer data):
//     COP = c0 + c1 dT + c2 dT^2,  dT = max(T_sink - T_source, 15 K)
//     air    6.08  -0.0941 0.000464
//     ground 10.29 -0.2084 0.001322
//     water  9.99  -0.2049 0.001249
//   Table capacity scaled to a rated size: Q(s, k) = Q_rated * Q_table(s, k) / Q_table(rating).
#include "components/heat_pump.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

namespace zeropark {
namespace {

constexpr double kKelvinOffset = 273.15;
constexpr double kWhen2heatMinLiftK = 15.0;  // below this the regression's data end

// Where a coordinate falls on an axis: the cell's lower index and the weight of the upper node.
struct AxisPosition {
  std::size_t lower = 0;
  double weight = 0.0;  // in [0, 1]
};

AxisPosition locate(const std::vector<double>& axis, double value) {
  if (axis.size() < 2) return {};
  const double clamped = std::clamp(value, axis.front(), axis.back());
  // The first node strictly above the value; the cell starts one before it. At the top edge the
  // last cell is used with weight 1, so the last node's value comes out exactly.
  const auto above = std::upper_bound(axis.begin(), axis.end(), clamped);
  const std::size_t upper =
      std::min<std::size_t>(static_cast<std::size_t>(above - axis.begin()), axis.size() - 1);
  const std::size_t lower = upper - 1;
  const double weight = (clamped - axis[lower]) / (axis[upper] - axis[lower]);
  return {lower, weight};
}

double lerp_exact(double a, double b, double t) { return (1.0 - t) * a + t * b; }

bool inside(const std::vector<double>& axis, double value) {
  return !axis.empty() && value >= axis.front() && value <= axis.back();
}

// A number as a user would write it ("0.45", not "0.450000").
std::string to_text(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

void check_axis(const std::vector<double>& axis, const InputLocation& where,
                const std::string& field, const char* name) {
  if (axis.empty()) throw InputError(where, field, std::string(name) + " has no temperatures");
  for (std::size_t i = 0; i < axis.size(); ++i) {
    if (!std::isfinite(axis[i]))
      throw InputError(where, field, std::string(name) + " has a value that is not a number");
    if (i > 0 && !(axis[i] > axis[i - 1]))
      throw InputError(where, field,
                       std::string(name) + " must be strictly increasing (" + to_text(axis[i - 1]) +
                           " then " + to_text(axis[i]) + ")");
  }
}

void check_values(const std::vector<double>& values, std::size_t expected, bool strictly_positive,
                  const InputLocation& where, const std::string& field, const char* name) {
  if (values.size() != expected)
    throw InputError(where, field,
                     std::string(name) + " has " + std::to_string(values.size()) +
                         " values; source x sink needs " + std::to_string(expected));
  for (double v : values) {
    const bool ok = std::isfinite(v) && (strictly_positive ? v > 0.0 : v >= 0.0);
    if (!ok)
      throw InputError(where, field,
                       std::string(name) + (strictly_positive ? " must be > 0" : " must be >= 0") +
                           " (got " + to_text(v) + ")");
  }
}

bool uses_table_cop(const HeatPumpPerformance& performance) {
  return performance.method == CopMethod::kTable;
}

bool has_table_capacity(const HeatPumpPerformance& performance) {
  return !performance.table.capacity_kw.empty();
}

// Full-load heat (or cooling) at the given temperatures; see heat_pump_at.
double capacity_kw_at(const HeatPumpPerformance& performance, double source_c, double sink_c) {
  if (!has_table_capacity(performance)) return performance.rated_heat_kw;
  const PerformanceTable& table = performance.table;
  const double capacity_kw =
      bilinear_clamped(table.source_c, table.sink_c, table.capacity_kw, source_c, sink_c);
  if (!(performance.rated_heat_kw > 0.0)) return capacity_kw;
  const double at_rating_kw =
      bilinear_clamped(table.source_c, table.sink_c, table.capacity_kw,
                       performance.rating_source_c, performance.rating_sink_c);
  return performance.rated_heat_kw * capacity_kw / at_rating_kw;
}

bool outside_table(const HeatPumpPerformance& performance, double source_c, double sink_c) {
  if (!uses_table_cop(performance) && !has_table_capacity(performance)) return false;
  return !(inside(performance.table.source_c, source_c) &&
           inside(performance.table.sink_c, sink_c));
}

// ---- CSV ----

struct CsvField {
  std::string text;
  int column = 1;  // 1-based character position where the field starts
};

// Splits one CSV line: commas separate, double quotes enclose fields with commas ("0,450 kg"),
// and "" inside quotes is a quote. Fields are not trimmed.
std::vector<CsvField> split_csv_line(std::string_view line) {
  std::vector<CsvField> fields;
  CsvField field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field.text += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.text += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(field);
      field = CsvField{};
      field.column = static_cast<int>(i) + 2;
    } else {
      field.text += c;
    }
  }
  fields.push_back(field);
  return fields;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// The columns a certificate needs, in KeymarkRow order.
constexpr const char* kLowColumns[8] = {"p_th_minus7_l", "cop_minus7_l", "p_th_2_l", "cop_2_l",
                                        "p_th_7_l",      "cop_7_l",      "p_th_12_l", "cop_12_l"};
constexpr const char* kMediumColumns[8] = {"p_th_minus7_h", "cop_minus7_h", "p_th_2_h", "cop_2_h",
                                           "p_th_7_h",      "cop_7_h",      "p_th_12_h", "cop_12_h"};

class KeymarkColumns {
 public:
  KeymarkColumns(const std::vector<CsvField>& header, const std::string& file) : file_(file) {
    for (std::size_t i = 0; i < header.size(); ++i)
      index_[std::string(trim(header[i].text))] = i;
  }

  // The index of a named column; InputError on the header line if it is missing.
  std::size_t index(const std::string& name) const {
    const auto it = index_.find(name);
    if (it == index_.end())
      throw InputError({file_, 1, 0}, name, "the header has no column '" + name + "'");
    return it->second;
  }

 private:
  std::string file_;
  std::map<std::string, std::size_t> index_;
};

const CsvField& field_at(const std::vector<CsvField>& fields, std::size_t index,
                         const InputLocation& row, const std::string& name) {
  if (index >= fields.size())
    throw InputError(row, name,
                     "the row has " + std::to_string(fields.size()) + " fields; column '" + name +
                         "' is number " + std::to_string(index + 1));
  return fields[index];
}

double number_at(const std::vector<CsvField>& fields, std::size_t index, const InputLocation& row,
                 const std::string& name) {
  const CsvField& field = field_at(fields, index, row, name);
  const std::string_view text = trim(field.text);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value))
    throw InputError({row.file, row.line, field.column}, name,
                     "expected a number, got '" + std::string(text) + "'");
  return value;
}

std::string text_at(const std::vector<CsvField>& fields, std::size_t index,
                    const InputLocation& row, const std::string& name) {
  return std::string(trim(field_at(fields, index, row, name).text));
}

bool is_outdoor_air(const std::string& type) {
  return type == "Outdoor Air/Water" || type == "Hybrid Air/Water";
}

}  // namespace

void check_performance_table(const PerformanceTable& table, const InputLocation& where,
                             const std::string& field) {
  check_axis(table.source_c, where, field, "source_c");
  check_axis(table.sink_c, where, field, "sink_c");
  const std::size_t cells = table.source_c.size() * table.sink_c.size();
  check_values(table.cop, cells, true, where, field, "cop");
  if (!table.capacity_kw.empty())
    check_values(table.capacity_kw, cells, false, where, field, "capacity_kw");
}

double bilinear_clamped(const std::vector<double>& x_axis, const std::vector<double>& y_axis,
                        const std::vector<double>& values, double x, double y) {
  const AxisPosition px = locate(x_axis, x);
  const AxisPosition py = locate(y_axis, y);
  const std::size_t columns = y_axis.size();
  // A single-point axis has weight 0, so its (absent) upper node is never read.
  const std::size_t x_upper = x_axis.size() > 1 ? px.lower + 1 : px.lower;
  const std::size_t y_upper = columns > 1 ? py.lower + 1 : py.lower;
  const double v00 = values[px.lower * columns + py.lower];
  const double v01 = values[px.lower * columns + y_upper];
  const double v10 = values[x_upper * columns + py.lower];
  const double v11 = values[x_upper * columns + y_upper];
  return lerp_exact(lerp_exact(v00, v01, py.weight), lerp_exact(v10, v11, py.weight), px.weight);
}

void check_heat_pump_performance(const HeatPumpPerformance& performance,
                                 const InputLocation& where, const std::string& field) {
  if (!(performance.carnot_fraction > 0.0 && performance.carnot_fraction <= 1.0))
    throw InputError(where, field,
                     "carnot_fraction must be in (0, 1] (got " +
                         to_text(performance.carnot_fraction) + ")");
  if (!(performance.min_lift_k >= 0.0))
    throw InputError(where, field, "min_lift_k must be >= 0");
  if (!(performance.max_cop > 1.0)) throw InputError(where, field, "max_cop must be > 1");
  if (!(performance.rated_heat_kw >= 0.0))
    throw InputError(where, field, "rated_heat_kw must be >= 0");
  if (uses_table_cop(performance) || has_table_capacity(performance))
    check_performance_table(performance.table, where, field);
  if (has_table_capacity(performance) && performance.rated_heat_kw > 0.0) {
    const PerformanceTable& table = performance.table;
    const double at_rating_kw =
        bilinear_clamped(table.source_c, table.sink_c, table.capacity_kw,
                         performance.rating_source_c, performance.rating_sink_c);
    if (!(at_rating_kw > 0.0))
      throw InputError(where, field, "the table's capacity at the rating point must be > 0");
  }
}

double carnot_heating_cop(const HeatPumpPerformance& performance, double source_c, double sink_c) {
  const double lift_k = std::max(sink_c - source_c, performance.min_lift_k);
  if (!(lift_k > 0.0)) return performance.max_cop;  // no lift at all: the cap is the answer
  const double cop = performance.carnot_fraction * (sink_c + kKelvinOffset) / lift_k;
  return std::clamp(cop, 1.0, performance.max_cop);
}

double carnot_cooling_eer(const HeatPumpPerformance& performance, double condenser_source_c,
                          double chilled_water_c) {
  const double lift_k = std::max(condenser_source_c - chilled_water_c, performance.min_lift_k);
  if (!(lift_k > 0.0)) return performance.max_cop;
  const double eer = performance.carnot_fraction * (chilled_water_c + kKelvinOffset) / lift_k;
  return std::min(eer, performance.max_cop);
}

HeatPumpOperatingLimits heat_pump_at(const HeatPumpPerformance& performance, double source_c,
                                     double sink_c) {
  HeatPumpOperatingLimits out;
  const PerformanceTable& table = performance.table;
  out.cop = uses_table_cop(performance)
                ? bilinear_clamped(table.source_c, table.sink_c, table.cop, source_c, sink_c)
                : carnot_heating_cop(performance, source_c, sink_c);
  out.max_heat_kw = capacity_kw_at(performance, source_c, sink_c);
  out.outside_table = outside_table(performance, source_c, sink_c);
  return out;
}

HeatPumpOperatingLimits chiller_at(const HeatPumpPerformance& performance,
                                   double condenser_source_c, double chilled_water_c) {
  HeatPumpOperatingLimits out;
  const PerformanceTable& table = performance.table;
  out.cop = uses_table_cop(performance)
                ? bilinear_clamped(table.source_c, table.sink_c, table.cop, condenser_source_c,
                                   chilled_water_c)
                : carnot_cooling_eer(performance, condenser_source_c, chilled_water_c);
  out.max_heat_kw = capacity_kw_at(performance, condenser_source_c, chilled_water_c);
  out.outside_table = outside_table(performance, condenser_source_c, chilled_water_c);
  return out;
}

std::array<double, 3> when2heat_coefficients(HeatSourceKind kind) {
  switch (kind) {
    case HeatSourceKind::kAir: return {6.08, -0.0941, 0.000464};
    case HeatSourceKind::kGround: return {10.29, -0.2084, 0.001322};
    case HeatSourceKind::kWater: return {9.99, -0.2049, 0.001249};
  }
  return {0.0, 0.0, 0.0};  // unreachable for a valid enum
}

double when2heat_cop(HeatSourceKind kind, double source_c, double sink_c) {
  const std::array<double, 3> c = when2heat_coefficients(kind);
  const double lift_k = std::max(sink_c - source_c, kWhen2heatMinLiftK);
  return c[0] + c[1] * lift_k + c[2] * lift_k * lift_k;
}

double when2heat_sink_temperature_c(When2heatSink sink, double ambient_c) {
  switch (sink) {
    case When2heatSink::kRadiator: return 40.0 - ambient_c;
    case When2heatSink::kFloor: return 30.0 - 0.5 * ambient_c;
    case When2heatSink::kHotWater: return 50.0;
  }
  return 50.0;  // unreachable for a valid enum
}

std::vector<KeymarkRow> read_keymark_csv(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({file, 0, 0}, "", "cannot open file '" + file + "'");
  std::string line;
  if (!std::getline(in, line)) throw InputError({file, 1, 1}, "", "the file is empty");
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a UTF-8 byte-order mark
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const KeymarkColumns columns(split_csv_line(line), file);

  const std::size_t manufacturer = columns.index("manufacturers");
  const std::size_t model = columns.index("models");
  const std::size_t type = columns.index("types");
  const std::size_t p_rated_low = columns.index("p_rated_l");
  const std::size_t p_rated_medium = columns.index("p_rated_h");
  std::array<std::size_t, 8> low{}, medium{};
  for (int i = 0; i < 8; ++i) {
    low[i] = columns.index(kLowColumns[i]);
    medium[i] = columns.index(kMediumColumns[i]);
  }

  std::vector<KeymarkRow> rows;
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) continue;
    const std::vector<CsvField> fields = split_csv_line(line);
    KeymarkRow row;
    row.where = {file, line_number, 0};
    row.manufacturer = text_at(fields, manufacturer, row.where, "manufacturers");
    row.model = text_at(fields, model, row.where, "models");
    row.type = text_at(fields, type, row.where, "types");
    row.p_rated_low_kw = number_at(fields, p_rated_low, row.where, "p_rated_l");
    row.p_rated_medium_kw = number_at(fields, p_rated_medium, row.where, "p_rated_h");
    for (int point = 0; point < 4; ++point) {
      row.p_th_low_kw[point] = number_at(fields, low[2 * point], row.where, kLowColumns[2 * point]);
      row.cop_low[point] = number_at(fields, low[2 * point + 1], row.where, kLowColumns[2 * point + 1]);
      row.p_th_medium_kw[point] =
          number_at(fields, medium[2 * point], row.where, kMediumColumns[2 * point]);
      row.cop_medium[point] =
          number_at(fields, medium[2 * point + 1], row.where, kMediumColumns[2 * point + 1]);
    }
    rows.push_back(row);
  }
  return rows;
}

PerformanceTable keymark_table(const KeymarkRow& row, KeymarkCapacity capacity) {
  if (!is_outdoor_air(row.type))
    throw InputError(row.where, "types",
                     "'" + row.type + "' certificate: its test points differ in outdoor (load) "
                     "temperature, not source temperature, so they make no source x sink table");
  PerformanceTable table;
  table.source_c.assign(kKeymarkOutdoorC.begin(), kKeymarkOutdoorC.end());
  table.sink_c.assign(kKeymarkApplicationC.begin(), kKeymarkApplicationC.end());
  for (int point = 0; point < 4; ++point) {
    // Row-major [source][sink]: the 35 C application first, then 55 C.
    const double cops[2] = {row.cop_low[point], row.cop_medium[point]};
    const char* names[2] = {kLowColumns[2 * point + 1], kMediumColumns[2 * point + 1]};
    for (int application = 0; application < 2; ++application) {
      if (!(cops[application] > 0.0))
        throw InputError(row.where, names[application],
                         "COP must be > 0 (got " + to_text(cops[application]) + ")");
      table.cop.push_back(cops[application]);
    }
    if (capacity == KeymarkCapacity::kDeclaredPartLoad) {
      table.capacity_kw.push_back(row.p_th_low_kw[point]);
      table.capacity_kw.push_back(row.p_th_medium_kw[point]);
    }
  }
  check_performance_table(table, row.where, "keymark");
  return table;
}

}  // namespace zeropark

// EV charging sessions: the session CSV reader, the seeded generator and its random draws. The
// formats, equations and references are in ev_sessions.h.
#include "components/ev_sessions.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "time/calendar.h"
#include "zeropark/error.h"

namespace zeropark {
namespace {

// ---- Calendar helpers ----

// Floor division, for days before 1970.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// 0 = Monday .. 6 = Sunday, of a day counted from 1970-01-01 (a Thursday).
int weekday_index(std::int64_t days_since_1970) {
  return static_cast<int>(days_since_1970 + 3 - 7 * floor_div(days_since_1970 + 3, 7));
}

bool is_weekend(std::int64_t days_since_1970) { return weekday_index(days_since_1970) >= 5; }

// ---- CSV reading ----

enum class Column { kArrival, kDeparture, kEnergy, kBattery, kMaxPower, kCount };

constexpr std::array<std::string_view, static_cast<std::size_t>(Column::kCount)> kColumnNames = {
    "arrival", "departure", "energy_kwh", "battery_kwh", "max_kw"};
constexpr int kRequiredColumns = 3;  // the first three of kColumnNames

// A field of a line: its text (trimmed) and the 1-based character column where it starts.
struct Field {
  std::string_view text;
  int column = 1;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::vector<Field> split_fields(std::string_view line) {
  std::vector<Field> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
    fields.push_back({trim(line.substr(start, end - start)), static_cast<int>(start) + 1});
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

// Where each known column sits in the file (index into a row's fields), from the header.
struct Layout {
  std::array<std::optional<std::size_t>, static_cast<std::size_t>(Column::kCount)> index;
  std::size_t field_count = 0;
};

Layout read_header(std::string_view header, const std::string& file) {
  static constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  int bom_columns = 0;
  if (header.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    header.remove_prefix(kUtf8Bom.size());
    bom_columns = static_cast<int>(kUtf8Bom.size());
  }
  Layout layout;
  const std::vector<Field> fields = split_fields(header);
  layout.field_count = fields.size();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    const auto known = std::find(kColumnNames.begin(), kColumnNames.end(), f.text);
    const InputLocation where{file, 1, f.column + bom_columns};
    if (known == kColumnNames.end())
      throw InputError(where, std::string(f.text),
                       "unknown column (expected arrival, departure, energy_kwh and optionally "
                       "battery_kwh, max_kw)");
    auto& slot = layout.index[static_cast<std::size_t>(known - kColumnNames.begin())];
    if (slot) throw InputError(where, std::string(f.text), "column given twice");
    slot = i;
  }
  for (int c = 0; c < kRequiredColumns; ++c)
    if (!layout.index[static_cast<std::size_t>(c)])
      throw InputError({file, 1, 0}, std::string(kColumnNames[static_cast<std::size_t>(c)]),
                       "missing required column");
  return layout;
}

// A local time "YYYY-MM-DD HH:MM[:SS]" (or with 'T' for the space); nullopt if malformed.
std::optional<CivilTime> parse_local_time(std::string_view text) {
  // parse_iso also takes a bare date; a session needs the time of day.
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  return parse_iso(text);
}

CivilTime read_time(const Field& f, const std::string& file, int line, Column column) {
  const std::optional<CivilTime> t = parse_local_time(f.text);
  if (!t)
    throw InputError(
        {file, line, f.column}, std::string(kColumnNames[static_cast<std::size_t>(column)]),
        "expected a local time 'YYYY-MM-DD HH:MM[:SS]', got '" + std::string(f.text) + "'");
  return *t;
}

double read_number(const Field& f, const std::string& file, int line, Column column) {
  double value = 0;
  const char* first = f.text.data();
  const char* last = first + f.text.size();
  const auto [end, error] = std::from_chars(first, last, value);
  if (f.text.empty() || error != std::errc() || end != last || !std::isfinite(value))
    throw InputError({file, line, f.column},
                     std::string(kColumnNames[static_cast<std::size_t>(column)]),
                     "expected a number, got '" + std::string(f.text) + "'");
  return value;
}

// An optional positive quantity: the fleet's value when the column is absent or the field empty.
double read_optional_positive(const std::vector<Field>& fields, const Layout& layout, Column column,
                              double fallback, const std::string& file, int line) {
  const auto& index = layout.index[static_cast<std::size_t>(column)];
  if (!index || fields[*index].text.empty()) return fallback;
  const double value = read_number(fields[*index], file, line, column);
  if (!(value > 0.0))
    throw InputError({file, line, fields[*index].column},
                     std::string(kColumnNames[static_cast<std::size_t>(column)]),
                     "must be > 0 (got " + std::string(fields[*index].text) + ")");
  return value;
}

// One row as read, in absolute seconds, before it is mapped onto the run.
struct RecordedSession {
  int year = 0;                    // of the arrival, which decides the shift
  std::int64_t arrival_abs_s = 0;  // seconds since 1970, local time read as UTC
  std::int64_t departure_abs_s = 0;
  double energy_kwh = 0.0;
  double battery_kwh = 0.0;
  double max_kw = 0.0;
};

RecordedSession read_row(const std::vector<Field>& fields, const Layout& layout,
                         const EvFleetDefaults& fleet, const std::string& file, int line) {
  if (fields.size() != layout.field_count) {
    const int column = fields.size() > layout.field_count ? fields[layout.field_count].column : 0;
    throw InputError({file, line, column}, "",
                     "expected " + std::to_string(layout.field_count) +
                         " fields as in the header, found " + std::to_string(fields.size()));
  }
  const auto field = [&](Column c) -> const Field& {
    return fields[*layout.index[static_cast<std::size_t>(c)]];
  };
  RecordedSession s;
  const CivilTime arrival = read_time(field(Column::kArrival), file, line, Column::kArrival);
  const CivilTime departure = read_time(field(Column::kDeparture), file, line, Column::kDeparture);
  s.year = arrival.year;
  s.arrival_abs_s = seconds_from_civil(arrival);
  s.departure_abs_s = seconds_from_civil(departure);
  if (s.departure_abs_s <= s.arrival_abs_s)
    throw InputError(
        {file, line, field(Column::kDeparture).column}, "departure",
        "must be after the arrival (" + std::string(field(Column::kArrival).text) + ")");
  s.energy_kwh = read_number(field(Column::kEnergy), file, line, Column::kEnergy);
  if (s.energy_kwh < 0.0)
    throw InputError({file, line, field(Column::kEnergy).column}, "energy_kwh",
                     "must be >= 0 (got " + std::string(field(Column::kEnergy).text) + ")");
  s.battery_kwh = read_optional_positive(fields, layout, Column::kBattery,
                                         fleet.battery_capacity_kwh, file, line);
  s.max_kw =
      read_optional_positive(fields, layout, Column::kMaxPower, fleet.max_charge_kw, file, line);
  return s;
}

std::vector<RecordedSession> read_recorded_sessions(const std::filesystem::path& path,
                                                    const EvFleetDefaults& fleet) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({file, 0, 0}, "", "cannot open file '" + file + "'");
  std::string line;
  if (!std::getline(in, line))
    throw InputError({file, 1, 1}, "", "the file is empty (a header is needed)");
  const Layout layout = read_header(trim(line), file);
  std::vector<RecordedSession> sessions;
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    const std::string_view row = trim(line);
    if (row.empty()) continue;
    sessions.push_back(read_row(split_fields(row), layout, fleet, file, line_number));
  }
  return sessions;
}

void sort_sessions(std::vector<EvSession>& sessions) {
  // Stable: sessions that arrive and leave together keep the order they were read or drawn in.
  std::stable_sort(sessions.begin(), sessions.end(), [](const EvSession& a, const EvSession& b) {
    if (a.arrival_s != b.arrival_s) return a.arrival_s < b.arrival_s;
    return a.departure_s < b.departure_s;
  });
}

void require_valid_duration(Tick run_duration_s) {
  if (run_duration_s < 0)
    throw std::invalid_argument("run_duration_s must be >= 0 (got " +
                                std::to_string(run_duration_s) + ")");
}

// ---- Generator ----

void require(bool ok, const std::string& field, const std::string& rule) {
  if (!ok) throw std::invalid_argument("EV generator parameter '" + field + "' " + rule);
}

void validate_weights(const std::array<double, 24>& weights, double rate,
                      const std::string& field) {
  double total = 0.0;
  for (double w : weights) {
    require(std::isfinite(w) && w >= 0.0, field, "must hold finite weights >= 0");
    total += w;
  }
  require(rate == 0.0 || total > 0.0, field,
          "must have a positive weight when sessions are expected");
}

void validate(const EvGeneratorParams& p) {
  require(std::isfinite(p.sessions_per_weekday) && p.sessions_per_weekday >= 0.0,
          "sessions_per_weekday", "must be finite and >= 0");
  require(std::isfinite(p.sessions_per_weekend_day) && p.sessions_per_weekend_day >= 0.0,
          "sessions_per_weekend_day", "must be finite and >= 0");
  validate_weights(p.arrival_weights_weekday, p.sessions_per_weekday, "arrival_weights_weekday");
  validate_weights(p.arrival_weights_weekend, p.sessions_per_weekend_day,
                   "arrival_weights_weekend");
  require(std::isfinite(p.dwell_median_h) && p.dwell_median_h > 0.0, "dwell_median_h",
          "must be > 0");
  require(std::isfinite(p.dwell_sigma) && p.dwell_sigma >= 0.0, "dwell_sigma", "must be >= 0");
  require(std::isfinite(p.energy_median_kwh) && p.energy_median_kwh > 0.0, "energy_median_kwh",
          "must be > 0");
  require(std::isfinite(p.energy_sigma) && p.energy_sigma >= 0.0, "energy_sigma", "must be >= 0");
  require(std::isfinite(p.fleet.battery_capacity_kwh) && p.fleet.battery_capacity_kwh > 0.0,
          "fleet.battery_capacity_kwh", "must be > 0");
  require(std::isfinite(p.fleet.max_charge_kw) && p.fleet.max_charge_kw > 0.0,
          "fleet.max_charge_kw", "must be > 0");
}

// One session arriving at `arrival_s`: dwell and energy drawn, then the energy capped.
EvSession draw_session(const EvGeneratorParams& p, Tick arrival_s, Pcg32& rng) {
  EvSession s;
  s.arrival_s = arrival_s;
  const double dwell_h = sample_lognormal(rng, p.dwell_median_h, p.dwell_sigma);
  // At least one second, so that every session departs after it arrives.
  const Tick dwell_s = std::max<Tick>(1, std::llround(dwell_h * kSecondsPerHourD));
  s.departure_s = arrival_s + dwell_s;
  const double wanted_kwh = sample_lognormal(rng, p.energy_median_kwh, p.energy_sigma);
  s.energy_requested_kwh = std::min(
      {wanted_kwh, energy_kwh(p.fleet.max_charge_kw, dwell_s), p.fleet.battery_capacity_kwh});
  s.battery_capacity_kwh = p.fleet.battery_capacity_kwh;
  s.max_charge_kw = p.fleet.max_charge_kw;
  return s;
}

// Appends the sessions of the local day starting at `midnight_s` (ticks from the run start) that
// arrive inside [0, duration).
void generate_day(const EvGeneratorParams& p, Tick midnight_s, bool weekend, Tick duration_s,
                  Pcg32& rng, std::vector<EvSession>& out) {
  const double mean = weekend ? p.sessions_per_weekend_day : p.sessions_per_weekday;
  const auto& weights = weekend ? p.arrival_weights_weekend : p.arrival_weights_weekday;
  const int count = sample_poisson(rng, mean);
  for (int i = 0; i < count; ++i) {
    const int hour = sample_categorical(rng, weights);
    const auto second = static_cast<Tick>(rng.uniform01() * static_cast<double>(kSecondsPerHour));
    const Tick arrival_s = midnight_s + hour * kSecondsPerHour + second;
    // Every draw is made even for a session outside the window, so a run's sessions do not
    // depend on where in the first day it starts.
    const EvSession session = draw_session(p, arrival_s, rng);
    if (arrival_s >= 0 && arrival_s < duration_s) out.push_back(session);
  }
}

}  // namespace

std::int64_t whole_week_shift_days(int from_year, int to_year) {
  const std::int64_t days = days_from_civil(to_year, 1, 1) - days_from_civil(from_year, 1, 1);
  // days = 7k + r with 0 <= r <= 6: the nearest multiple of 7 is 7k for r <= 3, 7k + 7 for r >= 4
  // (never a tie: 7 is odd).
  return 7 * floor_div(days + 3, 7);
}

std::vector<EvSession> read_ev_sessions_csv(const std::filesystem::path& path,
                                            const CivilTime& run_start, Tick run_duration_s,
                                            const EvFleetDefaults& fleet) {
  require_valid_duration(run_duration_s);
  const std::vector<RecordedSession> recorded = read_recorded_sessions(path, fleet);
  std::vector<EvSession> sessions;
  if (run_duration_s == 0) return sessions;
  const std::int64_t start_abs_s = seconds_from_civil(run_start);
  const int first_year = run_start.year;
  const int last_year = civil_from_seconds(start_abs_s + run_duration_s - 1).year;
  for (const RecordedSession& r : recorded) {
    for (int year = first_year; year <= last_year; ++year) {
      const std::int64_t shift_s = whole_week_shift_days(r.year, year) * kSecondsPerDay;
      const Tick arrival_s = r.arrival_abs_s + shift_s - start_abs_s;
      if (arrival_s < 0 || arrival_s >= run_duration_s) continue;
      sessions.push_back({arrival_s, r.departure_abs_s + shift_s - start_abs_s, r.energy_kwh,
                          r.battery_kwh, r.max_kw});
    }
  }
  sort_sessions(sessions);
  return sessions;
}

EvGeneratorParams workplace_generator_defaults() {
  // Fitted by assets/ev/fit_workplace_generator.py to the 3,395 sessions of Asensio et al. (2021),
  // Scientific Data 8:168, data doi:10.7910/DVN/QF1PMO (assets/ev/asensio_workplace_sessions.csv).
  EvGeneratorParams params;
  // Sessions arriving on the 66 weekdays and 26 weekend days of 2015-07-01 .. 2015-09-30, the
  // last full quarter of a programme that grew all year (1.8 per weekday in January 2015).
  params.sessions_per_weekday = 1952.0 / 66.0;    // 29.576
  params.sessions_per_weekend_day = 49.0 / 26.0;  // 1.885
  // Sessions that arrived in each local clock hour 0..23 over the whole data set: 3,309 on
  // weekdays, 86 on weekends.
  params.arrival_weights_weekday = {3,   1,   0,   0,   1,   0,   0,   0,   53, 145, 280, 498,
                                    466, 280, 136, 184, 402, 434, 232, 119, 55, 13,  6,   1};
  params.arrival_weights_weekend = {0, 2,  0, 2, 3, 2, 1, 1, 0, 13, 15, 6,
                                    9, 11, 3, 8, 2, 3, 1, 0, 1, 1,  1,  1};
  // Lognormal with sigma = ln(Q3/Q1) / 1.349 (quartiles of Hyndman & Fan type 7) and median =
  // mean exp(-sigma^2 / 2), so that the generated mean is the data's: 2.841 h plugged in and
  // 5.810 kWh per session (dwell quartiles 2.110, 2.809, 3.544 h; energy 4.35, 6.23, 6.83 kWh).
  params.dwell_median_h = 2.639170;
  params.dwell_sigma = 0.384352;
  params.energy_median_kwh = 5.493648;
  params.energy_sigma = 0.334437;
  return params;
}

std::vector<EvSession> generate_ev_sessions(const EvGeneratorParams& params,
                                            const CivilTime& run_start, Tick run_duration_s,
                                            std::uint64_t seed) {
  validate(params);
  require_valid_duration(run_duration_s);
  std::vector<EvSession> sessions;
  if (run_duration_s == 0) return sessions;
  Pcg32 rng = Pcg32::seeded(seed);
  const std::int64_t start_abs_s = seconds_from_civil(run_start);
  const std::int64_t first_day = days_from_civil(run_start.year, run_start.month, run_start.day);
  const std::int64_t last_day = floor_div(start_abs_s + run_duration_s - 1, kSecondsPerDay);
  for (std::int64_t day = first_day; day <= last_day; ++day) {
    const Tick midnight_s = day * kSecondsPerDay - start_abs_s;
    generate_day(params, midnight_s, is_weekend(day), run_duration_s, rng, sessions);
  }
  sort_sessions(sessions);
  return sessions;
}

// ---- Random draws ----

double sample_exponential(Pcg32& rng, double mean) {
  // 1 - U lies in (0, 1], so the logarithm is finite.
  return -mean * std::log(1.0 - rng.uniform01());
}

double sample_standard_normal(Pcg32& rng) {
  const double radius = std::sqrt(-2.0 * std::log(1.0 - rng.uniform01()));
  const double angle = 2.0 * std::numbers::pi * rng.uniform01();
  return radius * std::cos(angle);
}

double sample_lognormal(Pcg32& rng, double median, double sigma) {
  return median * std::exp(sigma * sample_standard_normal(rng));
}

int sample_poisson(Pcg32& rng, double mean) {
  if (!(mean > 0.0)) return 0;
  // Arrivals of a unit-rate Poisson process within [0, mean].
  int count = 0;
  double elapsed = sample_exponential(rng, 1.0);
  while (elapsed <= mean) {
    ++count;
    elapsed += sample_exponential(rng, 1.0);
  }
  return count;
}

int sample_categorical(Pcg32& rng, std::span<const double> weights) {
  double total = 0.0;
  for (double w : weights) total += w;
  const double target = rng.uniform01() * total;
  double cumulative = 0.0;
  int last_positive = -1;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (!(weights[i] > 0.0)) continue;
    cumulative += weights[i];
    last_positive = static_cast<int>(i);
    if (target < cumulative) return last_positive;
  }
  // Only when rounding leaves target == total: the last bin that can be drawn.
  return last_positive;
}

}  // namespace zeropark

// Definitions follow sim/src/trace/kpi.cc; the per-row products are formed in the same order as
// the engine's (power × seconds / 3600, then × price or factor) so the sums match to rounding.
#include "report/trace_kpis.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>

#include "time/calendar.h"

namespace zeropark::report {
namespace {

constexpr double kSecondsPerHour = 3600.0;
constexpr double kSecondsPerDay = 86400.0;

// Largest mean import over clock-aligned demand windows, per calendar month (year * 100 + month).
// A row is split at window edges on the absolute clock (start + tick), as the engine does, so a
// window that straddles two rows gets its energy from both.
std::map<int, double> monthly_max_demand_kw(const TraceFile& trace, const std::vector<double>& import_kw,
                                            const std::vector<double>& duration_s, std::int64_t window_s) {
  const std::optional<CivilTime> start = parse_iso(trace.start_iso());
  if (!start) throw TraceError(trace.path().string() + ": cannot read start time '" + trace.start_iso() + "'");
  const std::int64_t start_s = seconds_from_civil(*start);
  const std::vector<std::int64_t> ticks = trace.ticks_s();
  std::map<int, double> by_month;
  std::int64_t window = 0;
  bool open = false;
  double window_kwh = 0;
  const auto close = [&] {
    if (!open) return;
    const CivilTime t = civil_from_seconds(window * window_s);
    double& month_max = by_month[t.year * 100 + t.month];
    month_max = std::max(month_max, window_kwh * kSecondsPerHour / static_cast<double>(window_s));
  };
  for (std::size_t r = 0; r < ticks.size(); ++r) {
    std::int64_t from = start_s + ticks[r];
    const std::int64_t to = from + static_cast<std::int64_t>(std::llround(duration_s[r]));
    while (from < to) {
      const std::int64_t w = from / window_s;
      const std::int64_t piece_end = std::min(to, (w + 1) * window_s);
      if (!open || w != window) {
        close();
        window = w;
        open = true;
        window_kwh = 0;
      }
      window_kwh += import_kw[r] * static_cast<double>(piece_end - from) / kSecondsPerHour;
      from = piece_end;
    }
  }
  close();
  return by_month;
}

// Σ power × hours over the rows, optionally only the positive or the negative part.
enum class Part { kAll, kPositive, kNegative };
double energy_kwh(const std::vector<double>& power_kw, const std::vector<double>& duration_s, Part part) {
  double sum = 0;
  for (std::size_t r = 0; r < power_kw.size(); ++r) {
    const double p = power_kw[r];
    if ((part == Part::kPositive && !(p > 0)) || (part == Part::kNegative && !(p < 0))) continue;
    sum += p * duration_s[r] / kSecondsPerHour;
  }
  return sum;
}

double tariff_term(const TraceFile& trace, const std::string& key) {
  const std::optional<double> value = trace.scalar("tariff/" + key);
  if (!value) throw TraceError(trace.path().string() + ": missing required dataset 'tariff/" + key + "'");
  return *value;
}

}  // namespace

const TraceComponent& grid_component(const TraceFile& trace) {
  const TraceComponent* grid = nullptr;
  for (const TraceComponent& c : trace.components()) {
    if (c.kind != "grid") continue;
    if (grid) throw TraceError(trace.path().string() + ": more than one component of kind 'grid'");
    grid = &c;
  }
  if (!grid) throw TraceError(trace.path().string() + ": no component of kind 'grid' under components/");
  return *grid;
}

std::optional<double> recorded_kpi(const TraceFile& trace, const std::string& key) {
  if (key != "ev_net_charging_kwh") return trace.scalar("kpis/" + key);
  const std::optional<double> charged = trace.scalar("kpis/ev_charging_kwh");
  const std::optional<double> returned = trace.scalar("kpis/ev_v2g_returned_kwh");
  if (!charged || !returned) return std::nullopt;
  return *charged - *returned;
}

std::vector<double> row_hours(const TraceFile& trace) {
  std::vector<double> hours = trace.channel("time/duration_s");
  for (double& h : hours) h /= kSecondsPerHour;
  return hours;
}

std::vector<RecomputedKpi> recompute_kpis(const TraceFile& trace) {
  const std::string grid = "components/" + grid_component(trace).name + "/";
  const std::vector<double> duration_s = trace.channel("time/duration_s");
  double total_s = 0;
  for (double d : duration_s) total_s += d;

  double import_kwh = 0, export_kwh = 0, energy_cost_cny = 0, co2_kg = 0, export_revenue_cny = 0;
  const double export_price = tariff_term(trace, "export_price_cny_per_kwh");
  std::vector<double> import_kw = trace.channel(grid + "power_kw");
  {
    const std::vector<double> price = trace.channel(grid + "price_cny_per_kwh");
    const std::vector<double> carbon = trace.channel(grid + "carbon_kg_per_kwh");
    for (std::size_t r = 0; r < import_kw.size(); ++r) {
      const double kw = import_kw[r];
      const double in_kwh = std::max(kw, 0.0) * duration_s[r] / kSecondsPerHour;
      const double out_kwh = std::max(-kw, 0.0) * duration_s[r] / kSecondsPerHour;
      // The engine adds the import to grid_import_kwh only when grid_kw >= 0, the export otherwise.
      if (kw >= 0)
        import_kwh += in_kwh;
      else
        export_kwh += out_kwh;
      energy_cost_cny += in_kwh * price[r];
      co2_kg += in_kwh * carbon[r];
      export_revenue_cny += out_kwh * export_price;
      import_kw[r] = std::max(kw, 0.0);
    }
  }
  const double window_s = tariff_term(trace, "demand_window_s");
  if (!(window_s >= 1)) throw TraceError(trace.path().string() + ": tariff/demand_window_s is not a positive length");
  const std::map<int, double> by_month =
      monthly_max_demand_kw(trace, import_kw, duration_s, static_cast<std::int64_t>(std::llround(window_s)));
  import_kw = {};
  double demand_charge_cny = 0, max_demand_kw = 0;
  const double demand_price = tariff_term(trace, "demand_charge_cny_per_kw_month");
  for (const auto& [month, kw] : by_month) {
    demand_charge_cny += kw * demand_price;
    max_demand_kw = std::max(max_demand_kw, kw);
  }
  const double capacity_charge_cny = static_cast<double>(by_month.size()) *
                                     tariff_term(trace, "contracted_capacity_kva") *
                                     tariff_term(trace, "capacity_charge_cny_per_kva_month");

  double onsite_kwh = 0, ev_net_kwh = 0, charged_kwh = 0, discharged_kwh = 0, plugged_h = 0, served_kwh = 0,
         demand_kwh = 0;
  for (const TraceComponent& c : trace.components()) {
    const std::string g = "components/" + c.name + "/";
    if (c.kind == "pv" || c.kind == "wind" || c.kind == "pvt") {
      onsite_kwh += energy_kwh(trace.channel(g + "power_kw"), duration_s, Part::kAll);
    } else if (c.kind == "battery") {
      const std::vector<double> kw = trace.channel(g + "power_kw");
      charged_kwh -= energy_kwh(kw, duration_s, Part::kNegative);
      discharged_kwh += energy_kwh(kw, duration_s, Part::kPositive);
    } else if (c.kind == "ev_charger") {
      ev_net_kwh -= energy_kwh(trace.channel(g + "power_kw"), duration_s, Part::kAll);
      const std::vector<double> plugged = trace.channel(g + "plugged");
      for (std::size_t r = 0; r < plugged.size(); ++r) plugged_h += plugged[r] * duration_s[r] / kSecondsPerHour;
    } else if (c.kind == "load") {
      served_kwh -= energy_kwh(trace.channel(g + "power_kw"), duration_s, Part::kAll);
      demand_kwh += energy_kwh(trace.channel(g + "demand_kw"), duration_s, Part::kAll);
    }
  }
  const double days = total_s / kSecondsPerDay;

  return {
      {"grid_import_kwh", "kWh", import_kwh},
      {"grid_export_kwh", "kWh", export_kwh},
      {"energy_cost_cny", "CNY", energy_cost_cny},
      {"export_revenue_cny", "CNY", export_revenue_cny},
      {"demand_charge_cny", "CNY", demand_charge_cny},
      {"max_demand_kw", "kW", max_demand_kw},
      {"capacity_charge_cny", "CNY", capacity_charge_cny},
      {"net_cost_cny", "CNY", energy_cost_cny + demand_charge_cny + capacity_charge_cny - export_revenue_cny},
      {"co2_kg", "kg", co2_kg},
      {"onsite_generation_kwh", "kWh", onsite_kwh},
      {"battery_charged_kwh", "kWh", charged_kwh},
      {"battery_discharged_kwh", "kWh", discharged_kwh},
      {"ev_net_charging_kwh", "kWh", ev_net_kwh},
      {"ev_charger_hours_per_day", "h/day", days > 0 ? plugged_h / days : 0.0},
      {"load_served_kwh", "kWh", served_kwh},
      {"load_demand_kwh", "kWh", demand_kwh},
  };
}

}  // namespace zeropark::report

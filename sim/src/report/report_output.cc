#include "report/report_output.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace zeropark::report {
namespace {

std::string number_17(double value) {
  if (!std::isfinite(value)) return "null";  // JSON has no NaN or infinity
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Fixed-point with thousands kept readable: 3 decimals, or scientific below 1e-3 and above 1e12.
std::string shown(double value) {
  char text[40];
  const double magnitude = std::fabs(value);
  if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e12))
    std::snprintf(text, sizeof text, "%.6e", value);
  else
    std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

void row(std::ostream& out, const std::vector<std::string>& cells, const std::vector<int>& widths) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const int w = widths[i];
    char cell[160];
    // Negative width: left-aligned text columns; positive: right-aligned numbers.
    std::snprintf(cell, sizeof cell, "%*s", w, cells[i].c_str());
    line += (i ? "  " : "") + std::string(cell);
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

}  // namespace

bool differs_relative(double a, double b, double relative) {
  if (a == b) return false;
  if (!std::isfinite(a) || !std::isfinite(b)) return true;
  return std::fabs(a - b) > relative * std::max(std::fabs(a), std::fabs(b));
}

std::vector<KpiCheck> check_against_recorded(const TraceFile& trace, const std::vector<RecomputedKpi>& kpis) {
  std::vector<KpiCheck> checks;
  for (const RecomputedKpi& k : kpis) {
    KpiCheck c{k, recorded_kpi(trace, k.key), false};
    c.differs = c.recorded && differs_relative(k.value, *c.recorded);
    checks.push_back(c);
  }
  return checks;
}

void write_json(std::ostream& out, const std::vector<RecomputedKpi>& kpis, const Attribution& attribution) {
  out << "{\"kpis\": {";
  for (std::size_t i = 0; i < kpis.size(); ++i)
    out << (i ? ", " : "") << quoted(kpis[i].key) << ": " << number_17(kpis[i].value);
  out << "},\n \"assets\": {";
  for (std::size_t i = 0; i < attribution.assets.size(); ++i) {
    const AssetShare& a = attribution.assets[i];
    out << (i ? ",\n  " : "\n  ") << quoted(a.name) << ": {\"kind\": " << quoted(a.kind)
        << ", \"bus\": " << quoted(a.bus) << ", \"energy_kwh\": " << number_17(a.energy_kwh)
        << ", \"co2_kg\": " << number_17(a.co2_kg) << ", \"cost_cny\": " << number_17(a.cost_cny)
        << ", \"avoided_co2_kg\": " << number_17(a.avoided_co2_kg) << "}";
  }
  out << "},\n \"zones\": {";
  for (std::size_t i = 0; i < attribution.zones.size(); ++i) {
    const ZoneShare& z = attribution.zones[i];
    out << (i ? ",\n  " : "\n  ") << quoted(z.bus) << ": {\"co2_kg\": " << number_17(z.co2_kg)
        << ", \"cost_cny\": " << number_17(z.cost_cny) << ", \"drawn_kwh\": " << number_17(z.drawn_kwh)
        << ", \"generated_kwh\": " << number_17(z.generated_kwh)
        << ", \"avoided_co2_kg\": " << number_17(z.avoided_co2_kg) << "}";
  }
  out << "}}\n";
}

void write_tables(std::ostream& out, const std::string& trace_name, const std::vector<KpiCheck>& kpis,
                  const Attribution& attribution, std::size_t top_assets) {
  out << "KPIs recomputed from " << trace_name
      << " (* = differs from the run's own value by more than 1e-9 relative)\n";
  const std::vector<int> kpi_widths = {-26, 20, -6, 20, -1};
  row(out, {"KPI", "recomputed", "unit", "recorded", ""}, kpi_widths);
  std::size_t differing = 0;
  for (const KpiCheck& c : kpis) {
    differing += c.differs;
    row(out,
        {c.kpi.key, shown(c.kpi.value), c.kpi.unit, c.recorded ? shown(*c.recorded) : "(not recorded)",
         c.differs ? "*" : ""},
        kpi_widths);
  }
  if (differing) out << "warning: " << differing << " KPI(s) differ from the values the run recorded (marked *)\n";

  std::vector<const AssetShare*> assets;
  for (const AssetShare& a : attribution.assets) assets.push_back(&a);
  // Largest CO2 first; names break ties so the order never depends on the file's layout.
  std::stable_sort(assets.begin(), assets.end(), [](const AssetShare* a, const AssetShare* b) {
    return a->co2_kg != b->co2_kg ? a->co2_kg > b->co2_kg : a->name < b->name;
  });
  const std::size_t shown_assets = std::min(top_assets, assets.size());
  out << "\nAttribution per asset (import CO2 and energy cost shared among each row's draws; " << shown_assets << " of "
      << assets.size() << " by CO2)\n";
  const std::vector<int> asset_widths = {-24, -12, -16, 16, 14, 14, 16};
  row(out, {"asset", "kind", "bus", "energy_kwh", "co2_kg", "cost_cny", "avoided_co2_kg"}, asset_widths);
  for (std::size_t i = 0; i < shown_assets; ++i) {
    const AssetShare& a = *assets[i];
    row(out,
        {a.name, a.kind, a.bus.empty() ? "-" : a.bus, shown(a.energy_kwh), shown(a.co2_kg), shown(a.cost_cny),
         shown(a.avoided_co2_kg)},
        asset_widths);
  }
  out << "\nAttribution per zone (bus)\n";
  const std::vector<int> zone_widths = {-24, 14, 16, 14, 14, 16};
  row(out, {"zone", "drawn_kwh", "generated_kwh", "co2_kg", "cost_cny", "avoided_co2_kg"}, zone_widths);
  for (const ZoneShare& z : attribution.zones)
    row(out,
        {z.bus, shown(z.drawn_kwh), shown(z.generated_kwh), shown(z.co2_kg), shown(z.cost_cny),
         shown(z.avoided_co2_kg)},
        zone_widths);
  out << "\nenergy_kwh: delivered by PV, wind and PV/thermal, drawn by everything else (batteries and EV chargers "
         "while charging); a zone's drawn_kwh sums its assets' draws, its generated_kwh its renewables' output.\n"
         "line_losses (and unattributed, when shown: imports in rows where nothing drew) are zones of their own.\n"
         "Demand and capacity charges are not attributed per asset or zone (they follow the month's peak window "
         "and the contract, not energy).\n";
}

}  // namespace zeropark::report

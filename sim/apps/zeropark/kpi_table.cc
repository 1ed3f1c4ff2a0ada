#include "kpi_table.h"

#include <algorithm>
#include <cmath>

namespace zeropark::cli {

namespace {

// Ratios read best with 4 decimals, energies and money with 1; rounding noise (−7e-9 kWh) would
// print as "-0.0".
int decimals_for(const Kpi& k) { return k.unit == "1" ? 4 : 1; }
double shown(const Kpi& k) { return std::abs(k.value) < 0.5 * std::pow(10.0, -decimals_for(k)) ? 0.0 : k.value; }

}  // namespace

void print_kpi_columns(std::FILE* out, const std::vector<std::string>& headings, const std::vector<KpiTable>& tables) {
  if (tables.empty()) return;
  std::size_t width = 10, column = 16;
  for (const Kpi& k : tables.front()) width = std::max(width, k.key.size());
  for (const std::string& h : headings) column = std::max(column, h.size() + 2);
  std::fprintf(out, "%-*s", static_cast<int>(width), "KPI");
  for (const std::string& h : headings) std::fprintf(out, " %*s", static_cast<int>(column), h.c_str());
  std::fprintf(out, "  unit\n");
  for (std::size_t row = 0; row < tables.front().size(); ++row) {
    const Kpi& first = tables.front()[row];
    std::fprintf(out, "%-*s", static_cast<int>(width), first.key.c_str());
    for (const KpiTable& t : tables)
      std::fprintf(out, " %*.*f", static_cast<int>(column), decimals_for(t[row]), shown(t[row]));
    std::fprintf(out, "  %s\n", first.unit.c_str());
  }
}

void print_controller_statistics(std::FILE* out, const std::string& controller,
                                 const std::vector<ControllerStatistic>& statistics) {
  if (statistics.empty()) return;
  std::fprintf(out, "\ncontroller %s (wall-clock figures, not in the trace):\n", controller.c_str());
  std::size_t width = 10;
  for (const ControllerStatistic& s : statistics) width = std::max(width, s.key.size());
  for (const ControllerStatistic& s : statistics)
    std::fprintf(out, "  %-*s %14.4f  %s\n", static_cast<int>(width), s.key.c_str(), s.value, s.description.c_str());
}

void print_kpi_table(std::FILE* out, const KpiTable& kpis) {
  std::size_t width = 10;
  for (const Kpi& k : kpis) width = std::max(width, k.key.size());
  std::fprintf(out, "%-*s %18s  %s\n", static_cast<int>(width), "KPI", "value", "unit");
  for (const Kpi& k : kpis) {
    std::fprintf(out, "%-*s %18.*f  %s\n", static_cast<int>(width), k.key.c_str(), decimals_for(k), shown(k),
                 k.unit.c_str());
  }
}

}  // namespace zeropark::cli

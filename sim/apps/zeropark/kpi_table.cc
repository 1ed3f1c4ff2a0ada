#include "kpi_table.h"

#include <algorithm>
#include <cmath>

namespace zeropark::cli {

void print_kpi_table(std::FILE* out, const KpiTable& kpis) {
  std::size_t width = 10;
  for (const Kpi& k : kpis) width = std::max(width, k.key.size());
  std::fprintf(out, "%-*s %18s  %s\n", static_cast<int>(width), "KPI", "value", "unit");
  for (const Kpi& k : kpis) {
    // Ratios read best with 4 decimals, energies and money with 1.
    const int decimals = k.unit == "1" ? 4 : 1;
    // Rounding noise (e.g. −7e-9 kWh) would print as "-0.0".
    const double shown = std::abs(k.value) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : k.value;
    std::fprintf(out, "%-*s %18.*f  %s\n", static_cast<int>(width), k.key.c_str(), decimals, shown, k.unit.c_str());
  }
}

}  // namespace zeropark::cli

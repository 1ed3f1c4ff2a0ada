// Engineering formatting (see format.h).
#include "format.h"

#include <cmath>
#include <cstdio>

namespace zeropark::view {

namespace {

// Three significant digits with the largest prefix that keeps the mantissa ≥ 1.
std::string scaled(double value, const char* const units[], int count, double step) {
  int k = 0;
  double v = value;
  while (k + 1 < count && std::abs(v) >= step) {
    v /= step;
    ++k;
  }
  char text[48];
  std::snprintf(text, sizeof text,
                std::abs(v) >= 100  ? "%.0f %s"
                : std::abs(v) >= 10 ? "%.1f %s"
                                    : "%.2f %s",
                v, units[k]);
  return text;
}

}  // namespace

std::string format_power_kw(double kw) {
  static const char* const units[] = {"kW", "MW", "GW"};
  return scaled(kw, units, 3, 1000);
}

std::string format_energy_kwh(double kwh) {
  static const char* const units[] = {"kWh", "MWh", "GWh"};
  return scaled(kwh, units, 3, 1000);
}

std::string format_mass_kg(double kg) {
  static const char* const units[] = {"kg", "t", "kt"};
  return scaled(kg, units, 3, 1000);
}

std::string format_cny(double cny) {
  static const char* const units[] = {"CNY", "k CNY", "M CNY"};
  return scaled(cny, units, 3, 1000);
}

}  // namespace zeropark::view

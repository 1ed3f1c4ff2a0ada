// Numbers as the panels print them: engineering prefixes and units, never bare floats.
#pragma once

#include <string>

namespace zeropark::view {

std::string format_power_kw(double kw);     // "850 kW", "-1.23 MW"
std::string format_energy_kwh(double kwh);  // "12.3 MWh", "4.56 GWh"
std::string format_mass_kg(double kg);      // "830 kg", "12.4 t"
std::string format_cny(double cny);         // "CNY 1.23 M"

}  // namespace zeropark::view

// The carbon inputs compiled: the grid's emission factor named from the MEE table, and the
// carbon_ledger section resolved against the park's components and tariff periods.
#pragma once

#include <string>
#include <vector>

#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark {

// The constant factor `grid.emission_factor` names (kg CO2/kWh). An unknown year or area throws
// InputError at its line, listing the choices; a factor the table does not mark as verified is
// used with a warning (file:line) appended to `warnings`.
double mee_emission_factor_kg_per_kwh(const GridSpec& grid, std::vector<std::string>& warnings);

// Needs `model` compiled up to its components and tariff. Throws InputError at the offending line
// for unknown or repeated members, duplicate names, unknown tariff periods and credits without EV
// chargers to earn them.
CarbonLedgerModel compile_carbon_ledger(const CarbonLedgerSpec& spec, const ParkModel& model);

}  // namespace zeropark

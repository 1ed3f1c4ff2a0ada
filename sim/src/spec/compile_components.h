// Compilation of the component definitions that need more than copying fields: files to read,
// tables to check, published defaults to fill in.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark {

// Reads the power curve (relative to `scenario_dir`) and checks it.
WindTurbineModel compile_wind_turbine(const WindTurbineSpec& spec, int bus, const std::filesystem::path& scenario_dir);

// Fills the source's published temperature profile where the file gives none (ground: the site's
// annual mean air temperature), and checks the performance table. `cooling` for a chiller.
HeatPumpModel compile_heat_pump(const HeatPumpSpec& spec, bool cooling, int bus, int heat_bus,
                                double annual_mean_air_c);

// Builds one building's envelope (a square block) and its 5R1C network.
BuildingModel compile_building(const BuildingSpec& spec, int heat_bus, int cooling_bus);

// The IT profile scaled to its peak, and the cooling plant's parameters.
DataCentreModel compile_data_centre(const DataCentreSpec& spec, int bus, const std::filesystem::path& scenario_dir);

// Reads the group's sessions (relative to `scenario_dir`) or generates them with `seed`, inside
// the run's window.
EvChargerModel compile_ev_charger(const EvChargerSpec& spec, int bus, const std::filesystem::path& scenario_dir,
                                  const CivilTime& start, Tick duration_s, std::uint64_t seed);

// NREL SSC's Li-ion ageing: its cycle-fade table and square-root calendar model.
std::shared_ptr<const BatteryAgeingParams> standard_battery_ageing();

PvtModel compile_pvt(const PvtSpec& spec, int bus, int heat_bus);
ElectrolyserModel compile_electrolyser(const ElectrolyserSpec& spec, int bus, int tank);
FuelCellModel compile_fuel_cell(const FuelCellSpec& spec, int bus, int tank, int heat_bus);
// The hourly shape of a refuelling station's dispensing (DOE H2A).
std::array<double, 24> refuelling_station_hourly_shape();

// Looks up the vegetation's published sequestration factor unless the file overrides it.
GreenSpaceModel compile_green_space(const GreenSpaceSpec& spec);

}  // namespace zeropark

// Wind turbines, heat pumps and chillers, green spaces: from definition to model.
#include "spec/compile_components.h"

#include <cmath>

#include "components/battery_ageing.h"
#include "components/building_5r1c.h"
#include "components/carbon_sink.h"
#include "components/data_centre.h"
#include "components/ev_sessions.h"
#include "components/heat_pump.h"
#include "components/heat_source_temperature.h"
#include "components/hydrogen.h"
#include "components/load.h"
#include "components/pvt_collector.h"
#include "components/wind_turbine.h"
#include "spec/param_table.h"
#include "zeropark/error.h"

namespace zeropark {
namespace {

InputLocation where(const SourceRef& at) { return {at.file, at.line, at.column}; }

HeatPumpSource source_of(const std::string& name) {
  if (name == "sea_water") return HeatPumpSource::kSeaWater;
  if (name == "sewage") return HeatPumpSource::kSewage;
  if (name == "ground") return HeatPumpSource::kGround;
  if (name == "constant") return HeatPumpSource::kConstant;
  return HeatPumpSource::kAir;
}

// Rows of a YAML matrix into one row-major vector, checking that every row has `columns` values.
std::vector<double> flatten(const std::vector<std::vector<double>>& rows, std::size_t columns, const SourceRef& at,
                            const std::string& field) {
  std::vector<double> flat;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != columns)
      throw InputError(where(at), field + "[" + std::to_string(r) + "]",
                       "has " + std::to_string(rows[r].size()) + " values; sink_c has " + std::to_string(columns));
    flat.insert(flat.end(), rows[r].begin(), rows[r].end());
  }
  return flat;
}

}  // namespace

WindTurbineModel compile_wind_turbine(const WindTurbineSpec& spec, int bus, const std::filesystem::path& scenario_dir) {
  const std::filesystem::path path = scenario_dir / spec.power_curve;
  if (!std::filesystem::is_regular_file(path))
    throw InputError(where(spec.at), "wind_turbines." + spec.name + ".power_curve",
                     "cannot open power curve '" + path.string() + "'");
  const PowerCurve curve = read_power_curve_csv(path);
  WindTurbineModel m;
  m.name = spec.name;
  m.bus = bus;
  m.curve_wind_m_s = curve.wind_speed_m_s;
  m.curve_power_kw = curve.power_kw;
  m.count = spec.count;
  m.hub_height_m = spec.hub_height_m;
  m.reference_height_m = spec.reference_height_m;
  m.shear_exponent = spec.shear_exponent;
  m.density_correction = spec.density_correction == "yes";
  m.availability = spec.availability;
  return m;
}

HeatPumpModel compile_heat_pump(const HeatPumpSpec& spec, bool cooling, int bus, int heat_bus,
                                double annual_mean_air_c) {
  const std::string field = std::string(cooling ? "chillers." : "heat_pumps.") + spec.name + ".";
  HeatPumpModel m;
  m.name = spec.name;
  m.bus = bus;
  m.heat_bus = heat_bus;
  m.cooling = cooling;
  m.source = source_of(spec.source);
  SeasonalTemperature profile{15, 0, 0};
  switch (m.source) {
    case HeatPumpSource::kSeaWater:
      profile = qingdao_sea_water();
      break;
    case HeatPumpSource::kSewage:
      profile = northern_china_sewage();
      break;
    // Below about 10 m the ground no longer follows the seasons (the Kusuda–Achenbach amplitude
    // decays as exp(−depth·sqrt(π/(365 α)))): boreholes see the annual mean air temperature.
    case HeatPumpSource::kGround:
      profile = {annual_mean_air_c, 0, 0};
      break;
    case HeatPumpSource::kAir:
    case HeatPumpSource::kConstant:
      break;
  }
  if (m.source == HeatPumpSource::kConstant && std::isnan(spec.source_mean_c))
    throw InputError(where(spec.at), field + "source_mean_c", "a constant source needs its temperature");
  m.source_mean_c = std::isnan(spec.source_mean_c) ? profile.annual_mean_c : spec.source_mean_c;
  m.source_amplitude_k = m.source == HeatPumpSource::kConstant ? 0.0
                         : std::isnan(spec.source_amplitude_k) ? profile.amplitude_k
                                                               : spec.source_amplitude_k;
  m.source_coldest_day = std::isnan(spec.source_coldest_day) ? profile.coldest_day_of_year : spec.source_coldest_day;
  m.cop_method = spec.cop_method == "table" ? HeatPumpCopMethod::kTable : HeatPumpCopMethod::kCarnotFraction;
  m.carnot_fraction = spec.carnot_fraction;
  m.min_lift_k = spec.min_lift_k;
  m.max_cop = spec.max_cop;
  m.rated_kw = spec.rated_kw;
  m.min_load_fraction = spec.min_load_fraction;
  m.min_on_s = static_cast<Tick>(spec.min_on_s);
  m.min_off_s = static_cast<Tick>(spec.min_off_s);
  if (m.cop_method == HeatPumpCopMethod::kTable) {
    const PerformanceTableSpec& t = spec.table;
    if (t.source_c.empty())
      throw InputError(where(spec.at), field + "cop_table", "cop_method 'table' needs a cop_table");
    const SourceRef& at = t.at.line > 0 ? t.at : spec.at;
    PerformanceTable table;
    table.source_c = t.source_c;
    table.sink_c = t.sink_c;
    if (t.cop.size() != t.source_c.size())
      throw InputError(
          where(at), field + "cop_table.cop",
          "has " + std::to_string(t.cop.size()) + " rows; source_c has " + std::to_string(t.source_c.size()));
    table.cop = flatten(t.cop, t.sink_c.size(), at, field + "cop_table.cop");
    if (!t.capacity_kw.empty()) {
      if (t.capacity_kw.size() != t.source_c.size())
        throw InputError(
            where(at), field + "cop_table.capacity_kw",
            "has " + std::to_string(t.capacity_kw.size()) + " rows; source_c has " + std::to_string(t.source_c.size()));
      table.capacity_kw = flatten(t.capacity_kw, t.sink_c.size(), at, field + "cop_table.capacity_kw");
    }
    check_performance_table(table, where(at), field + "cop_table");
    m.table_source_c = table.source_c;
    m.table_sink_c = table.sink_c;
    m.table_cop = table.cop;
    m.table_capacity_kw = table.capacity_kw;
  } else if (!spec.table.source_c.empty()) {
    throw InputError(where(spec.table.at), field + "cop_table", "is only read with cop_method: table");
  }
  return m;
}

BuildingModel compile_building(const BuildingSpec& spec, int heat_bus, int cooling_bus) {
  BuildingEnvelope e;
  e.floor_area_m2 = spec.floor_area_m2;
  e.ceiling_height_m = spec.ceiling_height_m;
  const double footprint_m2 = spec.floor_area_m2 / spec.storeys;
  const double side_m = std::sqrt(footprint_m2);
  const double facade_m2 = side_m * spec.storeys * spec.ceiling_height_m;
  const auto facade = [&](double azimuth_deg) {
    EnvelopeSurface f;
    f.azimuth_deg = azimuth_deg;
    f.tilt_deg = 90;
    f.window_area_m2 = facade_m2 * spec.window_to_wall_ratio;
    f.opaque_area_m2 = facade_m2 - f.window_area_m2;
    f.opaque_u_w_m2k = spec.wall_u_w_m2k;
    f.window_u_w_m2k = spec.window_u_w_m2k;
    f.window_g = spec.window_g;
    return f;
  };
  e.north = facade(0);
  e.east = facade(90);
  e.south = facade(180);
  e.west = facade(270);
  e.roof = EnvelopeSurface{};
  e.roof.tilt_deg = 0;
  e.roof.opaque_area_m2 = footprint_m2;
  e.roof.opaque_u_w_m2k = spec.roof_u_w_m2k;
  e.roof.window_area_m2 = 0;
  e.ground_floor_area_m2 = 0;
  e.infiltration_ach = spec.infiltration_ach;
  e.mechanical_ventilation_ach = spec.ventilation_ach;
  e.heat_recovery_efficiency = spec.heat_recovery_efficiency;
  e.internal_gains_w_m2 = spec.internal_gains_w_m2;
  e.heating_setpoint_c = spec.heating_setpoint_c;
  e.cooling_setpoint_c = spec.cooling_setpoint_c;
  if (cooling_bus < 0) e.max_cooling_kw = 0;  // not cooled: it floats above its cooling set-point
  e.mass_class = spec.mass_class == "very_light"   ? BuildingMassClass::kVeryLight
                 : spec.mass_class == "light"      ? BuildingMassClass::kLight
                 : spec.mass_class == "heavy"      ? BuildingMassClass::kHeavy
                 : spec.mass_class == "very_heavy" ? BuildingMassClass::kVeryHeavy
                                                   : BuildingMassClass::kMedium;
  if (const std::optional<EnvelopeProblem> problem = check_envelope(e))
    throw InputError(where(spec.at), "buildings." + spec.name + "." + problem->field, problem->message);
  BuildingModel m;
  m.name = spec.name;
  m.heat_bus = heat_bus;
  m.cooling_bus = cooling_bus;
  m.count = spec.count;
  m.initial_mass_c = spec.initial_temperature_c;
  m.envelope = std::make_shared<const BuildingEnvelope>(e);
  m.network = std::make_shared<const Building5R1C>(building_from_envelope(e));
  return m;
}

DataCentreModel compile_data_centre(const DataCentreSpec& spec, int bus, const std::filesystem::path& scenario_dir) {
  LoadSpec it = default_load();
  it.name = spec.name;
  it.bus = spec.bus;
  it.profile = spec.it_profile;
  it.at = spec.at;
  const double peak_kw = spec.it_capacity_kw * spec.it_utilisation;
  it.peak_kw = peak_kw;
  DataCentreModel m;
  m.name = spec.name;
  m.bus = bus;
  m.critical = spec.critical == "yes";
  m.it = compile_load(it, bus, scenario_dir);
  // A measured profile keeps its shape and is scaled to the peak, like a built-in one.
  double highest_kw = 0;
  for (double kw : m.it.hourly_kw) highest_kw = std::max(highest_kw, kw);
  if (highest_kw <= 0)
    throw InputError(where(spec.at), "data_centres." + spec.name + ".it_profile", "the IT profile is zero all year");
  for (double& kw : m.it.hourly_kw) kw *= peak_kw / highest_kw;
  DataCentreParams plant;
  plant.ups_efficiency = spec.ups_efficiency;
  plant.chw_supply_c = spec.chilled_water_supply_c;
  plant.water_side_economizer = spec.water_side_economizer == "yes";
  plant.chiller_carnot_fraction = spec.chiller_carnot_fraction;
  plant.tower_approach_k = spec.tower_approach_k;
  m.plant = std::make_shared<const DataCentreParams>(plant);
  return m;
}

EvChargerModel compile_ev_charger(const EvChargerSpec& spec, int bus, const std::filesystem::path& scenario_dir,
                                  const CivilTime& start, Tick duration_s, std::uint64_t seed) {
  EvChargerModel m;
  m.name = spec.name;
  m.bus = bus;
  m.count = static_cast<int>(spec.count);
  m.max_power_kw = spec.max_power_kw;
  m.efficiency = spec.efficiency;
  m.bidirectional = spec.bidirectional == "yes";
  EvFleetDefaults fleet;
  fleet.battery_capacity_kwh = spec.ev_battery_kwh;
  fleet.max_charge_kw = spec.ev_max_charge_kw;
  if (!spec.sessions.empty()) {
    const std::filesystem::path path = scenario_dir / spec.sessions;
    if (!std::filesystem::is_regular_file(path))
      throw InputError(where(spec.at), "ev_chargers." + spec.name + ".sessions",
                       "cannot open sessions file '" + path.string() + "'");
    m.sessions = std::make_shared<const std::vector<EvSession>>(read_ev_sessions_csv(path, start, duration_s, fleet));
    return m;
  }
  EvGeneratorParams params = workplace_generator_defaults();
  params.sessions_per_weekday = spec.sessions_per_charger_weekday * spec.count;
  params.sessions_per_weekend_day = spec.sessions_per_charger_weekend_day * spec.count;
  params.fleet = fleet;
  m.sessions = std::make_shared<const std::vector<EvSession>>(generate_ev_sessions(params, start, duration_s, seed));
  return m;
}

std::shared_ptr<const BatteryAgeingParams> standard_battery_ageing() {
  BatteryAgeingParams p;
  // SSC's Li-ion cycle table (lib_battery_lifetime tests): capacity % after so many cycles of a
  // depth of discharge; 80 % after 5,000 cycles of 20 % DOD or 1,000 cycles of 80 % DOD.
  p.cycle_table = {{20, 20, 20, 80, 80, 80}, {0, 5000, 10000, 0, 1000, 2000}, {100, 80, 60, 100, 80, 60}};
  p.calendar.model = CalendarFadeModel::kLithiumIonSqrt;  // q0 1.02, a 2.66e-3, b −7280 K, c 930 K
  return std::make_shared<const BatteryAgeingParams>(p);
}

PvtModel compile_pvt(const PvtSpec& spec, int bus, int heat_bus) {
  PvtParams collector = default_pvt_params();
  collector.pv.tilt_deg = spec.tilt_deg;
  collector.pv.azimuth_deg = spec.azimuth_deg;
  PvtModel m;
  m.name = spec.name;
  m.bus = bus;
  m.heat_bus = heat_bus;
  m.collectors = spec.area_m2 / collector.gross_area_m2;
  m.tilt_deg = spec.tilt_deg;
  m.azimuth_deg = spec.azimuth_deg;
  m.collector = std::make_shared<const PvtParams>(collector);
  return m;
}

ElectrolyserModel compile_electrolyser(const ElectrolyserSpec& spec, int bus, int tank) {
  ElectrolyserParams params = default_electrolyser_params();
  params.rated_power_kw = spec.rated_power_kw;
  params.system_energy_rated_kwh_per_kg = spec.energy_kwh_per_kg;
  params.min_load_fraction = spec.min_load_fraction;
  check_electrolyser_params(params, where(spec.at), "electrolysers." + spec.name);
  return {spec.name, bus, tank, spec.refill_below_kg, std::make_shared<const ElectrolyserParams>(params)};
}

FuelCellModel compile_fuel_cell(const FuelCellSpec& spec, int bus, int tank, int heat_bus) {
  FuelCellParams params = default_fuel_cell_params();
  params.rated_electric_kw = spec.rated_electric_kw;
  check_fuel_cell_params(params, where(spec.at), "fuel_cells." + spec.name);
  return {spec.name, bus, tank, heat_bus, std::make_shared<const FuelCellParams>(params)};
}

std::array<double, 24> refuelling_station_hourly_shape() { return kRefuellingStationHourlyShape; }

GreenSpaceModel compile_green_space(const GreenSpaceSpec& spec) {
  GreenSpaceModel m{spec.name, spec.area_m2, spec.sequestration_kg_co2_per_m2_year};
  if (m.sequestration_kg_co2_per_m2_year > 0) return m;
  const std::optional<Vegetation> vegetation = vegetation_from_name(spec.vegetation);
  if (!vegetation) {
    std::vector<std::string_view> names;
    for (Vegetation v : kAllVegetation) names.push_back(vegetation_name(v));
    const std::string hint = closest_key(spec.vegetation, names);
    std::string all;
    for (std::string_view n : names) all += (all.empty() ? "" : ", ") + std::string(n);
    throw InputError(where(spec.at), "green_spaces." + spec.name + ".vegetation",
                     "unknown vegetation '" + spec.vegetation + "'" +
                         (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; known: " + all);
  }
  m.sequestration_kg_co2_per_m2_year = sequestration_kg_co2_per_m2_year(*vegetation);
  return m;
}

}  // namespace zeropark

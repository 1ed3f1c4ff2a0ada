// ParkSpec: what a scenario file says, before names are resolved and values cross-checked.
//
// Each definition struct starts from the defaults of its parameter table (default_battery() and
// friends, the way Box2D builds bodies from b2BodyDef), so a test builds a park in three lines and
// the YAML reader only overwrites what the file sets. compile_park() (model.h) turns a spec into
// the immutable ParkModel and performs every check that needs more than one field.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace zeropark {

// Where a definition came from, so that errors found later still point into the file.
struct SourceRef {
  std::string file;
  int line = 0;    // 1-based; 0 = not from a file
  int column = 0;  // 1-based
};

struct SimulationSpec {
  std::string start_iso;  // local standard time of the park
  std::string end_iso;    // exclusive
  double resolution_s = 0;
  double decision_interval_s = 0;  // 0: the controller decides at every input step
  double seed = 0;
  std::string weather_path;  // EPW, relative to the scenario file
  std::string controller;
  std::string controller_plugin;  // a controller plug-in's path, relative to the scenario (instead of controller)
  double delta_t_s = 0;  // TT - UT for the solar position
  SourceRef at;
  std::map<std::string, SourceRef> key_at;  // where each key given in the file sits
};

struct BusSpec {
  std::string name;
  SourceRef at;
};

// A line or transformer between two buses. Capacity limits the power leaving its sending end.
struct LineSpec {
  std::string name;
  std::string from_bus;
  std::string to_bus;
  double capacity_kw = 0;
  double efficiency = 0;
  SourceRef at;
};

struct PvSpec {
  std::string name;
  std::string bus;
  double dc_capacity_kw = 0;
  double ac_capacity_kw = 0;  // 0: dc_capacity_kw / 1.2 (PVWatts' default DC/AC ratio)
  double tilt_deg = 0;
  double azimuth_deg = 0;  // clockwise from north: 180 = south
  double albedo = 0;
  double gamma_pdc_per_c = 0;
  double system_losses_fraction = 0;
  double inverter_efficiency = 0;
  std::string mounting;         // open_rack, roof_mount or insulated_back: the cell-temperature model
  std::string tracking;         // fixed, single_axis or dual_axis
  double axis_tilt_deg = 0;     // single_axis: tilt of the rotation axis
  double axis_azimuth_deg = 0;  // single_axis: direction of the axis, clockwise from north
  double max_angle_deg = 0;     // single_axis: rotation limit either way; dual_axis: tilt limit
  std::string backtrack;        // single_axis: yes or no
  double gcr = 0;               // ground coverage ratio of the rows (backtracking, bifacial)
  double bifaciality = 0;       // rear/front efficiency ratio; 0 = monofacial
  double module_height_m = 0;   // bifacial: height of the module centre above the ground
  SourceRef at;
};

struct WindTurbineSpec {
  std::string name;
  std::string bus;
  std::string power_curve;  // CSV path: wind_speed_m_s,power_kw
  double count = 0;         // identical turbines in the group
  double hub_height_m = 0;
  double reference_height_m = 0;  // height of the weather file's anemometer
  double shear_exponent = 0;
  std::string density_correction;  // yes or no
  double availability = 0;         // fraction of the time the turbines can run
  SourceRef at;
};

struct BatterySpec {
  std::string name;
  std::string bus;
  double capacity_kwh = 0;
  double max_charge_kw = 0;
  double max_discharge_kw = 0;
  double charge_efficiency = 0;
  double discharge_efficiency = 0;
  double soc_min = 0;
  double soc_max = 0;
  double soc_initial = 0;
  double backup_reserve_soc = 0;  // kept for outages while grid-connected; 0: none
  double self_discharge_per_day = 0;  // fraction of the stored energy lost per day at rest
  std::string ageing;                 // none or standard
  SourceRef at;
};

struct LoadSpec {
  std::string name;
  std::string bus;
  std::string profile;    // a CSV path (relative to the scenario) or a built-in profile name
  double annual_kwh = 0;  // 0: use the profile's own energy
  double peak_kw = 0;     // built-in profiles only: their peak
  std::string critical;   // yes or no: served first when the park is short (islanded, limits)
  SourceRef at;
};

// A heat (or cooling) bus: one temperature level, balanced like an electric bus.
struct HeatBusSpec {
  std::string name;
  std::string medium;  // heating or cooling
  double supply_temperature_c = 0;
  SourceRef at;
};

// A manufacturer-style table over source and sink temperatures.
struct PerformanceTableSpec {
  std::vector<double> source_c;
  std::vector<double> sink_c;
  std::vector<std::vector<double>> cop;          // [source][sink]
  std::vector<std::vector<double>> capacity_kw;  // optional, same shape
  SourceRef at;
};

// A heat pump (on a heating bus) or chiller (on a cooling bus) driven from an electric bus.
struct HeatPumpSpec {
  std::string name;
  std::string bus;                // electric
  std::string heat_bus;           // heating bus (heat pumps) or cooling bus (chillers)
  std::string source;             // air, sea_water, sewage, ground, constant
  double source_mean_c = 0;       // non-air sources: annual mean (NaN = the source's default)
  double source_amplitude_k = 0;  // non-air sources: half the annual swing
  double source_coldest_day = 0;  // non-air sources: day of the year of the minimum
  std::string cop_method;         // carnot or table
  double carnot_fraction = 0;
  double min_lift_k = 0;
  double max_cop = 0;
  double rated_kw = 0;  // thermal output at rating (heat for heat pumps, cooling for chillers)
  double min_load_fraction = 0;
  double min_on_s = 0;
  double min_off_s = 0;
  PerformanceTableSpec table;
  SourceRef at;
};

struct ThermalStorageSpec {
  std::string name;
  std::string heat_bus;
  double capacity_kwh = 0;
  double max_charge_kw = 0;
  double max_discharge_kw = 0;
  double standing_loss_per_day = 0;
  double soc_initial = 0;
  SourceRef at;
};

// A building whose heating and cooling demand comes from a thermal model (ISO 13790 5R1C) driven
// by the weather. Its envelope is a rectangular block described by a few numbers.
struct BuildingSpec {
  std::string name;
  std::string heat_bus;     // heating bus that serves it
  std::string cooling_bus;  // cooling bus that serves it; "" = no cooling (it floats)
  double count = 0;         // identical buildings
  double floor_area_m2 = 0;
  double storeys = 0;
  double ceiling_height_m = 0;
  double window_to_wall_ratio = 0;
  double wall_u_w_m2k = 0;
  double roof_u_w_m2k = 0;
  double window_u_w_m2k = 0;
  double window_g = 0;
  double infiltration_ach = 0;
  double ventilation_ach = 0;
  double heat_recovery_efficiency = 0;
  double internal_gains_w_m2 = 0;
  double heating_setpoint_c = 0;
  double cooling_setpoint_c = 0;
  std::string mass_class;  // very_light, light, medium, heavy, very_heavy
  double initial_temperature_c = 0;
  SourceRef at;
};

// A data centre: IT load from a profile, times a PUE that follows the weather through its cooling
// plant (components/data_centre.h).
struct DataCentreSpec {
  std::string name;
  std::string bus;
  double it_capacity_kw = 0;
  std::string it_profile;  // as loads' profiles; scaled so its peak is it_capacity_kw × utilisation
  double it_utilisation = 0;
  double ups_efficiency = 0;
  double chilled_water_supply_c = 0;
  std::string water_side_economizer;  // yes or no
  double chiller_carnot_fraction = 0;
  double tower_approach_k = 0;
  std::string critical;  // yes or no, as loads
  SourceRef at;
};

// A group of identical EV charge points and the charging sessions they serve.
struct EvChargerSpec {
  std::string name;
  std::string bus;
  double count = 0;  // charge points
  double max_power_kw = 0;
  double efficiency = 0;
  std::string bidirectional;  // yes (V2G) or no
  std::string sessions;       // CSV of real sessions; "" = the seeded generator
  double sessions_per_charger_weekday = 0;
  double sessions_per_charger_weekend_day = 0;
  double ev_battery_kwh = 0;
  double ev_max_charge_kw = 0;
  SourceRef at;
};

// PV/thermal collectors: electricity to an electric bus, heat to a heating bus.
struct PvtSpec {
  std::string name;
  std::string bus;
  std::string heat_bus;
  double area_m2 = 0;
  double tilt_deg = 0;
  double azimuth_deg = 0;
  SourceRef at;
};

// The hydrogen chain: tanks, electrolysers filling them, fuel cells and vehicles drawing on them.
struct H2TankSpec {
  std::string name;
  double capacity_kg = 0;
  double min_kg = 0;
  double initial_kg = 0;
  SourceRef at;
};
struct ElectrolyserSpec {
  std::string name;
  std::string bus;
  std::string h2_tank;
  double rated_power_kw = 0;
  double energy_kwh_per_kg = 0;
  double min_load_fraction = 0;
  double refill_below_kg = 0;
  SourceRef at;
};
struct FuelCellSpec {
  std::string name;
  std::string bus;
  std::string h2_tank;
  std::string heat_bus;  // "" = its heat is not recovered
  double rated_electric_kw = 0;
  SourceRef at;
};
struct H2DemandSpec {
  std::string name;
  std::string h2_tank;
  double daily_kg = 0;
  SourceRef at;
};

// Carbon sink: green space that takes up CO2.
struct GreenSpaceSpec {
  std::string name;
  double area_m2 = 0;
  std::string vegetation;
  double sequestration_kg_co2_per_m2_year = 0;  // 0: the vegetation type's published factor
  SourceRef at;
};

struct TariffPeriodSpec {
  std::string start_hhmm;  // the period runs from here to the next entry's start (wrapping)
  std::string period;      // a key of the price map: critical_peak, peak, flat, valley, ...
  SourceRef at;
};

struct TariffSeasonSpec {
  std::string name;
  std::vector<int> months;                           // 1..12
  std::vector<TariffPeriodSpec> periods;             // sorted by start in the file
  std::map<std::string, double> prices_cny_per_kwh;  // overrides of the tariff's prices
  SourceRef at;
};

struct TariffSpec {
  std::map<std::string, double> prices_cny_per_kwh;
  std::vector<TariffSeasonSpec> seasons;
  double export_price_cny_per_kwh = 0;
  double demand_charge_cny_per_kw_month = 0;     // two-part tariff: on the month's maximum demand
  double capacity_charge_cny_per_kva_month = 0;  // two-part tariff: on the contracted capacity
  double contracted_capacity_kva = 0;
  double demand_window_s = 0;  // maximum demand is the highest mean import over such windows
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

// The grid's emission factor named from a published table instead of a number (docs/carbon.md).
struct EmissionFactorRefSpec {
  bool present = false;
  std::string table;  // "mee": the Ministry of Ecology and Environment / NBS factors
  double year = 0;    // the year the factor describes (not the year it was published)
  std::string area;   // national, national_fossil, …, a grid region or a province
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

struct GridSpec {
  std::string name;
  std::string bus;
  double import_limit_kw = 0;
  double export_limit_kw = 0;
  double carbon_intensity_kg_per_kwh = 0;  // used when no hourly series is given
  std::string carbon_intensity_csv;        // hourly kg CO2/kWh series, 8760 rows
  EmissionFactorRefSpec emission_factor;   // or the constant from a published table
  TariffSpec tariff;
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

// When a component, or the grid connection, is out of service: one scheduled outage (start, end)
// or seeded random ones (mean time between failures and to repair, both exponential).
struct OutageSpec {
  std::string component;  // the grid's name or a component's name
  std::string start_iso;  // scheduled: first instant out (local standard time)
  std::string end_iso;    // scheduled: back in service (exclusive)
  std::string link;       // instead of component: a control-network link (a gateway's or a device's)
  double mean_time_between_failures_h = 0;  // random: 0 = not random
  double mean_time_to_repair_h = 0;
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

// A controller of its own for some devices: its set-points replace the supervisory controller's
// for them (a charger group's own orderly charging under a park-wide MPC, say).
struct LocalControllerSpec {
  std::string controller;         // a built-in controller, by name
  std::string controller_plugin;  // or a plug-in, by path relative to the scenario
  std::vector<std::string> devices;  // batteries, thermal storage, charger groups, electrolysers, fuel cells
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

// The park's control network (optional; without it messages take no time). Each networked device
// (or the grid connection's meter) reaches the controller through its own link and, optionally, a
// gateway's uplink.
struct NetworkGatewaySpec {
  std::string name;
  double latency_ms = 0;
  double bandwidth_kbps = 0;  // kilobits per second
  SourceRef at;
};
struct NetworkLinkSpec {
  std::string device;   // a battery, thermal storage, charger group, electrolyser, fuel cell, or the grid (its meter)
  std::string gateway;  // empty: straight to the controller
  double latency_ms = 0;
  double bandwidth_kbps = 0;
  SourceRef at;
};
struct NetworkSpec {
  bool present = false;
  double setpoint_timeout_s = 0;
  double measurement_window_s = 0;
  double measurement_bytes = 0;
  double setpoint_bytes = 0;
  std::vector<NetworkGatewaySpec> gateways;
  std::vector<NetworkLinkSpec> links;
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

// The park's carbon ledger beyond its electricity: what recycling avoided, offsets bought, the
// floor area that intensity is reported per, and carbon accounts of tenants or zones.
struct RecyclableSpec {
  std::string area;  // where it was collected ("" = park-wide)
  std::string category;
  double mass_kg = 0;
  double factor_kg_co2_per_kg = 0;  // CO2 avoided per kg recycled: from a published method, no default
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};
struct CarbonOffsetSpec {
  std::string name;
  double co2_kg = 0;
  std::string source;  // registry, project or certificate
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};
struct CarbonAccountSpec {
  std::string name;
  std::vector<std::string> members;  // component names, or line_losses
  std::vector<SourceRef> members_at;
  double valley_charging_kg_co2_per_kwh = 0;  // credit per kWh its EV chargers draw in `credit_periods`
  std::vector<std::string> credit_periods;    // tariff period names
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};
struct CarbonLedgerSpec {
  bool present = false;
  double floor_area_m2 = 0;  // 0: no intensity per m²
  std::vector<RecyclableSpec> recyclables;
  std::vector<CarbonOffsetSpec> offsets;
  std::vector<CarbonAccountSpec> accounts;
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

// What the design costs to build and keep (docs/economics.md): a capital cost per unit of size,
// a lifetime and a yearly fixed O&M share per asset class, and the discount rate that annualises
// the capital. Absent: the KPIs are running costs only.
struct AssetCostSpec {
  bool present = false;
  double capex_cny_per_unit = 0;  // per kW, kWh or charge point: the key names the unit
  double lifetime_years = 20;
  double fixed_om_fraction_per_year = 0;
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};
struct EconomicsSpec {
  bool present = false;
  double discount_rate = 0.06;
  AssetCostSpec pv, wind, battery_energy, battery_power, ev_chargers, heat_pumps, thermal_storage;
  SourceRef at;
  std::map<std::string, SourceRef> key_at;
};

struct ParkSpec {
  std::string name;
  std::string description;
  std::filesystem::path file;  // the scenario file; relative paths resolve against its folder
  std::string text;            // the scenario's full text, stored in the trace
  SimulationSpec simulation;
  std::vector<BusSpec> buses;
  std::vector<LineSpec> lines;
  std::vector<PvSpec> pv_arrays;
  std::vector<BatterySpec> batteries;
  std::vector<LoadSpec> loads;
  std::vector<WindTurbineSpec> wind_turbines;
  std::vector<HeatBusSpec> heat_buses;
  std::vector<HeatPumpSpec> heat_pumps;  // heating buses
  std::vector<HeatPumpSpec> chillers;    // cooling buses
  std::vector<ThermalStorageSpec> thermal_storages;
  std::vector<LoadSpec> heat_loads;  // `bus` names a heat bus
  std::vector<BuildingSpec> buildings;
  std::vector<DataCentreSpec> data_centres;
  std::vector<EvChargerSpec> ev_chargers;
  std::vector<PvtSpec> pvt;
  std::vector<H2TankSpec> h2_tanks;
  std::vector<ElectrolyserSpec> electrolysers;
  std::vector<FuelCellSpec> fuel_cells;
  std::vector<H2DemandSpec> h2_demands;
  std::vector<GreenSpaceSpec> green_spaces;
  std::vector<GridSpec> grids;  // exactly one today: the slack of the whole park
  std::vector<OutageSpec> outages;
  std::vector<LocalControllerSpec> local_controllers;
  NetworkSpec network;
  CarbonLedgerSpec carbon_ledger;
  EconomicsSpec economics;
  std::map<std::string, double> controller_settings;  // checked against the controller's settings()
  std::map<std::string, SourceRef> controller_settings_at;
};

// Definitions filled with the documented defaults of their parameter tables.
SimulationSpec default_simulation();
LineSpec default_line();
PvSpec default_pv();
BatterySpec default_battery();
LoadSpec default_load();
WindTurbineSpec default_wind_turbine();
HeatBusSpec default_heat_bus();
HeatPumpSpec default_heat_pump();
HeatPumpSpec default_chiller();
ThermalStorageSpec default_thermal_storage();
LoadSpec default_heat_load();
GreenSpaceSpec default_green_space();
BuildingSpec default_building();
DataCentreSpec default_data_centre();
EvChargerSpec default_ev_charger();
PvtSpec default_pvt();
H2TankSpec default_h2_tank();
ElectrolyserSpec default_electrolyser();
FuelCellSpec default_fuel_cell();
H2DemandSpec default_h2_demand();
GridSpec default_grid();
OutageSpec default_outage();
LocalControllerSpec default_local_controller();
NetworkSpec default_network();
TariffSpec default_tariff();

// Reads a scenario. Throws InputError naming file, line, column and field.
ParkSpec read_scenario_file(const std::filesystem::path& path);
ParkSpec read_scenario_text(const std::string& text, const std::filesystem::path& file_for_errors);

// The scenario format's reference (Markdown), generated from the same parameter tables that the
// reader uses, so documentation and parser cannot disagree.
std::string scenario_reference_markdown();

// A JSON Schema (draft-07) of the scenario format, generated from the same tables, for editors'
// YAML language servers (docs/editor.md); docs/scenario.schema.json holds its output.
std::string scenario_json_schema();
// The sweep file's JSON Schema (draft-07), written to match its reader; docs/sweep.schema.json.
std::string sweep_json_schema();

}  // namespace zeropark

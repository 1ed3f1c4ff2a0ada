// ParkModel: the compiled, validated, immutable description of a park.
//
// compile_park() resolves every name in a ParkSpec to a dense index, checks what needs more than
// one field (references, SOC windows, tariff coverage, the network's shape), loads the inputs
// (weather, load profiles, carbon series) and builds the topology graph. Nothing in a ParkModel
// changes during a run: all that does lives in ParkState (state.h), as MuJoCo splits mjModel from
// mjData.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <array>
#include <map>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "zeropark/civil_time.h"
#include "zeropark/economics.h"
#include "zeropark/spec.h"
#include "zeropark/units.h"

namespace zeropark {

struct WeatherYear;          // weather/epw.h
struct BuildingEnvelope;     // components/building_5r1c.h
struct Building5R1C;         // components/building_5r1c.h
struct DataCentreParams;     // components/data_centre.h
struct EvSession;            // components/ev_sessions.h
struct PvtParams;            // components/pvt_collector.h
struct ElectrolyserParams;   // components/hydrogen.h
struct FuelCellParams;       // components/hydrogen.h
struct BatteryAgeingParams;  // components/battery_ageing.h

struct BusModel {
  std::string name;
  int parent_line = -1;  // line towards the grid connection; -1 at the grid's bus
  std::vector<int> child_lines;
};

// A line oriented away from the grid connection: power flows parent → child when positive.
struct LineModel {
  std::string name;
  int parent_bus = -1;
  int child_bus = -1;
  double capacity_kw = 0;  // limit on the sending end's power, both directions
  double efficiency = 1;   // received / sent
};

// How an array is mounted, which sets how hot its cells run (SAPM coefficients, King et al. 2004).
enum class PvMounting {
  kOpenRack,       // free-standing racks: glass/polymer modules, well ventilated
  kRoofMount,      // close to a roof: glass/glass modules, little air behind
  kInsulatedBack,  // building-integrated (façades, in-roof): no air behind
};

enum class PvTracking {
  kFixed,
  kSingleAxis,  // rotates about one axis, east to west for a north-south axis
  kDualAxis,    // faces the sun ("sunflower")
};

struct PvModel {
  std::string name;
  int bus = -1;
  double dc_capacity_kw = 0;
  double ac_capacity_kw = 0;
  double tilt_deg = 0;
  double azimuth_deg = 0;
  double albedo = 0;
  double gamma_pdc_per_c = 0;
  double system_losses_fraction = 0;
  double inverter_efficiency = 0;
  PvMounting mounting = PvMounting::kRoofMount;
  PvTracking tracking = PvTracking::kFixed;
  double axis_tilt_deg = 0;
  double axis_azimuth_deg = 180;
  double max_angle_deg = 60;
  bool backtrack = true;
  double gcr = 0.35;
  double bifaciality = 0;  // 0 = monofacial
  double module_height_m = 1.5;
};

struct WindTurbineModel {
  std::string name;
  int bus = -1;
  std::vector<double> curve_wind_m_s;  // strictly increasing
  std::vector<double> curve_power_kw;  // one turbine
  double count = 1;
  double hub_height_m = 80;
  double reference_height_m = 10;
  double shear_exponent = 1.0 / 7.0;
  bool density_correction = true;
  double availability = 1;
};

struct BatteryModel {
  std::string name;
  int bus = -1;
  double capacity_kwh = 0;
  double max_charge_kw = 0;
  double max_discharge_kw = 0;
  double charge_efficiency = 1;
  double discharge_efficiency = 1;
  double energy_min_kwh = 0;  // soc_min × capacity
  double energy_max_kwh = 0;  // soc_max × capacity
  double energy_initial_kwh = 0;
  double backup_reserve_kwh = 0;  // not discharged below while the grid is connected (0: none)
  double self_discharge_per_s = 0;                    // decay rate k of dE/dt = -k E at rest
  std::shared_ptr<const BatteryAgeingParams> ageing;  // null: the capacity never fades
};

struct LoadModel {
  std::string name;
  int bus = -1;
  // Mean power in each hour, kW: 8760 typical-year hours (measured profiles), or the 168 hours of
  // a week from Monday 00:00 (built-in shapes, which follow the simulated calendar's weekdays).
  std::vector<double> hourly_kw;
  bool weekly = false;
  bool critical = false;  // served before non-critical demand when the park is short of power
};

// Heat buses carry heat (heating) or take it away (cooling); one temperature level each.
enum class HeatMedium { kHeating, kCooling };
struct HeatBusModel {
  std::string name;
  HeatMedium medium = HeatMedium::kHeating;
  double supply_temperature_c = 45;
};

enum class HeatPumpSource { kAir, kSeaWater, kSewage, kGround, kConstant };
enum class HeatPumpCopMethod { kCarnotFraction, kTable };

// A heat pump (heating bus) or chiller (cooling bus). "Thermal" power is heat delivered for a heat
// pump and heat removed for a chiller; the COP is then the EER.
struct HeatPumpModel {
  std::string name;
  int bus = -1;       // electric
  int heat_bus = -1;  // heating or cooling bus
  bool cooling = false;
  HeatPumpSource source = HeatPumpSource::kAir;
  double source_mean_c = 15;  // non-air sources: T = mean − amplitude·cos(2π(day − coldest)/365)
  double source_amplitude_k = 0;
  double source_coldest_day = 0;
  HeatPumpCopMethod cop_method = HeatPumpCopMethod::kCarnotFraction;
  double carnot_fraction = 0.45;
  double min_lift_k = 10;
  double max_cop = 8;
  double rated_kw = 0;
  double min_load_fraction = 0;
  Tick min_on_s = 0;
  Tick min_off_s = 0;
  // Table method: row-major [source][sink]; capacity_kw empty when rated_kw applies everywhere.
  std::vector<double> table_source_c, table_sink_c, table_cop, table_capacity_kw;
};

struct ThermalStorageModel {
  std::string name;
  int heat_bus = -1;
  BatteryModel store;  // an energy store with unit efficiencies; its self-discharge is the standing loss
};

// A group of identical buildings with a 5R1C thermal network (components/building_5r1c.h).
struct BuildingModel {
  std::string name;
  int heat_bus = -1;
  int cooling_bus = -1;  // -1: not cooled
  double count = 1;
  double initial_mass_c = 20;
  std::shared_ptr<const BuildingEnvelope> envelope;  // one building, for its solar gains
  std::shared_ptr<const Building5R1C> network;       // one building
};

struct DataCentreModel {
  std::string name;
  int bus = -1;
  bool critical = false;  // as LoadModel::critical
  LoadModel it;                                   // IT power, kW
  std::shared_ptr<const DataCentreParams> plant;  // cooling plant and electrical overheads
};

// A group of identical charge points with the sessions of the run (read or generated with the
// run's seed), sorted by arrival.
struct EvChargerModel {
  std::string name;
  int bus = -1;
  int count = 1;
  double max_power_kw = 7;
  double efficiency = 0.95;
  bool bidirectional = false;
  std::shared_ptr<const std::vector<EvSession>> sessions;
};

// A field of identical PV/thermal collectors.
struct PvtModel {
  std::string name;
  int bus = -1;
  int heat_bus = -1;
  double collectors = 1;  // area / one collector's gross area
  double tilt_deg = 30;
  double azimuth_deg = 180;
  std::shared_ptr<const PvtParams> collector;  // one collector
};

struct H2TankModel {
  std::string name;
  double capacity_kg = 0;
  double min_kg = 0;
  double initial_kg = 0;
};
struct ElectrolyserModel {
  std::string name;
  int bus = -1;
  int tank = -1;
  double refill_below_kg = 0;  // starts below this level, runs until the tank is full
  std::shared_ptr<const ElectrolyserParams> params;
};
struct FuelCellModel {
  std::string name;
  int bus = -1;
  int tank = -1;
  int heat_bus = -1;  // −1: its heat is not recovered
  std::shared_ptr<const FuelCellParams> params;
};
struct H2DemandModel {
  std::string name;
  int tank = -1;
  double daily_kg = 0;
  std::array<double, 24> hourly_shape{};  // relative weights
};

struct GreenSpaceModel {
  std::string name;
  double area_m2 = 0;
  double sequestration_kg_co2_per_m2_year = 0;
};

// Time-of-use tariff: a season per month, each a sorted list of periods through the day.
struct TariffModel {
  struct Segment {
    int start_s = 0;  // seconds after local midnight
    int period = 0;   // index into period_names
    double price_cny_per_kwh = 0;
  };
  struct Season {
    std::string name;
    std::vector<Segment> segments;  // first starts at 0
  };
  std::vector<std::string> period_names;
  std::vector<Season> seasons;
  std::array<int, 12> season_of_month{};  // month 1..12 → seasons index
  double export_price_cny_per_kwh = 0;
  double demand_charge_cny_per_kw_month = 0;
  double capacity_charge_cny_per_kva_month = 0;
  double contracted_capacity_kva = 0;
  Tick demand_window_s = 900;
};

struct GridModel {
  std::string name;
  int bus = -1;
  double import_limit_kw = 0;
  double export_limit_kw = 0;
  std::vector<double> carbon_kg_per_kwh_hourly;  // 8760 values; constant factors repeat
  TariffModel tariff;
};

// The park's topology as Boost.Graph sees it: buses and components are vertices, lines and
// component attachments are edges.
enum class VertexKind {
  kBus,
  kPv,
  kBattery,
  kLoad,
  kGrid,
  kWind,
  kHeatBus,
  kHeatPump,
  kThermalStorage,
  kHeatLoad,
  kBuilding,
  kDataCentre,
  kEvCharger,
  kPvt,
  kH2Tank,
  kElectrolyser,
  kFuelCell,
  kH2Demand
};
struct TopologyVertex {
  VertexKind kind = VertexKind::kBus;
  int index = -1;  // into the model's vector of that kind
};
struct TopologyEdge {
  int line = -1;  // -1 for a component attachment
};
using TopologyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, TopologyVertex, TopologyEdge>;

// When one component (or the grid connection) is out of service: disjoint windows [start, end),
// sorted, within the run. Scheduled outages and seeded random ones end up alike here.
struct OutageWindow {
  Tick start = 0;
  Tick end = 0;
};
struct OutageProfileModel {
  std::string component;
  VertexKind kind{};  // kGrid, kPv, kWind, kPvt, kBattery, kHeatPump, kEvCharger, kElectrolyser or kFuelCell
  int index = -1;  // into the model's vector of that kind (0 for the grid)
  std::vector<OutageWindow> down;
};

// A controller that owns some devices: its set-points replace the supervisory controller's for
// them. Indices are into the model's vectors of each kind.
struct LocalControllerModel {
  std::string controller;         // a built-in's name, or the plug-in's own name
  std::string controller_plugin;  // absolute path of a plug-in; empty for a built-in
  std::vector<int> batteries, thermal_storages, ev_chargers, electrolysers, fuel_cells;
};

// The control network between the controller ("ems") and the devices it commands. Without one
// (`modelled` false) measurements and set-points take no time and are never lost.
struct NetworkLinkModel {
  std::string name;
  double latency_s = 0;
  double bandwidth_bytes_per_s = 0;
  std::vector<OutageWindow> down;  // when the link is out (outages[] with `link`)
};
struct NetworkEndpointModel {
  VertexKind kind{};  // kGrid (the meter), kBattery, kThermalStorage, kEvCharger, kElectrolyser or kFuelCell
  int index = 0;
  int gateway = -1;  // index into gateways; −1: its link goes straight to the controller
  NetworkLinkModel link;
};
struct ControlNetworkModel {
  bool modelled = false;
  Tick setpoint_timeout_s = 900;      // a device without a fresh set-point falls back to its safe rule
  double measurement_window_s = 30;   // the controller waits this long for measurements, then decides
  double measurement_bytes = 256;     // one endpoint's measurement message
  double setpoint_bytes = 64;         // one device's set-point message
  std::vector<NetworkLinkModel> gateways;      // each gateway's uplink to the controller
  std::vector<NetworkEndpointModel> endpoints;  // listed devices and the meter
};

// The carbon ledger's inputs beyond electricity (docs/carbon.md). An account's members are
// indices into the model's vectors of each kind; its CO2 and cost are its members' shares of each
// event's imports, in proportion to what they draw (the attribution rule).
struct RecyclableModel {
  std::string area;
  std::string category;
  double mass_kg = 0;
  double factor_kg_co2_per_kg = 0;
};
struct CarbonOffsetModel {
  std::string name;
  double co2_kg = 0;
  std::string source;
};
struct CarbonAccountModel {
  std::string name;
  std::vector<int> loads, data_centres, heat_pumps, ev_chargers, batteries, electrolysers;
  bool line_losses = false;          // the pseudo-member: losses in lines and transformers
  double credit_kg_co2_per_kwh = 0;  // per kWh its EV chargers draw in credit_period
  std::vector<bool> credit_period;   // per tariff period index: whether charging then earns the credit
};
struct CarbonLedgerModel {
  bool present = false;  // the scenario has a carbon_ledger section
  double floor_area_m2 = 0;
  std::vector<RecyclableModel> recyclables;
  std::vector<CarbonOffsetModel> offsets;
  std::vector<CarbonAccountModel> accounts;
};

struct ParkModel {
  std::string name;
  std::string description;
  std::string scenario_file;
  std::string scenario_text;

  CivilTime start;
  Tick end_tick = 0;  // the run covers [0, end_tick)
  Tick resolution_s = 3600;
  Tick decision_interval_s = 3600;
  std::uint64_t seed = 1;
  double delta_t_s = 69.2;
  std::string controller;         // the supervisory controller: a built-in's name, or the plug-in's own name
  std::string controller_plugin;  // absolute path of its plug-in; empty for a built-in
  std::vector<LocalControllerModel> local_controllers;
  std::map<std::string, double> controller_settings;  // key → value, as the controllers declare them

  std::shared_ptr<const WeatherYear> weather;
  std::string weather_file;
  std::vector<std::string> warnings;  // repairs made to the inputs (e.g. short weather gaps)

  std::vector<BusModel> buses;
  std::vector<int> buses_leaves_first;  // post-order from the grid's bus: children before parents
  std::vector<LineModel> lines;
  std::vector<PvModel> pv_arrays;
  std::vector<BatteryModel> batteries;
  std::vector<LoadModel> loads;
  std::vector<WindTurbineModel> wind_turbines;
  std::vector<HeatBusModel> heat_buses;
  std::vector<HeatPumpModel> heat_pumps;  // heat pumps and chillers
  std::vector<ThermalStorageModel> thermal_storages;
  std::vector<LoadModel> heat_loads;  // bus = heat bus; kW of heat (or cooling) demand
  std::vector<BuildingModel> buildings;
  std::vector<DataCentreModel> data_centres;
  std::vector<EvChargerModel> ev_chargers;
  std::vector<PvtModel> pvt;
  std::vector<H2TankModel> h2_tanks;
  std::vector<ElectrolyserModel> electrolysers;
  std::vector<FuelCellModel> fuel_cells;
  std::vector<H2DemandModel> h2_demands;
  std::vector<GreenSpaceModel> green_spaces;
  GridModel grid;
  std::vector<OutageProfileModel> outages;  // at most one profile per component
  ControlNetworkModel network;
  CarbonLedgerModel carbon_ledger;
  EconomicsModel economics;
  TopologyGraph topology;
};

// Compiles and validates a spec. Throws InputError (with the scenario's file and line) on any
// inconsistency; reads weather, profiles and series relative to the scenario's folder.
ParkModel compile_park(const ParkSpec& spec);

// The same park without on-site generation (PV, wind, PV/thermal), storage (batteries, heat tanks,
// fuel cells, V2G) or green space, sharing the inputs: the baseline that CO2 avoided and cost
// saved are measured against. Heat pumps, chillers, electrolysers and EV charging stay: the
// park's demand is the same in both.
ParkModel baseline_of(const ParkModel& model);

}  // namespace zeropark

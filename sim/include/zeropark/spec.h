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
  std::string mounting;  // open_rack, roof_mount or insulated_back: the cell-temperature model
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
  double self_discharge_per_day = 0;  // fraction of the stored energy lost per day at rest
  SourceRef at;
};

struct LoadSpec {
  std::string name;
  std::string bus;
  std::string profile;  // a CSV path (relative to the scenario) or a built-in profile name
  double annual_kwh = 0;  // 0: use the profile's own energy
  double peak_kw = 0;     // built-in profiles only: their peak
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
  double demand_charge_cny_per_kw_month = 0;   // two-part tariff: on the month's maximum demand
  double capacity_charge_cny_per_kva_month = 0;  // two-part tariff: on the contracted capacity
  double contracted_capacity_kva = 0;
  double demand_window_s = 0;  // maximum demand is the highest mean import over such windows
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
  TariffSpec tariff;
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
  std::vector<GridSpec> grids;  // exactly one today: the slack of the whole park
};

// Definitions filled with the documented defaults of their parameter tables.
SimulationSpec default_simulation();
LineSpec default_line();
PvSpec default_pv();
BatterySpec default_battery();
LoadSpec default_load();
GridSpec default_grid();
TariffSpec default_tariff();

// Reads a scenario. Throws InputError naming file, line, column and field.
ParkSpec read_scenario_file(const std::filesystem::path& path);
ParkSpec read_scenario_text(const std::string& text, const std::filesystem::path& file_for_errors);

// The scenario format's reference (Markdown), generated from the same parameter tables that the
// reader uses, so documentation and parser cannot disagree.
std::string scenario_reference_markdown();

}  // namespace zeropark

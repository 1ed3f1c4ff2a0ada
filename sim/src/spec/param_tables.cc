// The scenario format, key by key. Every default, unit and range a user can rely on is here.
#include "spec/param_table.h"

namespace zeropark {
namespace {

// Sizes beyond any park (100 GW, 1 TWh): finite bounds keep ∞ and overflow out of the physics.
// Only limits that may legitimately be absent (line capacity, grid limits) accept .inf.
constexpr double kMaxPowerKw = 1e8;
constexpr double kMaxEnergyKwh = 1e12;

}  // namespace

const ParamTable<SimulationSpec>& simulation_params() {
  using S = SimulationSpec;
  static const ParamTable<S> table = {
      text<S>("start", &S::start_iso, false, "2023-01-01T00:00",
              "First instant simulated, local standard time (ISO 8601)."),
      text<S>("end", &S::end_iso, false, "2024-01-01T00:00",
              "End of the run, exclusive (ISO 8601). The default simulates the calendar year 2023."),
      integer<S>("resolution_s", &S::resolution_s, "s", 3600, 1, 3600,
                 "Input resolution: weather and PV are resampled to this step; must divide 3600."),
      integer<S>("decision_interval_s", &S::decision_interval_s, "s", 0, 0, 86400,
                 "How often the controller decides; 0 means at every input step."),
      integer<S>("seed", &S::seed, "", 1, 0, 9007199254740992.0,
                 "Seed of the run's random streams; same scenario and seed give a bit-identical trace."),
      text<S>("weather", &S::weather_path, true, "", "EnergyPlus EPW weather file (typical year).",
              ParamKind::kPath),
      text<S>("controller", &S::controller, false, "self_consumption",
              "Dispatch controller, by name (see `zeropark run --help`)."),
      number<S>("delta_t_s", &S::delta_t_s, "s", 69.2, -1000, 1000,
                "TT − UT1 for the solar position algorithm (about 69 s in the 2020s)."),
  };
  return table;
}

const ParamTable<BusSpec>& bus_params() {
  using S = BusSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the electrical bus."),
  };
  return table;
}

const ParamTable<LineSpec>& line_params() {
  using S = LineSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the line or transformer."),
      text<S>("from", &S::from_bus, true, "", "Bus at one end."),
      text<S>("to", &S::to_bus, true, "", "Bus at the other end."),
      number<S>("capacity_kw", &S::capacity_kw, "kW", kUnbounded, 0, kUnbounded,
                "Largest power that may leave the sending end, in either direction.", true),
      number<S>("efficiency", &S::efficiency, "", 1.0, 0.5, 1,
                "Fraction of the sent power that arrives (transformer and cable losses)."),
  };
  return table;
}

const ParamTable<PvSpec>& pv_params() {
  using S = PvSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the array."),
      text<S>("bus", &S::bus, true, "", "Bus the inverter feeds."),
      required_number<S>("dc_capacity_kw", &S::dc_capacity_kw, "kW", 0, kMaxPowerKw,
                         "Nameplate DC power at 1000 W/m² and 25 °C cell temperature.", true),
      number<S>("ac_capacity_kw", &S::ac_capacity_kw, "kW", 0, 0, kMaxPowerKw,
                "Inverter AC rating; 0 means dc_capacity_kw / 1.2."),
      number<S>("tilt_deg", &S::tilt_deg, "deg", 20, 0, 90, "Surface tilt from horizontal."),
      number<S>("azimuth_deg", &S::azimuth_deg, "deg", 180, 0, 360,
                "Surface azimuth, clockwise from north (180 = facing south)."),
      number<S>("albedo", &S::albedo, "", 0.2, 0, 1, "Ground reflectance seen by the array."),
      number<S>("gamma_pdc_per_c", &S::gamma_pdc_per_c, "1/°C", -0.0037, -0.02, 0,
                "Temperature coefficient of DC power."),
      number<S>("system_losses_fraction", &S::system_losses_fraction, "", 0.14, 0, 0.99,
                "DC losses before the inverter: soiling, shading, mismatch, wiring (PVWatts' 14 %)."),
      number<S>("inverter_efficiency", &S::inverter_efficiency, "", 0.96, 0.5, 1,
                "Inverter nominal efficiency (PVWatts' part-load curve is scaled to it)."),
      choice<S>("mounting", &S::mounting, "roof_mount", {"open_rack", "roof_mount", "insulated_back"},
                "How the modules are mounted, which sets how hot the cells run (SAPM: open rack, "
                "close roof mount, insulated back for building-integrated PV)."),
  };
  return table;
}

const ParamTable<BatterySpec>& battery_params() {
  using S = BatterySpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the battery."),
      text<S>("bus", &S::bus, true, "", "Bus the battery's converter connects to."),
      required_number<S>("capacity_kwh", &S::capacity_kwh, "kWh", 0, kMaxEnergyKwh,
                         "Usable nameplate energy (SOC 0 to 1).", true),
      required_number<S>("max_charge_kw", &S::max_charge_kw, "kW", 0, kMaxPowerKw,
                         "Largest power drawn from the bus while charging.", true),
      required_number<S>("max_discharge_kw", &S::max_discharge_kw, "kW", 0, kMaxPowerKw,
                         "Largest power delivered to the bus while discharging.", true),
      number<S>("charge_efficiency", &S::charge_efficiency, "", 0.95, 0.5, 1,
                "Fraction of the drawn energy that is stored."),
      number<S>("discharge_efficiency", &S::discharge_efficiency, "", 0.95, 0.5, 1,
                "Fraction of the released stored energy that reaches the bus."),
      number<S>("soc_min", &S::soc_min, "", 0.1, 0, 1, "Lowest state of charge allowed."),
      number<S>("soc_max", &S::soc_max, "", 0.9, 0, 1, "Highest state of charge allowed."),
      number<S>("soc_initial", &S::soc_initial, "", 0.5, 0, 1,
                "State of charge at the start; must lie in [soc_min, soc_max]."),
      number<S>("self_discharge_per_day", &S::self_discharge_per_day, "1/day", 0.0005, 0, 0.5,
                "Fraction of the stored energy lost per day at rest (exponential decay)."),
  };
  return table;
}

const ParamTable<LoadSpec>& load_params() {
  using S = LoadSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the load."),
      text<S>("bus", &S::bus, true, "", "Bus the load draws from."),
      text<S>("profile", &S::profile, true, "",
              "Hourly profile: a CSV (kWh per hour, 8760 rows, last column) or a built-in name: "
              "`constant`, `office`, `data_centre`."),
      number<S>("annual_kwh", &S::annual_kwh, "kWh", 0, 0, kMaxEnergyKwh,
                "Scale the profile to this energy per 8760 h; 0 keeps a CSV's own energy."),
      number<S>("peak_kw", &S::peak_kw, "kW", 0, 0, kMaxPowerKw,
                "Built-in profiles only: scale to this peak (when annual_kwh is 0)."),
  };
  return table;
}

const ParamTable<GridSpec>& grid_params() {
  using S = GridSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, false, "grid", "Name of the grid connection."),
      text<S>("bus", &S::bus, true, "", "Bus at the point of common coupling (the park's slack)."),
      number<S>("import_limit_kw", &S::import_limit_kw, "kW", kUnbounded, 0, kUnbounded,
                "Largest import; beyond it load goes unserved (reported).", true),
      number<S>("export_limit_kw", &S::export_limit_kw, "kW", kUnbounded, 0, kUnbounded,
                "Largest export; beyond it PV is curtailed (reported). 0 forbids export."),
      number<S>("carbon_intensity_kg_per_kwh", &S::carbon_intensity_kg_per_kwh, "kg/kWh", 0.5617, 0, 3,
                "Constant emission factor of imported electricity (default: East China grid, 2022, "
                "MEE/NBS)."),
      text<S>("carbon_intensity_csv", &S::carbon_intensity_csv, false, "",
              "Hourly emission factor series (kg CO2/kWh, 8760 rows, last column); overrides the "
              "constant.",
              ParamKind::kPath),
  };
  return table;
}

const ParamTable<TariffSpec>& tariff_params() {
  using S = TariffSpec;
  static const ParamTable<S> table = {
      number<S>("export_price_cny_per_kwh", &S::export_price_cny_per_kwh, "CNY/kWh", 0, 0, 100,
                "Price paid for exported energy."),
      number<S>("demand_charge_cny_per_kw_month", &S::demand_charge_cny_per_kw_month, "CNY/(kW·month)",
                0, 0, 10000, "Two-part tariff: charge on each month's maximum demand."),
      number<S>("capacity_charge_cny_per_kva_month", &S::capacity_charge_cny_per_kva_month,
                "CNY/(kVA·month)", 0, 0, 10000,
                "Two-part tariff: charge on the contracted transformer capacity."),
      number<S>("contracted_capacity_kva", &S::contracted_capacity_kva, "kVA", 0, 0, kMaxPowerKw,
                "Contracted capacity for the capacity charge."),
      integer<S>("demand_window_s", &S::demand_window_s, "s", 900, 60, 3600,
                 "Maximum demand is the largest mean import over such clock-aligned windows; must "
                 "divide 3600."),
  };
  return table;
}

const ParamTable<TariffSeasonSpec>& season_params() {
  using S = TariffSeasonSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Name of the season (summer, winter, …)."),
  };
  return table;
}

const ParamTable<TariffPeriodSpec>& period_params() {
  using S = TariffPeriodSpec;
  static const ParamTable<S> table = {
      text<S>("start", &S::start_hhmm, true, "", "Local time HH:MM at which the period begins."),
      text<S>("period", &S::period, true, "",
              "Price period that runs until the next entry: a key of prices_cny_per_kwh."),
  };
  return table;
}

SimulationSpec default_simulation() { return defaults_of(simulation_params()); }
LineSpec default_line() { return defaults_of(line_params()); }
PvSpec default_pv() { return defaults_of(pv_params()); }
BatterySpec default_battery() { return defaults_of(battery_params()); }
LoadSpec default_load() { return defaults_of(load_params()); }
TariffSpec default_tariff() { return defaults_of(tariff_params()); }
GridSpec default_grid() {
  GridSpec grid = defaults_of(grid_params());
  grid.tariff = default_tariff();
  return grid;
}

}  // namespace zeropark

// The scenario format, key by key. Every default, unit and range a user can rely on is here.
#include <cmath>

#include "components/carbon_sink.h"
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
      text<S>("weather", &S::weather_path, true, "", "EnergyPlus EPW weather file (typical year).", ParamKind::kPath),
      text<S>("controller", &S::controller, false, "self_consumption",
              "Dispatch controller, by name (see `zeropark run --help`)."),
      text<S>("controller_plugin", &S::controller_plugin, false, "",
              "A controller plug-in (a shared library built against zeropark_controller.h, docs/plugins.md) "
              "instead of a built-in controller.",
              ParamKind::kPath),
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
      choice<S>("tracking", &S::tracking, "fixed", {"fixed", "single_axis", "dual_axis"},
                "`fixed` uses tilt_deg and azimuth_deg; `single_axis` rotates about one axis with "
                "backtracking; `dual_axis` faces the sun (a \"sunflower\")."),
      number<S>("axis_tilt_deg", &S::axis_tilt_deg, "deg", 0, 0, 60, "single_axis: tilt of the rotation axis."),
      number<S>("axis_azimuth_deg", &S::axis_azimuth_deg, "deg", 180, 0, 360,
                "single_axis: direction of the axis, clockwise from north (180: a north-south axis)."),
      number<S>("max_angle_deg", &S::max_angle_deg, "deg", 60, 0, 90,
                "single_axis: rotation limit either way; dual_axis: largest tilt."),
      choice<S>("backtrack", &S::backtrack, "yes", {"yes", "no"},
                "single_axis: turn back to avoid row-to-row shading."),
      number<S>("gcr", &S::gcr, "", 0.35, 0.01, 0.99,
                "Ground coverage ratio: module width / row pitch (backtracking and bifacial gain)."),
      number<S>("bifaciality", &S::bifaciality, "", 0, 0, 1,
                "Rear-side efficiency relative to the front; 0 for monofacial modules."),
      number<S>("module_height_m", &S::module_height_m, "m", 1.5, 0.1, 20,
                "Bifacial: height of the module centre above the ground."),
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
      number<S>("backup_reserve_soc", &S::backup_reserve_soc, "", 0, 0, 1,
                "Kept for outages: while the grid is connected the battery is not discharged below this state "
                "of charge; islanded, it may go down to soc_min. 0: no reserve."),
      number<S>("self_discharge_per_day", &S::self_discharge_per_day, "1/day", 0.0005, 0, 0.5,
                "Fraction of the stored energy lost per day at rest (exponential decay)."),
      choice<S>("ageing", &S::ageing, "none", {"none", "standard"},
                "`standard`: capacity fades with rainflow-counted cycles (NREL SSC's Li-ion cycle "
                "table) and with calendar time (SSC's Li-ion square-root model at 25 °C); the "
                "window shrinks with it."),
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
      choice<S>("critical", &S::critical, "no", {"yes", "no"},
                "Critical loads are served first when the park is short of power (islanded, or at a "
                "grid or line limit): other demand and forced EV charging are shed before them."),
  };
  return table;
}

const ParamTable<WindTurbineSpec>& wind_turbine_params() {
  using S = WindTurbineSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the turbine group."),
      text<S>("bus", &S::bus, true, "", "Bus the turbines feed."),
      text<S>("power_curve", &S::power_curve, true, "",
              "CSV of one turbine's power curve: columns wind_speed_m_s,power_kw, speeds increasing; "
              "zero power beyond the last speed (cut-out).",
              ParamKind::kPath),
      integer<S>("count", &S::count, "", 1, 1, 10000, "Identical turbines in the group."),
      number<S>("hub_height_m", &S::hub_height_m, "m", 80, 1, 300, "Hub height.", true),
      number<S>("reference_height_m", &S::reference_height_m, "m", 10, 1, 300,
                "Height of the weather file's wind speed (EPW: 10 m).", true),
      number<S>("shear_exponent", &S::shear_exponent, "", 1.0 / 7.0, 0, 1,
                "Power-law wind shear exponent (1/7 over open land; about 0.1 at sea)."),
      choice<S>("density_correction", &S::density_correction, "yes", {"yes", "no"},
                "Correct the wind speed for air density (IEC 61400-12-1), from the weather's pressure "
                "and temperature."),
      number<S>("availability", &S::availability, "", 1, 0, 1,
                "Fraction of the energy the turbines deliver after downtime and wake losses."),
  };
  return table;
}

const ParamTable<HeatBusSpec>& heat_bus_params() {
  using S = HeatBusSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the heating or cooling bus."),
      choice<S>("medium", &S::medium, "heating", {"heating", "cooling"},
                "`heating` carries heat to loads; `cooling` takes heat away from them (chilled water)."),
      number<S>("supply_temperature_c", &S::supply_temperature_c, "°C", std::nan(""), -10, 95,
                "Supply temperature: the heat pumps' sink, or the chillers' chilled water; default 45 °C "
                "for heating, 7 °C for cooling."),
  };
  return table;
}

namespace {

template <class S>
ParamTable<S> heat_pump_rows(bool chiller) {
  return {
      text<S>("name", &S::name, true, "", chiller ? "Unique name of the chiller." : "Unique name of the heat pump."),
      text<S>("bus", &S::bus, true, "", "Electric bus that powers it."),
      text<S>("heat_bus", &S::heat_bus, true, "", chiller ? "Cooling bus it serves." : "Heating bus it serves."),
      choice<S>("source", &S::source, chiller ? "air" : "air", {"air", "sea_water", "sewage", "ground", "constant"},
                chiller ? "Where the condenser rejects heat: outdoor air or a water body."
                        : "Heat source: outdoor air (the weather), sea water, sewage, ground, or a constant."),
      number<S>("source_mean_c", &S::source_mean_c, "°C", std::nan(""), -30, 60,
                "Non-air sources: annual mean temperature; default: the source's published profile."),
      number<S>("source_amplitude_k", &S::source_amplitude_k, "K", std::nan(""), 0, 30,
                "Non-air sources: half the annual swing."),
      number<S>("source_coldest_day", &S::source_coldest_day, "day", std::nan(""), 0, 365,
                "Non-air sources: day of the year of the minimum."),
      choice<S>("cop_method", &S::cop_method, "carnot", {"carnot", "table"},
                "`carnot`: a fraction of the Carnot COP; `table`: the manufacturer-style `cop_table`."),
      number<S>("carnot_fraction", &S::carnot_fraction, "", chiller ? 0.5 : 0.45, 0.05, 0.9,
                "Fraction of the Carnot COP reached (0.4–0.55 for real machines)."),
      number<S>("min_lift_k", &S::min_lift_k, "K", 10, 1, 60,
                "Smallest lift used in the Carnot formula (avoids unphysical COPs)."),
      number<S>("max_cop", &S::max_cop, "", chiller ? 10 : 8, 1, 30, "Upper limit of the COP."),
      required_number<S>("rated_kw", &S::rated_kw, "kW", 0, kMaxPowerKw,
                         chiller ? "Cooling capacity at rating." : "Heating capacity at rating.", true),
      number<S>("min_load_fraction", &S::min_load_fraction, "", 0.2, 0, 1,
                "Smallest output while running, as a fraction of the capacity in force."),
      integer<S>("min_on_s", &S::min_on_s, "s", 0, 0, 86400, "Shortest run after a start."),
      integer<S>("min_off_s", &S::min_off_s, "s", 0, 0, 86400, "Shortest pause after a stop."),
  };
}

}  // namespace

const ParamTable<HeatPumpSpec>& heat_pump_params() {
  static const ParamTable<HeatPumpSpec> table = heat_pump_rows<HeatPumpSpec>(false);
  return table;
}

const ParamTable<HeatPumpSpec>& chiller_params() {
  static const ParamTable<HeatPumpSpec> table = heat_pump_rows<HeatPumpSpec>(true);
  return table;
}

const ParamTable<ThermalStorageSpec>& thermal_storage_params() {
  using S = ThermalStorageSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the tank."),
      text<S>("heat_bus", &S::heat_bus, true, "", "Heating or cooling bus it connects to."),
      required_number<S>("capacity_kwh", &S::capacity_kwh, "kWh", 0, kMaxEnergyKwh,
                         "Thermal energy stored when full (relative to empty at the bus's return "
                         "temperature).",
                         true),
      required_number<S>("max_charge_kw", &S::max_charge_kw, "kW", 0, kMaxPowerKw, "Largest charging power.", true),
      required_number<S>("max_discharge_kw", &S::max_discharge_kw, "kW", 0, kMaxPowerKw, "Largest discharging power.",
                         true),
      number<S>("standing_loss_per_day", &S::standing_loss_per_day, "1/day", 0.01, 0, 0.9,
                "Fraction of the stored heat lost per day (exponential decay)."),
      number<S>("soc_initial", &S::soc_initial, "", 0.5, 0, 1, "Fill level at the start."),
  };
  return table;
}

const ParamTable<LoadSpec>& heat_load_params() {
  // The same keys as an electric load; only what they describe differs.
  static const ParamTable<LoadSpec> table = [] {
    ParamTable<LoadSpec> rows = load_params();
    rows[0].description = "Unique name of the heat or cooling load.";
    rows[1].description = "Heating or cooling bus it takes from.";
    rows[2].description =
        "Hourly profile: a CSV (kWh of heat per hour, 8760 rows, last column) or a built-in name: "
        "`constant`, `office`, `data_centre`.";
    return rows;
  }();
  return table;
}

const ParamTable<BuildingSpec>& building_params() {
  using S = BuildingSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the building group."),
      text<S>("heat_bus", &S::heat_bus, true, "", "Heating bus that serves it."),
      text<S>("cooling_bus", &S::cooling_bus, false, "", "Cooling bus that serves it; none: not cooled (it floats)."),
      integer<S>("count", &S::count, "", 1, 1, 100000, "Identical buildings in the group."),
      required_number<S>("floor_area_m2", &S::floor_area_m2, "m²", 0, 1e7,
                         "Conditioned floor area of one building, all storeys.", true),
      integer<S>("storeys", &S::storeys, "", 3, 1, 200, "Storeys; the block is square in plan."),
      number<S>("ceiling_height_m", &S::ceiling_height_m, "m", 3.5, 2, 10, "Storey height.", true),
      number<S>("window_to_wall_ratio", &S::window_to_wall_ratio, "", 0.35, 0, 0.95, "Glazed share of each facade."),
      number<S>("wall_u_w_m2k", &S::wall_u_w_m2k, "W/(m²·K)", 0.6, 0.05, 5, "U-value of opaque walls.", true),
      number<S>("roof_u_w_m2k", &S::roof_u_w_m2k, "W/(m²·K)", 0.45, 0.05, 5, "U-value of the roof.", true),
      number<S>("window_u_w_m2k", &S::window_u_w_m2k, "W/(m²·K)", 2.4, 0.3, 7, "U-value of the windows.", true),
      number<S>("window_g", &S::window_g, "", 0.45, 0.05, 0.9,
                "Solar energy transmittance of the glazing at normal incidence."),
      number<S>("infiltration_ach", &S::infiltration_ach, "1/h", 0.3, 0, 5, "Air changes per hour by infiltration."),
      number<S>("ventilation_ach", &S::ventilation_ach, "1/h", 0.7, 0, 10,
                "Air changes per hour by mechanical ventilation."),
      number<S>("heat_recovery_efficiency", &S::heat_recovery_efficiency, "", 0, 0, 0.95,
                "Heat recovered from the exhaust air by the air handler."),
      number<S>("internal_gains_w_m2", &S::internal_gains_w_m2, "W/m²", 10, 0, 200,
                "Mean heat from people, lighting and equipment per m² of floor."),
      number<S>("heating_setpoint_c", &S::heating_setpoint_c, "°C", 20, 5, 30, "Indoor air is kept at or above this."),
      number<S>("cooling_setpoint_c", &S::cooling_setpoint_c, "°C", 26, 15, 40,
                "Indoor air is kept at or below this (when cooled)."),
      choice<S>("mass_class", &S::mass_class, "medium", {"very_light", "light", "medium", "heavy", "very_heavy"},
                "Thermal mass class of ISO 13790 Table 12."),
      number<S>("initial_temperature_c", &S::initial_temperature_c, "°C", 20, -20, 50,
                "Temperature of the building's mass at the start."),
  };
  return table;
}

const ParamTable<DataCentreSpec>& data_centre_params() {
  using S = DataCentreSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the data centre."),
      text<S>("bus", &S::bus, true, "", "Bus it draws from."),
      required_number<S>("it_capacity_kw", &S::it_capacity_kw, "kW", 0, kMaxPowerKw, "Installed IT power.", true),
      text<S>("it_profile", &S::it_profile, false, "constant",
              "Shape of the IT load over the year: a CSV (last column, 8760 rows) or a built-in profile; "
              "scaled so that its peak is it_capacity_kw × it_utilisation."),
      number<S>("it_utilisation", &S::it_utilisation, "", 0.6, 0.01, 1, "Peak IT power as a share of the installed."),
      number<S>("ups_efficiency", &S::ups_efficiency, "", 0.95, 0.7, 1, "UPS efficiency (double conversion)."),
      number<S>("chilled_water_supply_c", &S::chilled_water_supply_c, "°C", 12, 5, 25,
                "Chilled-water supply temperature: warmer water allows more free cooling."),
      choice<S>("water_side_economizer", &S::water_side_economizer, "yes", {"yes", "no"},
                "Free cooling through a plate heat exchanger when the cooling towers run cold enough."),
      number<S>("chiller_carnot_fraction", &S::chiller_carnot_fraction, "", 0.63, 0.2, 0.9,
                "Chillers' COP as a fraction of the Carnot COP of their lift."),
      number<S>("tower_approach_k", &S::tower_approach_k, "K", 4, 1, 10,
                "Cooling tower: leaving water minus wet-bulb."),
      choice<S>("critical", &S::critical, "no", {"yes", "no"},
                "Served first when the park is short of power, as loads' `critical`."),
  };
  return table;
}

const ParamTable<EvChargerSpec>& ev_charger_params() {
  using S = EvChargerSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the charger group."),
      text<S>("bus", &S::bus, true, "", "Bus the charge points draw from."),
      integer<S>("count", &S::count, "", 1, 1, 100000, "Charge points in the group (one car each)."),
      number<S>("max_power_kw", &S::max_power_kw, "kW", 7, 1, 1000,
                "Largest power of one charge point (AC 7–22 kW, DC 30–350 kW).", true),
      number<S>("efficiency", &S::efficiency, "", 0.95, 0.5, 1,
                "Share of the power drawn that reaches the car (and back)."),
      choice<S>("bidirectional", &S::bidirectional, "no", {"yes", "no"},
                "Whether the points can return energy from the cars to the bus (V2G)."),
      text<S>("sessions", &S::sessions, false, "",
              "CSV of charging sessions (arrival, departure, energy_kwh[, battery_kwh, max_kw]); "
              "without it, sessions come from a generator fitted to 3,395 real workplace sessions "
              "(Asensio et al. 2021) and seeded by the run's seed.",
              ParamKind::kPath),
      number<S>("sessions_per_charger_weekday", &S::sessions_per_charger_weekday, "1/day", 1.0, 0, 50,
                "Generator: mean sessions per charge point on Monday to Friday."),
      number<S>("sessions_per_charger_weekend_day", &S::sessions_per_charger_weekend_day, "1/day", 0.2, 0, 50,
                "Generator: mean sessions per charge point on Saturday and Sunday."),
      number<S>("ev_battery_kwh", &S::ev_battery_kwh, "kWh", 60, 5, 500,
                "Battery of the cars (when sessions do not say).", true),
      number<S>("ev_max_charge_kw", &S::ev_max_charge_kw, "kW", 7, 1, 1000,
                "Largest charging power the cars accept (when sessions do not say).", true),
  };
  return table;
}

const ParamTable<PvtSpec>& pvt_params() {
  using S = PvtSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the collector field."),
      text<S>("bus", &S::bus, true, "", "Electric bus the inverters feed."),
      text<S>("heat_bus", &S::heat_bus, true, "", "Heating bus the collectors' heat goes to."),
      required_number<S>("area_m2", &S::area_m2, "m²", 0, 1e7, "Gross collector area.", true),
      number<S>("tilt_deg", &S::tilt_deg, "deg", 30, 0, 90, "Tilt from horizontal."),
      number<S>("azimuth_deg", &S::azimuth_deg, "deg", 180, 0, 360, "Azimuth, clockwise from north."),
  };
  return table;
}

const ParamTable<H2TankSpec>& h2_tank_params() {
  using S = H2TankSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the hydrogen tank."),
      required_number<S>("capacity_kg", &S::capacity_kg, "kg", 0, 1e9,
                         "Hydrogen held when full (pressure is not modelled).", true),
      number<S>("min_kg", &S::min_kg, "kg", 0, 0, 1e9, "Heel that cannot be delivered."),
      number<S>("initial_kg", &S::initial_kg, "kg", 0, 0, 1e9, "Level at the start; within [min_kg, capacity_kg]."),
  };
  return table;
}

const ParamTable<ElectrolyserSpec>& electrolyser_params() {
  using S = ElectrolyserSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the electrolyser."),
      text<S>("bus", &S::bus, true, "", "Electric bus it draws from."),
      text<S>("h2_tank", &S::h2_tank, true, "", "Tank it fills."),
      required_number<S>("rated_power_kw", &S::rated_power_kw, "kW", 0, kMaxPowerKw, "Electric input at rated load.",
                         true),
      number<S>("energy_kwh_per_kg", &S::energy_kwh_per_kg, "kWh/kg", 55, 40, 80,
                "System energy per kg of hydrogen at rated load (DOE 2022 status: 55)."),
      number<S>("min_load_fraction", &S::min_load_fraction, "", 0.15, 0, 0.9, "Lowest load it runs at."),
      number<S>("refill_below_kg", &S::refill_below_kg, "kg", 0, 0, 1e9,
                "Without a controller set-point it starts when the tank falls to this level and runs at "
                "rated power until the tank is full."),
  };
  return table;
}

const ParamTable<FuelCellSpec>& fuel_cell_params() {
  using S = FuelCellSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the fuel cell."),
      text<S>("bus", &S::bus, true, "", "Electric bus it feeds."),
      text<S>("h2_tank", &S::h2_tank, true, "", "Tank it draws on."),
      text<S>("heat_bus", &S::heat_bus, false, "",
              "Heating bus its recovered heat goes to; none: the heat is not used."),
      required_number<S>("rated_electric_kw", &S::rated_electric_kw, "kW", 0, kMaxPowerKw,
                         "Net electric output at rated load. It runs only at a controller's set-point.", true),
  };
  return table;
}

const ParamTable<H2DemandSpec>& h2_demand_params() {
  using S = H2DemandSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the demand (a refuelling station)."),
      text<S>("h2_tank", &S::h2_tank, true, "", "Tank it draws on."),
      required_number<S>("daily_kg", &S::daily_kg, "kg/day", 0, 1e7,
                         "Hydrogen dispensed per day, spread over the hours like a refuelling station "
                         "(DOE H2A profile).",
                         true),
  };
  return table;
}

namespace {

std::vector<std::string_view> vegetation_choices() {
  std::vector<std::string_view> names;
  for (Vegetation v : kAllVegetation) names.push_back(vegetation_name(v));
  return names;
}

}  // namespace

const ParamTable<GreenSpaceSpec>& green_space_params() {
  using S = GreenSpaceSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the green space."),
      required_number<S>("area_m2", &S::area_m2, "m²", 0, 1e9, "Area covered by the vegetation.", true),
      choice<S>("vegetation", &S::vegetation, "mixed_green_space", vegetation_choices(),
                "Vegetation type: sets the published sequestration factor (components/carbon_sink.h "
                "cites each source)."),
      number<S>("sequestration_kg_co2_per_m2_year", &S::sequestration_kg_co2_per_m2_year, "kg/(m²·a)", 0, 0, 20,
                "Override of the vegetation's factor; 0 uses the published one."),
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
      number<S>("demand_charge_cny_per_kw_month", &S::demand_charge_cny_per_kw_month, "CNY/(kW·month)", 0, 0, 10000,
                "Two-part tariff: charge on each month's maximum demand."),
      number<S>("capacity_charge_cny_per_kva_month", &S::capacity_charge_cny_per_kva_month, "CNY/(kVA·month)", 0, 0,
                10000, "Two-part tariff: charge on the contracted transformer capacity."),
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
WindTurbineSpec default_wind_turbine() { return defaults_of(wind_turbine_params()); }
HeatBusSpec default_heat_bus() { return defaults_of(heat_bus_params()); }
HeatPumpSpec default_heat_pump() { return defaults_of(heat_pump_params()); }
HeatPumpSpec default_chiller() { return defaults_of(chiller_params()); }
ThermalStorageSpec default_thermal_storage() { return defaults_of(thermal_storage_params()); }
LoadSpec default_heat_load() { return defaults_of(heat_load_params()); }
GreenSpaceSpec default_green_space() { return defaults_of(green_space_params()); }
BuildingSpec default_building() { return defaults_of(building_params()); }
DataCentreSpec default_data_centre() { return defaults_of(data_centre_params()); }
EvChargerSpec default_ev_charger() { return defaults_of(ev_charger_params()); }
PvtSpec default_pvt() { return defaults_of(pvt_params()); }
H2TankSpec default_h2_tank() { return defaults_of(h2_tank_params()); }
ElectrolyserSpec default_electrolyser() { return defaults_of(electrolyser_params()); }
FuelCellSpec default_fuel_cell() { return defaults_of(fuel_cell_params()); }
H2DemandSpec default_h2_demand() { return defaults_of(h2_demand_params()); }
TariffSpec default_tariff() { return defaults_of(tariff_params()); }
const ParamTable<OutageSpec>& outage_params() {
  using S = OutageSpec;
  static const ParamTable<S> table = {
      text<S>("component", &S::component, false, "",
              "What goes out: the grid connection (the park islands) or a PV array, wind turbine group, PV/thermal "
              "field, battery, heat pump or chiller, charger group, electrolyser or fuel cell, by name."),
      text<S>("link", &S::link, false, "",
              "Instead of component: a control-network link — a gateway's name (its uplink) or a networked device's "
              "name (its own link). Messages on it fail while it is out."),
      text<S>("start", &S::start_iso, false, "",
              "A scheduled outage: first instant out (ISO 8601, local standard time)."),
      text<S>("end", &S::end_iso, false, "", "A scheduled outage: back in service at this instant (exclusive)."),
      number<S>("mean_time_between_failures_h", &S::mean_time_between_failures_h, "h", 0, 0, 1e6,
                "Random outages: mean time in service between failures (exponential, drawn with the run's seed)."),
      number<S>("mean_time_to_repair_h", &S::mean_time_to_repair_h, "h", 0, 0, 1e5,
                "Random outages: mean duration of one (exponential)."),
  };
  return table;
}

OutageSpec default_outage() { return defaults_of(outage_params()); }

const ParamTable<LocalControllerSpec>& local_controller_params() {
  using S = LocalControllerSpec;
  static const ParamTable<S> table = {
      text<S>("controller", &S::controller, false, "", "A built-in controller, by name."),
      text<S>("controller_plugin", &S::controller_plugin, false, "", "Or a controller plug-in, by path.",
              ParamKind::kPath),
  };
  return table;
}

LocalControllerSpec default_local_controller() { return defaults_of(local_controller_params()); }

const ParamTable<NetworkSpec>& network_params() {
  using S = NetworkSpec;
  static const ParamTable<S> table = {
      integer<S>("setpoint_timeout_s", &S::setpoint_timeout_s, "s", 0, 0, 86400 * 7,
                 "A device whose last set-point is older than this falls back to its safe rule: batteries idle, "
                 "chargers charge at once, tanks follow the heat balance, electrolysers refill, fuel cells stop. "
                 "0: twice the decision interval (one set-point may be lost without consequence)."),
      number<S>("measurement_window_s", &S::measurement_window_s, "s", 30, 0, 3600,
                "At each decision the controller waits this long for measurements, then decides on what arrived "
                "(the last value it has from an endpoint whose measurement did not)."),
      number<S>("measurement_bytes", &S::measurement_bytes, "B", 256, 0, 1e9, "Size of one endpoint's measurement."),
      number<S>("setpoint_bytes", &S::setpoint_bytes, "B", 64, 0, 1e9, "Size of one device's set-point message."),
  };
  return table;
}

const ParamTable<NetworkGatewaySpec>& network_gateway_params() {
  using S = NetworkGatewaySpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the gateway."),
      number<S>("latency_ms", &S::latency_ms, "ms", 0, 0, 1e6, "Latency of its uplink to the controller."),
      required_number<S>("bandwidth_kbps", &S::bandwidth_kbps, "kbit/s", 0, 1e9, "Bandwidth of its uplink.", true),
  };
  return table;
}

const ParamTable<NetworkLinkSpec>& network_link_params() {
  using S = NetworkLinkSpec;
  static const ParamTable<S> table = {
      text<S>("device", &S::device, true, "",
              "A battery, thermal storage, charger group, electrolyser or fuel cell (it sends measurements and gets "
              "set-points), or the grid connection (its meter sends the park's measurements)."),
      text<S>("gateway", &S::gateway, false, "", "The gateway it goes through; none: straight to the controller."),
      number<S>("latency_ms", &S::latency_ms, "ms", 0, 0, 1e6, "Latency of the device's own link."),
      required_number<S>("bandwidth_kbps", &S::bandwidth_kbps, "kbit/s", 0, 1e9, "Bandwidth of its own link.", true),
  };
  return table;
}

NetworkSpec default_network() { return defaults_of(network_params()); }

GridSpec default_grid() {
  GridSpec grid = defaults_of(grid_params());
  grid.tariff = default_tariff();
  return grid;
}

}  // namespace zeropark

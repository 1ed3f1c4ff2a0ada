// ParkState: everything that changes while a park runs, as one plain value.
//
// Copy it to fork a what-if, hash it to prove determinism, serialise it to checkpoint. The
// operating point (`powers`) is the park's powers over the segment that starts at `tick`: every
// power is constant until the next event, which is what makes the energy integration exact.
#pragma once

#include <cstdint>
#include <vector>

#include "zeropark/battery_ageing_state.h"
#include "zeropark/model.h"
#include "zeropark/units.h"

namespace zeropark {

// A small, fully specified PCG32 generator (O'Neill 2014): the standard library's engines are
// portable but its distributions are not, so ZeroPark draws its own numbers from this.
struct Pcg32 {
  std::uint64_t state = 0x853c49e6748fea9bULL;
  std::uint64_t increment = 0xda3e39cb94b95bdbULL;

  static Pcg32 seeded(std::uint64_t seed, std::uint64_t stream = 54);
  std::uint32_t next();
  double uniform01();  // [0, 1) with 32 random bits
};

// Powers over the current segment, kW, signed as units.h says (positive = into the bus).
struct OperatingPoint {
  std::vector<double> pv_available_kw;         // what the arrays could deliver (≥ 0)
  std::vector<double> pv_clipped_dc_kw;        // DC power the inverters could not take at their AC limit
  std::vector<double> pv_poa_w_m2;             // plane-of-array irradiance
  std::vector<double> pv_cell_temp_c;          // cell temperature
  std::vector<double> pv_kw;                   // what they deliver after curtailment (≥ 0)
  std::vector<double> battery_kw;              // + discharging, − charging
  std::vector<double> load_demand_kw;          // what the loads ask for (≥ 0)
  std::vector<double> load_kw;                 // − what they are served (≤ 0)
  std::vector<double> line_sent_kw;            // at the parent end: + towards the child
  std::vector<double> line_received_kw;        // at the child end: + arriving from the parent
  std::vector<double> pvt_available_kw;        // electricity the collectors could deliver (≥ 0)
  std::vector<double> pvt_kw;                  // delivered after curtailment (≥ 0)
  std::vector<double> pvt_thermal_kw;          // heat into the heat bus (≥ 0)
  std::vector<double> electrolyser_demand_kw;  // ≥ 0
  std::vector<double> electrolyser_floor_kw;   // ≤ 0: what a tank at its minimum needs
  std::vector<double> electrolyser_kw;         // − served
  std::vector<double> electrolyser_h2_kg_per_h;
  std::vector<double> fuel_cell_available_kw;  // planned output (≥ 0)
  std::vector<double> fuel_cell_kw;            // delivered (≥ 0)
  std::vector<double> fuel_cell_h2_kg_per_h;
  std::vector<double> fuel_cell_heat_kw;   // recovered heat into its heat bus
  std::vector<double> h2_demand_kg_per_h;  // asked for
  std::vector<double> h2_demand_served_kg_per_h;
  std::vector<double> h2_tank_net_kg_per_h;     // + filling
  std::vector<double> h2_tank_vented_kg_per_h;  // relieved from an all but full tank (≥ 0)
  std::vector<double> ev_request_kw;            // per group: what its cars ask for (+ V2G, − charging)
  std::vector<double> ev_floor_kw;              // per group: charging that forced cars must get (≤ 0)
  std::vector<double> ev_kw;                    // per group: granted by the balance
  std::vector<double> ev_point_kw;              // per charge point, all groups in order
  std::vector<double> data_centre_it_kw;        // IT power (≥ 0)
  std::vector<double> data_centre_pue;          // facility / IT at the current weather
  std::vector<double> data_centre_demand_kw;    // facility power asked for (≥ 0)
  std::vector<double> data_centre_kw;           // − facility power served
  std::vector<double> wind_hub_speed_m_s;       // at hub height, before the density correction
  std::vector<double> wind_available_kw;        // what the turbines could deliver (≥ 0)
  std::vector<double> wind_kw;                  // what they deliver after curtailment (≥ 0)
  // Heat side: thermal kW, positive = into the heat bus (for a cooling bus: cooling into it).
  std::vector<double> heat_pump_source_c;            // source temperature in force
  std::vector<double> heat_pump_cop;                 // COP (EER for chillers) at the current conditions
  std::vector<double> heat_pump_max_kw;              // thermal capacity at the current conditions
  std::vector<double> heat_pump_thermal_kw;          // thermal output delivered (≥ 0)
  std::vector<double> heat_pump_electric_demand_kw;  // electricity the dispatch asks for (≥ 0)
  std::vector<double> heat_pump_electric_kw;         // − electricity served by the electric bus
  std::vector<double> thermal_storage_kw;            // + discharging into the heat bus, − charging
  std::vector<double> heat_load_demand_kw;           // ≥ 0
  std::vector<double> heat_load_kw;                  // − served
  std::vector<double> heat_bus_dumped_kw;            // surplus heat rejected (≥ 0, out of the bus)
  std::vector<double> building_heating_demand_kw;    // to hold the heating set-point this step (≥ 0)
  std::vector<double> building_heating_kw;           // − heat served
  std::vector<double> building_cooling_demand_kw;    // to hold the cooling set-point this step (≥ 0)
  std::vector<double> building_cooling_kw;           // − cooling served
  std::vector<double> building_air_c;                // indoor air if the demand is met
  double grid_kw = 0;                                // + import, − export
  double price_cny_per_kwh = 0;                      // energy price in force
  double carbon_kg_per_kwh = 0;                      // emission factor of imports in force
  int tariff_period = 0;                             // index into the tariff's period names
  int grid_connected = 1;                            // 0 while the grid connection is out: the park is an island
  std::vector<int> out_of_service;                   // per outage profile (model.outages): 1 while out
};

// Energy counters since the start, kWh. Kept in the state so a checkpoint resumes them.
struct EnergyTotals {
  std::vector<double> pv_kwh;
  std::vector<double> pv_curtailed_kwh;
  std::vector<double> pv_clipped_dc_kwh;
  std::vector<double> battery_charged_kwh;     // drawn from the bus
  std::vector<double> battery_discharged_kwh;  // delivered to the bus
  std::vector<double> battery_self_discharge_kwh;
  std::vector<double> battery_fade_clipped_kwh;  // stored energy above a faded window's top
  std::vector<double> load_served_kwh;
  std::vector<double> load_unserved_kwh;
  std::vector<double> line_loss_kwh;
  std::vector<double> pvt_kwh;
  std::vector<double> pvt_curtailed_kwh;
  std::vector<double> pvt_thermal_kwh;
  std::vector<double> electrolyser_kwh;
  std::vector<double> electrolyser_h2_kg;
  std::vector<double> fuel_cell_kwh;
  std::vector<double> fuel_cell_h2_kg;
  std::vector<double> fuel_cell_heat_kwh;
  std::vector<double> h2_demand_kg;
  std::vector<double> h2_demand_unserved_kg;
  std::vector<double> h2_vented_kg;
  std::vector<double> ev_charged_kwh;           // per group: drawn from the bus
  std::vector<double> ev_v2g_kwh;               // per group: returned to the bus
  std::vector<double> ev_requested_kwh;         // per group: asked for by sessions that departed
  std::vector<double> ev_undelivered_kwh;       // per group: still missing at departure
  std::vector<double> ev_plugged_hours;         // per group: charge-point hours occupied
  std::vector<double> ev_sessions_served;       // per group: sessions that plugged in
  std::vector<double> ev_sessions_turned_away;  // per group: arrivals that found every point taken
  std::vector<double> ev_turned_away_kwh;       // per group: what those cars had asked for
  std::vector<double> ev_departures_short;      // per group: cars that left lacking more than 1 Wh
  std::vector<double> data_centre_it_kwh;       // IT energy asked for
  std::vector<double> data_centre_served_kwh;   // facility energy served
  std::vector<double> data_centre_unserved_kwh;
  std::vector<double> wind_kwh;
  std::vector<double> wind_curtailed_kwh;
  std::vector<double> heat_pump_thermal_kwh;
  std::vector<double> heat_pump_electric_kwh;
  std::vector<double> heat_pump_starts;
  std::vector<double> thermal_storage_charged_kwh;
  std::vector<double> thermal_storage_discharged_kwh;
  std::vector<double> thermal_storage_loss_kwh;
  std::vector<double> heat_load_served_kwh;
  std::vector<double> heat_load_unserved_kwh;
  std::vector<double> heat_bus_dumped_kwh;
  std::vector<double> building_heating_served_kwh;
  std::vector<double> building_heating_unserved_kwh;
  std::vector<double> building_cooling_served_kwh;
  std::vector<double> building_cooling_unserved_kwh;
  double grid_import_kwh = 0;
  double grid_export_kwh = 0;
  double islanded_h = 0;                 // hours the grid connection was out
  double islanded_critical_served_h = 0;  // of those, hours every critical load was fully served
  std::vector<double> outage_h;          // per outage profile: hours out
  // The control network (scenario `network`): messages are measurements and set-points.
  double network_messages = 0;
  double network_messages_lost = 0;  // failed on a link that was out, or not there in time
  double network_delay_sum_s = 0;    // over the messages delivered
  double network_delay_max_s = 0;
  double network_setpoints_lost = 0;
  double network_fallbacks = 0;           // devices that fell back to their safe rule
  double network_fallback_device_h = 0;  // device-hours spent in it
};

struct ParkState {
  Tick tick = 0;             // start of the current segment
  std::uint64_t events = 0;  // segments integrated so far
  std::vector<double> battery_energy_kwh;
  std::vector<double> battery_setpoint_kw;         // the controller's last command, + discharge
  std::vector<BatteryAgeingState> battery_ageing;  // per battery (unused without ageing)
  std::vector<double> controller_memory;           // controllers keep their memory here, not in themselves
  std::vector<double> thermal_storage_energy_kwh;
  std::vector<double> thermal_storage_setpoint_kw;  // + discharge; NaN = follow the heat balance
  std::vector<int> heat_pump_on;                    // 1 while running (minimum run and off times)
  std::vector<Tick> heat_pump_switched_tick;        // when it last started or stopped
  std::vector<double> h2_tank_level_kg;
  std::vector<int> electrolyser_refilling;       // 1 from the refill level until the tank is full
  std::vector<double> electrolyser_setpoint_kw;  // NaN: the refill rule
  std::vector<double> fuel_cell_setpoint_kw;     // NaN: off
  std::vector<int> ev_next_session;              // per group: first session not yet arrived
  std::vector<int> ev_point_session;             // per charge point: its session, −1 when free
  std::vector<double> ev_point_delivered_kwh;    // per charge point: into the car since arrival
  std::vector<double> ev_setpoint_kw;            // per group: + V2G, − charging; NaN = charge at once
  std::vector<double> building_mass_c;           // 5R1C mass node at the start of the current step
  std::vector<double> building_step_heat_kwh;    // heating minus cooling served so far this step
  Tick next_decision_tick = 0;
  Pcg32 rng;
  OperatingPoint powers;
  EnergyTotals totals;
};

// The initial state of a model: SOCs at their initial values, counters at zero.
ParkState initial_state(const ParkModel& model);

// A 64-bit FNV-1a hash over every field's bytes, in a fixed order.
std::uint64_t hash_state(const ParkState& state);

}  // namespace zeropark

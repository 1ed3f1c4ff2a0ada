// Initial state, hashing and the PCG32 generator.
#include <cmath>
#include <cstring>

#include "components/battery_ageing.h"
#include "zeropark/controller.h"
#include "zeropark/state.h"

namespace zeropark {

Pcg32 Pcg32::seeded(std::uint64_t seed, std::uint64_t stream) {
  // PCG's reference seeding: set the stream, step, add the seed, step.
  Pcg32 g;
  g.state = 0;
  g.increment = (stream << 1u) | 1u;
  g.next();
  g.state += seed;
  g.next();
  return g;
}

std::uint32_t Pcg32::next() {
  const std::uint64_t old = state;
  state = old * 6364136223846793005ULL + increment;
  const auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
  const auto rotation = static_cast<std::uint32_t>(old >> 59u);
  return (xorshifted >> rotation) | (xorshifted << ((-rotation) & 31u));
}

double Pcg32::uniform01() { return next() * (1.0 / 4294967296.0); }

ParkState initial_state(const ParkModel& model) {
  ParkState s;
  const std::size_t pv = model.pv_arrays.size();
  const std::size_t batteries = model.batteries.size();
  const std::size_t loads = model.loads.size();
  const std::size_t lines = model.lines.size();
  const std::size_t wind = model.wind_turbines.size();
  const std::size_t heat_pumps = model.heat_pumps.size();
  const std::size_t tanks = model.thermal_storages.size();
  const std::size_t heat_loads = model.heat_loads.size();
  const std::size_t heat_buses = model.heat_buses.size();
  const std::size_t buildings = model.buildings.size();
  const std::size_t data_centres = model.data_centres.size();
  const std::size_t ev_groups = model.ev_chargers.size();
  const std::size_t pvt = model.pvt.size();
  const std::size_t h2_tanks = model.h2_tanks.size();
  const std::size_t electrolysers = model.electrolysers.size();
  const std::size_t fuel_cells = model.fuel_cells.size();
  const std::size_t h2_demands = model.h2_demands.size();
  std::size_t ev_points = 0;
  for (const EvChargerModel& c : model.ev_chargers) ev_points += static_cast<std::size_t>(c.count);
  s.battery_energy_kwh.resize(batteries);
  for (std::size_t i = 0; i < batteries; ++i) s.battery_energy_kwh[i] = model.batteries[i].energy_initial_kwh;
  s.battery_setpoint_kw.assign(batteries, 0.0);
  for (const BatteryModel& b : model.batteries)
    s.battery_ageing.push_back(b.ageing ? initial_ageing_state(*b.ageing) : BatteryAgeingState{});
  // A model whose controller cannot be made has no memory to size; running it reports why.
  try {
    s.controller_memory.assign(make_park_controller(model)->memory_size(model), 0.0);
  } catch (const std::exception&) {
  }
  s.rng = Pcg32::seeded(model.seed);
  for (const ThermalStorageModel& tank : model.thermal_storages)
    s.thermal_storage_energy_kwh.push_back(tank.store.energy_initial_kwh);
  s.thermal_storage_setpoint_kw.assign(tanks, std::nan(""));
  s.heat_pump_on.assign(heat_pumps, 0);
  // Off since long before the start: no minimum off time holds a heat pump back at tick 0.
  s.heat_pump_switched_tick.assign(heat_pumps, -kSecondsPerDay * 365);
  for (const BuildingModel& b : model.buildings) s.building_mass_c.push_back(b.initial_mass_c);
  for (const H2TankModel& tank : model.h2_tanks) s.h2_tank_level_kg.push_back(tank.initial_kg);
  s.electrolyser_refilling.assign(electrolysers, 0);
  s.electrolyser_setpoint_kw.assign(electrolysers, std::nan(""));
  s.fuel_cell_setpoint_kw.assign(fuel_cells, std::nan(""));
  s.ev_next_session.assign(ev_groups, 0);
  s.ev_point_session.assign(ev_points, -1);
  s.ev_point_delivered_kwh.assign(ev_points, 0.0);
  s.ev_setpoint_kw.assign(ev_groups, std::nan(""));
  s.building_step_heat_kwh.assign(buildings, 0.0);

  OperatingPoint& p = s.powers;
  p.pv_available_kw.assign(pv, 0.0);
  p.pv_clipped_dc_kw.assign(pv, 0.0);
  p.pv_poa_w_m2.assign(pv, 0.0);
  p.pv_cell_temp_c.assign(pv, 0.0);
  p.pv_kw.assign(pv, 0.0);
  p.battery_kw.assign(batteries, 0.0);
  p.load_demand_kw.assign(loads, 0.0);
  p.load_kw.assign(loads, 0.0);
  p.line_sent_kw.assign(lines, 0.0);
  p.line_received_kw.assign(lines, 0.0);
  for (auto* v : {&p.ev_request_kw, &p.ev_floor_kw, &p.ev_kw}) v->assign(ev_groups, 0.0);
  for (auto* v : {&p.pvt_available_kw, &p.pvt_kw, &p.pvt_thermal_kw}) v->assign(pvt, 0.0);
  for (auto* v : {&p.electrolyser_demand_kw, &p.electrolyser_floor_kw, &p.electrolyser_kw, &p.electrolyser_h2_kg_per_h})
    v->assign(electrolysers, 0.0);
  for (auto* v : {&p.fuel_cell_available_kw, &p.fuel_cell_kw, &p.fuel_cell_h2_kg_per_h, &p.fuel_cell_heat_kw})
    v->assign(fuel_cells, 0.0);
  p.h2_demand_kg_per_h.assign(h2_demands, 0.0);
  p.h2_demand_served_kg_per_h.assign(h2_demands, 0.0);
  p.h2_tank_net_kg_per_h.assign(h2_tanks, 0.0);
  p.h2_tank_vented_kg_per_h.assign(h2_tanks, 0.0);
  p.ev_point_kw.assign(ev_points, 0.0);
  for (auto* v : {&p.data_centre_it_kw, &p.data_centre_pue, &p.data_centre_demand_kw, &p.data_centre_kw})
    v->assign(data_centres, 0.0);
  for (auto* v : {&p.wind_hub_speed_m_s, &p.wind_available_kw, &p.wind_kw}) v->assign(wind, 0.0);
  for (auto* v : {&p.heat_pump_source_c, &p.heat_pump_cop, &p.heat_pump_max_kw, &p.heat_pump_thermal_kw,
                  &p.heat_pump_electric_demand_kw, &p.heat_pump_electric_kw})
    v->assign(heat_pumps, 0.0);
  p.thermal_storage_kw.assign(tanks, 0.0);
  p.heat_load_demand_kw.assign(heat_loads, 0.0);
  p.heat_load_kw.assign(heat_loads, 0.0);
  p.heat_bus_dumped_kw.assign(heat_buses, 0.0);
  for (auto* v : {&p.building_heating_demand_kw, &p.building_heating_kw, &p.building_cooling_demand_kw,
                  &p.building_cooling_kw, &p.building_air_c})
    v->assign(buildings, 0.0);

  EnergyTotals& t = s.totals;
  t.pv_kwh.assign(pv, 0.0);
  t.pv_curtailed_kwh.assign(pv, 0.0);
  t.pv_clipped_dc_kwh.assign(pv, 0.0);
  t.battery_charged_kwh.assign(batteries, 0.0);
  t.battery_discharged_kwh.assign(batteries, 0.0);
  t.battery_self_discharge_kwh.assign(batteries, 0.0);
  t.battery_fade_clipped_kwh.assign(batteries, 0.0);
  t.load_served_kwh.assign(loads, 0.0);
  t.load_unserved_kwh.assign(loads, 0.0);
  t.line_loss_kwh.assign(lines, 0.0);
  for (auto* v : {&t.pvt_kwh, &t.pvt_curtailed_kwh, &t.pvt_thermal_kwh}) v->assign(pvt, 0.0);
  t.electrolyser_kwh.assign(electrolysers, 0.0);
  t.electrolyser_h2_kg.assign(electrolysers, 0.0);
  for (auto* v : {&t.fuel_cell_kwh, &t.fuel_cell_h2_kg, &t.fuel_cell_heat_kwh}) v->assign(fuel_cells, 0.0);
  t.h2_demand_kg.assign(h2_demands, 0.0);
  t.h2_demand_unserved_kg.assign(h2_demands, 0.0);
  t.h2_vented_kg.assign(h2_tanks, 0.0);
  for (auto* v : {&t.ev_charged_kwh, &t.ev_v2g_kwh, &t.ev_requested_kwh, &t.ev_undelivered_kwh, &t.ev_plugged_hours,
                  &t.ev_sessions_served, &t.ev_sessions_turned_away, &t.ev_turned_away_kwh, &t.ev_departures_short})
    v->assign(ev_groups, 0.0);
  for (auto* v : {&t.data_centre_it_kwh, &t.data_centre_served_kwh, &t.data_centre_unserved_kwh})
    v->assign(data_centres, 0.0);
  t.wind_kwh.assign(wind, 0.0);
  t.wind_curtailed_kwh.assign(wind, 0.0);
  for (auto* v : {&t.heat_pump_thermal_kwh, &t.heat_pump_electric_kwh, &t.heat_pump_starts}) v->assign(heat_pumps, 0.0);
  for (auto* v : {&t.thermal_storage_charged_kwh, &t.thermal_storage_discharged_kwh, &t.thermal_storage_loss_kwh})
    v->assign(tanks, 0.0);
  t.heat_load_served_kwh.assign(heat_loads, 0.0);
  t.heat_load_unserved_kwh.assign(heat_loads, 0.0);
  t.heat_bus_dumped_kwh.assign(heat_buses, 0.0);
  for (auto* v : {&t.building_heating_served_kwh, &t.building_heating_unserved_kwh, &t.building_cooling_served_kwh,
                  &t.building_cooling_unserved_kwh})
    v->assign(buildings, 0.0);
  t.outage_h.assign(model.outages.size(), 0.0);
  p.out_of_service.assign(model.outages.size(), 0);
  return s;
}

namespace {

class Fnv1a {
 public:
  template <class T>
  void add(const T& value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    for (unsigned char b : bytes) hash_ = (hash_ ^ b) * 1099511628211ULL;
  }
  template <class T>
  void add(const std::vector<T>& values) {
    add(values.size());
    for (const T& v : values) add(v);
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace

std::uint64_t hash_state(const ParkState& s) {
  Fnv1a h;
  h.add(s.tick);
  h.add(s.events);
  h.add(s.battery_energy_kwh);
  h.add(s.battery_setpoint_kw);
  for (const BatteryAgeingState& a : s.battery_ageing) {
    h.add(a.rainflow_peaks_dod_pct);
    for (int v : {a.cycles_counted, a.has_soc_point, a.dod_direction}) h.add(v);
    for (double v : {a.last_cycle_range_pct, a.mean_cycle_range_pct, a.last_dod_pct, a.age_s, a.calendar_dq_fraction,
                     a.q_cycle_pct, a.q_calendar_pct, a.q_pct})
      h.add(v);
  }
  h.add(s.controller_memory);
  h.add(s.thermal_storage_energy_kwh);
  h.add(s.thermal_storage_setpoint_kw);
  h.add(s.heat_pump_on);
  h.add(s.heat_pump_switched_tick);
  h.add(s.h2_tank_level_kg);
  h.add(s.electrolyser_refilling);
  h.add(s.electrolyser_setpoint_kw);
  h.add(s.fuel_cell_setpoint_kw);
  h.add(s.ev_next_session);
  h.add(s.ev_point_session);
  h.add(s.ev_point_delivered_kwh);
  h.add(s.ev_setpoint_kw);
  h.add(s.building_mass_c);
  h.add(s.building_step_heat_kwh);
  h.add(s.next_decision_tick);
  h.add(s.rng.state);
  h.add(s.rng.increment);
  const OperatingPoint& p = s.powers;
  for (const auto* v : {&p.pv_available_kw,
                        &p.pv_clipped_dc_kw,
                        &p.pv_poa_w_m2,
                        &p.pv_cell_temp_c,
                        &p.pv_kw,
                        &p.battery_kw,
                        &p.load_demand_kw,
                        &p.load_kw,
                        &p.line_sent_kw,
                        &p.line_received_kw,
                        &p.pvt_available_kw,
                        &p.pvt_kw,
                        &p.pvt_thermal_kw,
                        &p.electrolyser_demand_kw,
                        &p.electrolyser_floor_kw,
                        &p.electrolyser_kw,
                        &p.electrolyser_h2_kg_per_h,
                        &p.fuel_cell_available_kw,
                        &p.fuel_cell_kw,
                        &p.fuel_cell_h2_kg_per_h,
                        &p.fuel_cell_heat_kw,
                        &p.h2_demand_kg_per_h,
                        &p.h2_demand_served_kg_per_h,
                        &p.h2_tank_net_kg_per_h,
                        &p.h2_tank_vented_kg_per_h,
                        &p.ev_request_kw,
                        &p.ev_floor_kw,
                        &p.ev_kw,
                        &p.ev_point_kw,
                        &p.data_centre_it_kw,
                        &p.data_centre_pue,
                        &p.data_centre_demand_kw,
                        &p.data_centre_kw,
                        &p.wind_hub_speed_m_s,
                        &p.wind_available_kw,
                        &p.wind_kw,
                        &p.heat_pump_source_c,
                        &p.heat_pump_cop,
                        &p.heat_pump_max_kw,
                        &p.heat_pump_thermal_kw,
                        &p.heat_pump_electric_demand_kw,
                        &p.heat_pump_electric_kw,
                        &p.thermal_storage_kw,
                        &p.heat_load_demand_kw,
                        &p.heat_load_kw,
                        &p.heat_bus_dumped_kw,
                        &p.building_heating_demand_kw,
                        &p.building_heating_kw,
                        &p.building_cooling_demand_kw,
                        &p.building_cooling_kw,
                        &p.building_air_c})
    h.add(*v);
  h.add(p.grid_kw);
  h.add(p.price_cny_per_kwh);
  h.add(p.carbon_kg_per_kwh);
  h.add(p.tariff_period);
  h.add(p.grid_connected);
  h.add(p.out_of_service);
  const EnergyTotals& t = s.totals;
  for (const auto* v : {&t.pv_kwh,
                        &t.pv_curtailed_kwh,
                        &t.pv_clipped_dc_kwh,
                        &t.battery_charged_kwh,
                        &t.battery_discharged_kwh,
                        &t.battery_self_discharge_kwh,
                        &t.battery_fade_clipped_kwh,
                        &t.load_served_kwh,
                        &t.load_unserved_kwh,
                        &t.line_loss_kwh,
                        &t.pvt_kwh,
                        &t.pvt_curtailed_kwh,
                        &t.pvt_thermal_kwh,
                        &t.electrolyser_kwh,
                        &t.electrolyser_h2_kg,
                        &t.fuel_cell_kwh,
                        &t.fuel_cell_h2_kg,
                        &t.fuel_cell_heat_kwh,
                        &t.h2_demand_kg,
                        &t.h2_demand_unserved_kg,
                        &t.h2_vented_kg,
                        &t.ev_charged_kwh,
                        &t.ev_v2g_kwh,
                        &t.ev_requested_kwh,
                        &t.ev_undelivered_kwh,
                        &t.ev_plugged_hours,
                        &t.ev_sessions_served,
                        &t.ev_sessions_turned_away,
                        &t.ev_turned_away_kwh,
                        &t.ev_departures_short,
                        &t.data_centre_it_kwh,
                        &t.data_centre_served_kwh,
                        &t.data_centre_unserved_kwh,
                        &t.wind_kwh,
                        &t.wind_curtailed_kwh,
                        &t.heat_pump_thermal_kwh,
                        &t.heat_pump_electric_kwh,
                        &t.heat_pump_starts,
                        &t.thermal_storage_charged_kwh,
                        &t.thermal_storage_discharged_kwh,
                        &t.thermal_storage_loss_kwh,
                        &t.heat_load_served_kwh,
                        &t.heat_load_unserved_kwh,
                        &t.heat_bus_dumped_kwh,
                        &t.building_heating_served_kwh,
                        &t.building_heating_unserved_kwh,
                        &t.building_cooling_served_kwh,
                        &t.building_cooling_unserved_kwh})
    h.add(*v);
  h.add(t.grid_import_kwh);
  h.add(t.grid_export_kwh);
  h.add(t.islanded_h);
  h.add(t.islanded_critical_served_h);
  h.add(t.outage_h);
  for (double v : {t.network_messages, t.network_messages_lost, t.network_delay_sum_s, t.network_delay_max_s,
                   t.network_setpoints_lost, t.network_fallbacks, t.network_fallback_device_h})
    h.add(v);
  return h.value();
}

}  // namespace zeropark

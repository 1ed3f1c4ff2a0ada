#include "kernel/control_network.h"

#include <simgrid/Exception.hpp>
#include <simgrid/kernel/ProfileBuilder.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace sg4 = simgrid::s4u;

namespace zeropark {
namespace {

// A SimGrid state profile (absolute engine times: 0 = off, 1 = on) for a link's outage windows.
void set_outages(sg4::Link* link, const NetworkLinkModel& model, double clock_origin_s) {
  if (model.down.empty()) return;
  std::ostringstream events;
  events.precision(17);
  for (const OutageWindow& w : model.down)
    events << clock_origin_s + static_cast<double>(w.start) << " 0\n"
           << clock_origin_s + static_cast<double>(w.end) << " 1\n";
  link->set_state_profile(
      simgrid::kernel::profile::ProfileBuilder::from_string(link->get_name() + "-outages", events.str(), -1));
}

sg4::Link* make_link(sg4::NetZone* zone, const std::string& name, const NetworkLinkModel& model,
                     double clock_origin_s) {
  sg4::Link* link = zone->create_link(name, model.bandwidth_bytes_per_s)->set_latency(model.latency_s);
  set_outages(link, model, clock_origin_s);  // profiles can only be set before sealing
  return link->seal();
}

template <class T>
void copy_entry(std::vector<T>& into, std::span<const T> from, int index) {
  const auto i = static_cast<std::size_t>(index);
  if (i < from.size() && i < into.size()) into[i] = from[i];
}

}  // namespace

void ObservedPark::take_all(const Observation& fresh) {
  scalars_ = fresh;
  const auto own = [](std::vector<double>& into, std::span<const double> from) {
    into.assign(from.begin(), from.end());
  };
  own(pv_available_kw_, fresh.pv_available_kw);
  own(load_demand_kw_, fresh.load_demand_kw);
  own(battery_energy_kwh_, fresh.battery_energy_kwh);
  own(thermal_storage_energy_kwh_, fresh.thermal_storage_energy_kwh);
  own(h2_tank_level_kg_, fresh.h2_tank_level_kg);
  own(heat_bus_demand_kw_, fresh.heat_bus_demand_kw);
  own(ev_plugged_, fresh.ev_plugged);
  own(ev_energy_needed_kwh_, fresh.ev_energy_needed_kwh);
  own(ev_charge_limit_kw_, fresh.ev_charge_limit_kw);
  own(ev_forced_kw_, fresh.ev_forced_kw);
  own(ev_v2g_limit_kw_, fresh.ev_v2g_limit_kw);
}

void ObservedPark::take_meter(const Observation& fresh) {
  scalars_ = fresh;  // the park-level numbers: prices, net demand, exchange, connection
  pv_available_kw_.assign(fresh.pv_available_kw.begin(), fresh.pv_available_kw.end());
  load_demand_kw_.assign(fresh.load_demand_kw.begin(), fresh.load_demand_kw.end());
  h2_tank_level_kg_.assign(fresh.h2_tank_level_kg.begin(), fresh.h2_tank_level_kg.end());
  heat_bus_demand_kw_.assign(fresh.heat_bus_demand_kw.begin(), fresh.heat_bus_demand_kw.end());
}

void ObservedPark::take_device(const Observation& fresh, VertexKind kind, int index) {
  switch (kind) {
    case VertexKind::kBattery:
      copy_entry(battery_energy_kwh_, fresh.battery_energy_kwh, index);
      break;
    case VertexKind::kThermalStorage:
      copy_entry(thermal_storage_energy_kwh_, fresh.thermal_storage_energy_kwh, index);
      break;
    case VertexKind::kEvCharger:
      copy_entry(ev_plugged_, fresh.ev_plugged, index);
      copy_entry(ev_energy_needed_kwh_, fresh.ev_energy_needed_kwh, index);
      copy_entry(ev_charge_limit_kw_, fresh.ev_charge_limit_kw, index);
      copy_entry(ev_forced_kw_, fresh.ev_forced_kw, index);
      copy_entry(ev_v2g_limit_kw_, fresh.ev_v2g_limit_kw, index);
      break;
    default:
      break;  // electrolysers and fuel cells report through their tanks' levels (the meter's)
  }
}

Observation ObservedPark::view(Tick tick) const {
  Observation o = scalars_;
  o.tick = tick;
  o.pv_available_kw = pv_available_kw_;
  o.load_demand_kw = load_demand_kw_;
  o.battery_energy_kwh = battery_energy_kwh_;
  o.thermal_storage_energy_kwh = thermal_storage_energy_kwh_;
  o.h2_tank_level_kg = h2_tank_level_kg_;
  o.heat_bus_demand_kw = heat_bus_demand_kw_;
  o.ev_plugged = ev_plugged_;
  o.ev_energy_needed_kwh = ev_energy_needed_kwh_;
  o.ev_charge_limit_kw = ev_charge_limit_kw_;
  o.ev_forced_kw = ev_forced_kw_;
  o.ev_v2g_limit_kw = ev_v2g_limit_kw_;
  return o;
}

ControlNetwork::ControlNetwork(const ParkModel& model, sg4::NetZone* zone, sg4::Host* ems, const std::string& prefix,
                               double clock_origin_s)
    : model_(model), ems_(ems), clock_origin_s_(clock_origin_s) {
  std::vector<sg4::Link*> uplinks;
  for (const NetworkLinkModel& g : model.network.gateways)
    uplinks.push_back(make_link(zone, prefix + "/gateway/" + g.name, g, clock_origin_s));
  for (const NetworkEndpointModel& e : model.network.endpoints) {
    sg4::Host* host = zone->create_host(prefix + "/" + e.link.name, 1e9);
    sg4::Link* own = make_link(zone, prefix + "/link/" + e.link.name, e.link, clock_origin_s);
    std::vector<sg4::LinkInRoute> route{sg4::LinkInRoute(own)};
    if (e.gateway >= 0) route.emplace_back(uplinks[static_cast<std::size_t>(e.gateway)]);
    // In a star zone a route joins the two hosts' own link lists: device → gateway → ems.
    zone->add_route(host->get_netpoint(), nullptr, nullptr, nullptr, route, true);
    Endpoint endpoint{e.kind, e.index, host, {own}};
    double latency_s = e.link.latency_s;
    if (e.gateway >= 0) {
      endpoint.route.push_back(uplinks[static_cast<std::size_t>(e.gateway)]);
      latency_s += model.network.gateways[static_cast<std::size_t>(e.gateway)].latency_s;
    }
    endpoint.instant = latency_s == 0;
    endpoints_.push_back(std::move(endpoint));
  }
  const auto networked = [&](VertexKind kind, int index) {
    return std::any_of(endpoints_.begin(), endpoints_.end(),
                       [&](const Endpoint& e) { return e.kind == kind && e.index == index; });
  };
  meter_networked_ = networked(VertexKind::kGrid, 0);
  const auto add_local = [&](VertexKind kind, std::size_t count) {
    for (int i = 0; i < static_cast<int>(count); ++i)
      if (!networked(kind, i)) local_.push_back({kind, i});
  };
  add_local(VertexKind::kBattery, model.batteries.size());
  add_local(VertexKind::kThermalStorage, model.thermal_storages.size());
  add_local(VertexKind::kEvCharger, model.ev_chargers.size());
  add_local(VertexKind::kElectrolyser, model.electrolysers.size());
  add_local(VertexKind::kFuelCell, model.fuel_cells.size());
}

Tick ControlNetwork::now_tick() const {
  return static_cast<Tick>(std::ceil(sg4::Engine::get_clock() - clock_origin_s_ - 1e-9));
}

sg4::CommPtr ControlNetwork::send(const Endpoint& e, bool to_endpoint, double bytes, bool& delivered_now) const {
  if (bytes == 0 && e.instant) {
    delivered_now = std::all_of(e.route.begin(), e.route.end(), [](const sg4::Link* l) { return l->is_on(); });
    return nullptr;
  }
  const auto size = static_cast<std::uint64_t>(bytes);
  return to_endpoint ? sg4::Comm::sendto_async(ems_, e.host, size) : sg4::Comm::sendto_async(e.host, ems_, size);
}

Observation ControlNetwork::measure(const Observation& fresh, ParkState& state) {
  EnergyTotals& t = state.totals;
  if (first_measurement_) {
    // What the controller knew when the run began: the park as configured.
    observed_.take_all(fresh);
    first_measurement_ = false;
  }
  // Endpoints not on the network sit beside the controller: their measurements are there at once.
  if (!meter_networked_) observed_.take_meter(fresh);
  for (const auto& [kind, index] : local_) observed_.take_device(fresh, kind, index);
  const double start_s = sg4::Engine::get_clock();
  const double deadline_s = start_s + model_.network.measurement_window_s;
  std::vector<sg4::CommPtr> pending;
  std::vector<std::size_t> from;
  const auto arrived = [&](const Endpoint& e) {
    if (e.kind == VertexKind::kGrid)
      observed_.take_meter(fresh);
    else
      observed_.take_device(fresh, e.kind, e.index);
  };
  for (std::size_t e = 0; e < endpoints_.size(); ++e) {
    t.network_messages += 1;
    bool delivered_now = false;
    sg4::CommPtr comm = send(endpoints_[e], false, model_.network.measurement_bytes, delivered_now);
    if (comm) {
      pending.push_back(comm);
      from.push_back(e);
    } else if (delivered_now) {
      arrived(endpoints_[e]);
    } else {
      t.network_messages_lost += 1;
    }
  }
  while (!pending.empty()) {
    ssize_t done = -1;
    try {
      done = sg4::Comm::wait_any_for(pending, std::max(0.0, deadline_s - sg4::Engine::get_clock()));
    } catch (const simgrid::NetworkFailureException&) {
      // A link on the way is out: the measurement is lost (the controller keeps the last one).
      for (std::size_t k = pending.size(); k-- > 0;)
        if (pending[k]->get_state() == sg4::Activity::State::FAILED) {
          t.network_messages_lost += 1;
          pending.erase(pending.begin() + static_cast<long>(k));
          from.erase(from.begin() + static_cast<long>(k));
        }
      continue;
    }
    if (done < 0) break;  // the window closed
    arrived(endpoints_[from[static_cast<std::size_t>(done)]]);
    const double delay_s = sg4::Engine::get_clock() - start_s;
    t.network_delay_sum_s += delay_s;
    t.network_delay_max_s = std::max(t.network_delay_max_s, delay_s);
    pending.erase(pending.begin() + done);
    from.erase(from.begin() + done);
  }
  for (const sg4::CommPtr& late : pending) {
    late->cancel();
    t.network_messages_lost += 1;
  }
  return observed_.view(fresh.tick);
}

void ControlNetwork::copy_setpoint(const Command& from, VertexKind kind, int index) {
  const auto i = static_cast<std::size_t>(index);
  const auto copy = [&](std::vector<double>& into, const std::vector<double>& source, double fallback) {
    if (i < into.size()) into[i] = i < source.size() ? source[i] : fallback;
  };
  const double own_rule = std::nan("");
  switch (kind) {
    case VertexKind::kBattery:
      copy(in_force_.battery_setpoint_kw, from.battery_setpoint_kw, 0.0);
      break;
    case VertexKind::kThermalStorage:
      copy(in_force_.thermal_storage_setpoint_kw, from.thermal_storage_setpoint_kw, own_rule);
      break;
    case VertexKind::kEvCharger:
      copy(in_force_.ev_setpoint_kw, from.ev_setpoint_kw, own_rule);
      break;
    case VertexKind::kElectrolyser:
      copy(in_force_.electrolyser_setpoint_kw, from.electrolyser_setpoint_kw, own_rule);
      break;
    case VertexKind::kFuelCell:
      copy(in_force_.fuel_cell_setpoint_kw, from.fuel_cell_setpoint_kw, own_rule);
      break;
    default:
      break;
  }
}

void ControlNetwork::fall_back(VertexKind kind, int index) {
  // The safe local rules: a battery idles, charge points charge their cars at once (every car
  // leaves with its energy), tanks follow the heat balance, electrolysers refill, fuel cells stop.
  Command safe;
  safe.battery_setpoint_kw.assign(model_.batteries.size(), 0.0);
  const double own_rule = std::nan("");
  safe.thermal_storage_setpoint_kw.assign(model_.thermal_storages.size(), own_rule);
  safe.ev_setpoint_kw.assign(model_.ev_chargers.size(), own_rule);
  safe.electrolyser_setpoint_kw.assign(model_.electrolysers.size(), own_rule);
  safe.fuel_cell_setpoint_kw.assign(model_.fuel_cells.size(), own_rule);
  copy_setpoint(safe, kind, index);
}

void ControlNetwork::dispatch(const Command& command, Plant& plant, ParkState& state, Tick next_decision) {
  EnergyTotals& t = state.totals;
  const Tick decided = state.tick;
  if (!in_force_known_) {  // what the devices hold when the run begins
    in_force_known_ = true;
    in_force_.battery_setpoint_kw = state.battery_setpoint_kw;
    in_force_.thermal_storage_setpoint_kw = state.thermal_storage_setpoint_kw;
    in_force_.ev_setpoint_kw = state.ev_setpoint_kw;
    in_force_.electrolyser_setpoint_kw = state.electrolyser_setpoint_kw;
    in_force_.fuel_cell_setpoint_kw = state.fuel_cell_setpoint_kw;
  }
  const auto run_to = [&](Tick tick) { plant.advance_to(std::min(tick, next_decision)); };
  const auto fallback_hours = [&](Endpoint& e, Tick until) {
    const Tick from = std::max(e.fallen_back_since, decided);
    if (until > from) t.network_fallback_device_h += static_cast<double>(until - from) / 3600.0;
  };

  // Devices beside the controller take their set-points as soon as it has decided.
  const Tick decided_at = std::min(now_tick(), next_decision);
  run_to(decided_at);
  for (const auto& [kind, index] : local_) copy_setpoint(command, kind, index);
  plant.apply(in_force_);

  const double sent_s = sg4::Engine::get_clock();
  std::vector<sg4::CommPtr> pending;
  std::vector<std::size_t> to;
  for (std::size_t e = 0; e < endpoints_.size(); ++e) {
    Endpoint& endpoint = endpoints_[e];
    if (endpoint.kind == VertexKind::kGrid) continue;  // the meter takes no set-point
    t.network_messages += 1;
    bool delivered_now = false;
    sg4::CommPtr comm = send(endpoint, true, model_.network.setpoint_bytes, delivered_now);
    if (comm) {
      pending.push_back(comm);
      to.push_back(e);
    } else if (delivered_now) {
      if (endpoint.fallen_back) fallback_hours(endpoint, decided_at);
      copy_setpoint(command, endpoint.kind, endpoint.index);
      endpoint.last_setpoint_tick = decided_at;
      endpoint.fallen_back = false;
    } else {
      t.network_messages_lost += 1;
      t.network_setpoints_lost += 1;
    }
  }
  plant.apply(in_force_);
  for (;;) {
    Tick next_fallback = next_decision;
    for (const Endpoint& e : endpoints_)
      if (e.kind != VertexKind::kGrid && !e.fallen_back)
        next_fallback = std::min(next_fallback, e.last_setpoint_tick + model_.network.setpoint_timeout_s);
    const Tick wake = std::max(next_fallback, state.tick);
    const double wait_s = std::max(0.0, clock_origin_s_ + static_cast<double>(wake) - sg4::Engine::get_clock());
    ssize_t done = -1;
    if (pending.empty()) {
      simgrid::s4u::this_actor::sleep_for(wait_s);
    } else {
      try {
        done = sg4::Comm::wait_any_for(pending, wait_s);
      } catch (const simgrid::NetworkFailureException&) {
        for (std::size_t k = pending.size(); k-- > 0;)
          if (pending[k]->get_state() == sg4::Activity::State::FAILED) {
            t.network_messages_lost += 1;
            t.network_setpoints_lost += 1;
            pending.erase(pending.begin() + static_cast<long>(k));
            to.erase(to.begin() + static_cast<long>(k));
          }
        continue;
      }
    }
    if (done >= 0) {
      Endpoint& e = endpoints_[to[static_cast<std::size_t>(done)]];
      pending.erase(pending.begin() + done);
      to.erase(to.begin() + done);
      const Tick arrives = now_tick();
      if (arrives >= next_decision) {  // too late to act before the next decision replaces it
        t.network_messages_lost += 1;
        t.network_setpoints_lost += 1;
        continue;
      }
      const double delay_s = sg4::Engine::get_clock() - sent_s;
      t.network_delay_sum_s += delay_s;
      t.network_delay_max_s = std::max(t.network_delay_max_s, delay_s);
      run_to(arrives);
      if (e.fallen_back) fallback_hours(e, arrives);
      copy_setpoint(command, e.kind, e.index);
      e.last_setpoint_tick = arrives;
      e.fallen_back = false;
      plant.apply(in_force_);
      continue;
    }
    if (wake >= next_decision) break;
    // A device's last set-point has grown too old: it falls back to its own safe rule.
    run_to(wake);
    for (Endpoint& e : endpoints_)
      if (e.kind != VertexKind::kGrid && !e.fallen_back &&
          e.last_setpoint_tick + model_.network.setpoint_timeout_s <= wake) {
        fall_back(e.kind, e.index);
        e.fallen_back = true;
        e.fallen_back_since = wake;
        t.network_fallbacks += 1;
      }
    plant.apply(in_force_);
  }
  for (const sg4::CommPtr& late : pending) {
    late->cancel();
    t.network_messages_lost += 1;
    t.network_setpoints_lost += 1;
  }
  run_to(next_decision);
  for (Endpoint& e : endpoints_)
    if (e.fallen_back) fallback_hours(e, next_decision);
}

}  // namespace zeropark

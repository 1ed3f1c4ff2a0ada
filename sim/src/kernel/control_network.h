// The park's control network on SimGrid (scenario `network`): the controller's host "ems", one host
// per networked endpoint (devices and the grid's meter), their links and gateways' uplinks, with
// outages as SimGrid state profiles. Messages carry no payload through SimGrid: it times them
// (latency, bandwidth, contention, failures); the data itself stays in memory. So the controller
// decides on what has arrived by then, and each device's set-point applies when its message lands.
#pragma once

#include <simgrid/s4u.hpp>

#include <vector>

#include "kernel/plant.h"
#include "zeropark/controller.h"
#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// What the controller knows: the last measurement that reached it from each endpoint.
class ObservedPark {
 public:
  // Takes the whole of `fresh` (the first decision, or an ideal network).
  void take_all(const Observation& fresh);
  // Takes the park-level fields (the meter's) or one device's entries from `fresh`.
  void take_meter(const Observation& fresh);
  void take_device(const Observation& fresh, VertexKind kind, int index);
  // An Observation over the stored values, at `tick`.
  Observation view(Tick tick) const;

 private:
  Observation scalars_;
  std::vector<double> pv_available_kw_, load_demand_kw_, battery_energy_kwh_, thermal_storage_energy_kwh_,
      h2_tank_level_kg_, heat_bus_demand_kw_, ev_plugged_, ev_energy_needed_kwh_, ev_charge_limit_kw_, ev_forced_kw_,
      ev_v2g_limit_kw_;
};

class ControlNetwork {
 public:
  // Builds the endpoints' hosts and links in `zone` (a star zone, before it is sealed), with host
  // and link names prefixed by `prefix`. `clock_origin_s` is the engine time of tick 0.
  ControlNetwork(const ParkModel& model, simgrid::s4u::NetZone* zone, simgrid::s4u::Host* ems,
                 const std::string& prefix, double clock_origin_s);

  // At a decision tick: every endpoint sends its measurement; waits until all have arrived or
  // failed, or the measurement window closes. Returns what the controller then knows.
  Observation measure(const Observation& fresh, ParkState& state);

  // Sends each device its part of `command` and runs the plant to `next_decision`: set-points
  // apply when they arrive (at the next whole second), lost or late ones leave the last in force,
  // and a device without a fresh set-point for setpoint_timeout_s falls back to its safe rule.
  void dispatch(const Command& command, Plant& plant, ParkState& state, Tick next_decision);

 private:
  struct Endpoint {
    VertexKind kind;
    int index;
    simgrid::s4u::Host* host;
    std::vector<simgrid::s4u::Link*> route;  // its own link, then its gateway's uplink
    bool instant = false;                    // zero latency on the whole route
    Tick last_setpoint_tick = 0;             // when its last set-point applied (the run's start at first)
    bool fallen_back = false;
    Tick fallen_back_since = 0;
  };
  Tick now_tick() const;
  // Starts a message between an endpoint and the controller. SimGrid never completes a message of
  // zero bytes on a zero-latency route, which arithmetic says takes no time: such a message is
  // delivered at once (true) or lost (false, a link is out) without SimGrid; nullptr then.
  simgrid::s4u::CommPtr send(const Endpoint& e, bool to_endpoint, double bytes, bool& delivered_now)
      const;  // the engine's time as a tick, rounded up: a message acts once it is there
  void copy_setpoint(const Command& from, VertexKind kind, int index);
  void fall_back(VertexKind kind, int index);

  const ParkModel& model_;
  simgrid::s4u::Host* ems_;
  double clock_origin_s_;
  std::vector<Endpoint> endpoints_;
  ObservedPark observed_;
  bool meter_networked_ = false;
  std::vector<std::pair<VertexKind, int>> local_;  // devices beside the controller (not on the network)
  bool first_measurement_ = true;
  Command in_force_;  // the set-points the devices hold now
  bool in_force_known_ = false;
};

}  // namespace zeropark

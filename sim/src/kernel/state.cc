// Initial state, hashing and the PCG32 generator.
#include <cstring>

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
  s.battery_energy_kwh.resize(batteries);
  for (std::size_t i = 0; i < batteries; ++i) s.battery_energy_kwh[i] = model.batteries[i].energy_initial_kwh;
  s.battery_setpoint_kw.assign(batteries, 0.0);
  if (auto controller = make_controller(model.controller)) s.controller_memory.assign(controller->memory_size(model), 0.0);
  s.rng = Pcg32::seeded(model.seed);

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

  EnergyTotals& t = s.totals;
  t.pv_kwh.assign(pv, 0.0);
  t.pv_curtailed_kwh.assign(pv, 0.0);
  t.pv_clipped_dc_kwh.assign(pv, 0.0);
  t.battery_charged_kwh.assign(batteries, 0.0);
  t.battery_discharged_kwh.assign(batteries, 0.0);
  t.battery_self_discharge_kwh.assign(batteries, 0.0);
  t.load_served_kwh.assign(loads, 0.0);
  t.load_unserved_kwh.assign(loads, 0.0);
  t.line_loss_kwh.assign(lines, 0.0);
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
  void add(const std::vector<double>& values) {
    add(values.size());
    for (double v : values) add(v);
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
  h.add(s.controller_memory);
  h.add(s.next_decision_tick);
  h.add(s.rng.state);
  h.add(s.rng.increment);
  const OperatingPoint& p = s.powers;
  for (const auto* v : {&p.pv_available_kw, &p.pv_clipped_dc_kw, &p.pv_poa_w_m2, &p.pv_cell_temp_c, &p.pv_kw, &p.battery_kw, &p.load_demand_kw, &p.load_kw,
                        &p.line_sent_kw, &p.line_received_kw})
    h.add(*v);
  h.add(p.grid_kw);
  h.add(p.price_cny_per_kwh);
  h.add(p.carbon_kg_per_kwh);
  h.add(p.tariff_period);
  const EnergyTotals& t = s.totals;
  for (const auto* v : {&t.pv_kwh, &t.pv_curtailed_kwh, &t.pv_clipped_dc_kwh, &t.battery_charged_kwh, &t.battery_discharged_kwh,
                        &t.battery_self_discharge_kwh, &t.load_served_kwh, &t.load_unserved_kwh, &t.line_loss_kwh})
    h.add(*v);
  h.add(t.grid_import_kwh);
  h.add(t.grid_export_kwh);
  return h.value();
}

}  // namespace zeropark

// Power balance on a radial network, solved leaves first.
//
// For each bus b, with its own components and the lines to its children:
//   net_b = Σ terminals_b (+ sources, − draws) + Σ_children arrival_c
// where a child c that sends out_c > 0 up its line delivers out_c·η, and a child that draws
// (out_c < 0) takes |out_c|/η from b. A non-root bus sends out_b = net_b up its own line; the
// grid's bus has grid_kw = −net_b. A line's capacity limits its sending end: |out_b| ≤ C when b
// exports, |out_b|/η ≤ C when it imports. A limit that binds is met by shedding (see balance.h):
// reducing a subtree's export or import by exactly the excess, which suffices because a subtree's
// net export can never exceed what its sources and exporting children supply, and every draw but
// a battery's float charge at its bottom edge (self-discharge: watts per MWh) can be shed.
// Every balance holds by construction, not by iteration; max_bus_imbalance_kw re-checks it from
// the outside, in a different summation order.
#include "kernel/balance.h"

#include <algorithm>
#include <cmath>

namespace zeropark {
namespace {

// Reduces the positive entries of values[indices] by `kw` in total (or as much as they hold),
// each by the same fraction. Returns what was taken.
double take_from_positive(const std::vector<int>& indices, std::vector<double>& values, double kw) {
  double total = 0;
  for (int i : indices) total += std::max(values[i], 0.0);
  if (total <= 0 || kw <= 0) return 0;
  const double taken = std::min(total, kw);
  const double keep = 1 - taken / total;
  for (int i : indices)
    if (values[i] > 0) values[i] *= keep;
  return taken;
}

// Raises the entries of values[indices] towards floors[i] (≤ 0) by `kw` in total, each by the
// same fraction of its margin above the floor. Returns what was taken.
double take_above_floor(const std::vector<int>& indices, std::vector<double>& values, const std::vector<double>& floors,
                        double kw) {
  double total = 0;
  for (int i : indices) total += std::max(floors[i] - values[i], 0.0);
  if (total <= 0 || kw <= 0) return 0;
  const double taken = std::min(total, kw);
  const double fraction = taken / total;
  for (int i : indices)
    if (floors[i] > values[i]) values[i] += (floors[i] - values[i]) * fraction;
  return taken;
}

}  // namespace

std::vector<ElectricBinding> electric_bindings(const ParkModel& model) {
  const auto buses_of = [](const auto& components) {
    std::vector<int> bus;
    for (const auto& c : components) bus.push_back(c.bus);
    return bus;
  };
  const auto critical_of = [](const auto& components) {
    std::vector<char> critical;
    for (const auto& c : components) critical.push_back(c.critical ? 1 : 0);
    return critical;
  };
  using O = OperatingPoint;
  return {
      {"pv", &O::pv_available_kw, &O::pv_kw, +1, false, buses_of(model.pv_arrays)},
      {"wind", &O::wind_available_kw, &O::wind_kw, +1, false, buses_of(model.wind_turbines)},
      {"battery", &O::battery_kw, &O::battery_kw, +1, true, buses_of(model.batteries)},
      {"pvt", &O::pvt_available_kw, &O::pvt_kw, +1, false, buses_of(model.pvt)},
      {"fuel_cell", &O::fuel_cell_available_kw, &O::fuel_cell_kw, +1, true, buses_of(model.fuel_cells)},
      {"electrolyser", &O::electrolyser_demand_kw, &O::electrolyser_kw, -1, true, buses_of(model.electrolysers),
       &O::electrolyser_floor_kw},
      {"ev", &O::ev_request_kw, &O::ev_kw, +1, true, buses_of(model.ev_chargers), &O::ev_floor_kw},
      {"load", &O::load_demand_kw, &O::load_kw, -1, false, buses_of(model.loads), nullptr, critical_of(model.loads)},
      {"data_centre", &O::data_centre_demand_kw, &O::data_centre_kw, -1, false, buses_of(model.data_centres), nullptr,
       critical_of(model.data_centres)},
      {"heat_pump", &O::heat_pump_electric_demand_kw, &O::heat_pump_electric_kw, -1, false, buses_of(model.heat_pumps)},
  };
}

PowerBalancer::PowerBalancer(const ParkModel& model)
    : model_(model),
      bindings_(electric_bindings(model)),
      flexible_at_(model.buses.size()),
      firm_at_(model.buses.size()),
      all_at_(model.buses.size()),
      floored_at_(model.buses.size()),
      critical_at_(model.buses.size()),
      battery_at_(model.buses.size()),
      out_kw_(model.buses.size(), 0.0) {
  int terminal = 0;
  for (const ElectricBinding& b : bindings_) {
    for (std::size_t i = 0; i < b.bus.size(); ++i) {
      const int bus = b.bus[i];
      const bool critical = i < b.critical.size() && b.critical[i];
      (critical ? critical_at_ : b.flexible ? flexible_at_ : firm_at_)[bus].push_back(terminal);
      all_at_[bus].push_back(terminal);
      if (b.floor) floored_at_[bus].push_back(terminal);
      if (b.kind == "battery") {
        battery_terminal_.push_back(terminal);
        battery_at_[bus].push_back(terminal);
      }
      ++terminal;
    }
  }
  kw_.assign(terminal, 0.0);
  draw_floor_.assign(terminal, 0.0);
  no_floor_.assign(terminal, 0.0);
}

double PowerBalancer::child_arrival_kw(int line) const {
  const LineModel& l = model_.lines[line];
  const double out = out_kw_[l.child_bus];
  return out >= 0 ? out * l.efficiency : out / l.efficiency;
}

double PowerBalancer::bus_net_kw(int bus) const {
  double net = 0;
  for (int t : all_at_[bus]) net += kw_[t];
  for (int l : model_.buses[bus].child_lines) net += child_arrival_kw(l);
  return net;
}

void PowerBalancer::shed_export(int bus, double kw) {
  kw -= take_from_positive(flexible_at_[bus], kw_, kw);
  kw -= take_from_positive(firm_at_[bus], kw_, kw);
  for (int l : model_.buses[bus].child_lines) {
    if (kw <= 0) break;
    const int child = model_.lines[l].child_bus;
    const double arrival = child_arrival_kw(l);
    if (arrival <= 0) continue;
    const double reduce = std::min(arrival, kw);
    shed_export(child, reduce / model_.lines[l].efficiency);
    out_kw_[child] = bus_net_kw(child);
    kw -= reduce;
  }
}

void PowerBalancer::shed_import(int bus, double kw) {
  for (ImportStage stage : {ImportStage::kOrdinary, ImportStage::kCritical, ImportStage::kFloat}) {
    if (kw <= 0) break;
    kw = shed_import_stage(bus, kw, stage);
  }
}

double PowerBalancer::shed_import_stage(int bus, double kw, ImportStage stage) {
  switch (stage) {
    case ImportStage::kOrdinary:
      kw -= take_above_floor(flexible_at_[bus], kw_, draw_floor_, kw);
      kw -= take_above_floor(firm_at_[bus], kw_, draw_floor_, kw);
      // Then cars that must charge and electrolysers feeding an empty tank give way too (the cars
      // leave short, the vehicles get less hydrogen).
      kw -= take_above_floor(floored_at_[bus], kw_, no_floor_, kw);
      break;
    case ImportStage::kCritical:
      kw -= take_above_floor(critical_at_[bus], kw_, no_floor_, kw);
      break;
    case ImportStage::kFloat:
      // A battery at its bottom edge goes without the float charge that holds it there: it rests
      // and self-discharges below its window (only an island with nothing left to feed it, or an
      // import limit of zero, gets here).
      kw -= take_above_floor(battery_at_[bus], kw_, no_floor_, kw);
      break;
  }
  for (int l : model_.buses[bus].child_lines) {
    if (kw <= 0) break;
    const int child = model_.lines[l].child_bus;
    const double supply = -child_arrival_kw(l);
    if (supply <= 0) continue;
    const double reduce = std::min(supply, kw);
    const double left = shed_import_stage(child, reduce * model_.lines[l].efficiency, stage);
    out_kw_[child] = bus_net_kw(child);
    kw -= reduce - left / model_.lines[l].efficiency;
  }
  return std::max(kw, 0.0);
}

void PowerBalancer::solve(OperatingPoint& op, const std::vector<double>& battery_must_draw_kw, bool grid_connected) {
  std::size_t t = 0;
  for (const ElectricBinding& b : bindings_) {
    const std::vector<double>& request = op.*b.request;
    for (std::size_t i = 0; i < b.bus.size(); ++i) {
      if (b.floor) draw_floor_[t] = (op.*b.floor)[i];
      kw_[t++] = request[i] * b.sign;
    }
  }
  for (std::size_t i = 0; i < battery_terminal_.size(); ++i)
    draw_floor_[battery_terminal_[i]] = battery_must_draw_kw[i];

  for (int bus : model_.buses_leaves_first) {
    const double net = bus_net_kw(bus);
    const int parent_line = model_.buses[bus].parent_line;
    double export_limit = grid_connected ? model_.grid.export_limit_kw : 0.0;
    double import_limit = grid_connected ? model_.grid.import_limit_kw : 0.0;
    if (parent_line >= 0) {
      const LineModel& line = model_.lines[parent_line];
      export_limit = line.capacity_kw;
      import_limit = line.capacity_kw * line.efficiency;  // the parent's end sends at most C
    }
    if (net > export_limit) shed_export(bus, net - export_limit);
    if (-net > import_limit) shed_import(bus, -net - import_limit);
    out_kw_[bus] = bus_net_kw(bus);
  }
  t = 0;
  for (const ElectricBinding& b : bindings_) {
    std::vector<double>& result = op.*b.result;
    for (std::size_t i = 0; i < b.bus.size(); ++i) result[i] = kw_[t++];
  }
  // An island exchanges nothing by definition: what the sums leave at its bus is rounding (ulps of
  // the bus's powers), as on every other bus, not an import.
  op.grid_kw = grid_connected ? -out_kw_[model_.grid.bus] : 0.0;
  for (int l = 0; l < static_cast<int>(model_.lines.size()); ++l) {
    const double out = out_kw_[model_.lines[l].child_bus];
    op.line_received_kw[l] = -out;
    op.line_sent_kw[l] = -child_arrival_kw(l);
  }
}

double max_bus_imbalance_kw(const ParkModel& model, const OperatingPoint& op) {
  std::vector<double> sum(model.buses.size(), 0.0);
  for (const ElectricBinding& b : electric_bindings(model))
    for (std::size_t i = 0; i < b.bus.size(); ++i) sum[b.bus[i]] += (op.*b.result)[i];
  for (std::size_t l = 0; l < model.lines.size(); ++l) {
    sum[model.lines[l].parent_bus] -= op.line_sent_kw[l];
    sum[model.lines[l].child_bus] += op.line_received_kw[l];
  }
  sum[model.grid.bus] += op.grid_kw;
  double worst = 0;
  for (double s : sum) worst = std::max(worst, std::abs(s));
  return worst;
}

double bus_power_scale_kw(const OperatingPoint& op) {
  double scale = std::abs(op.grid_kw);
  for (const auto* values : {&op.pv_kw, &op.wind_kw, &op.pvt_kw, &op.fuel_cell_kw, &op.electrolyser_kw, &op.battery_kw,
                             &op.ev_kw, &op.load_kw, &op.data_centre_kw, &op.heat_pump_electric_kw, &op.line_sent_kw})
    for (double v : *values) scale = std::max(scale, std::abs(v));
  return scale;
}

}  // namespace zeropark

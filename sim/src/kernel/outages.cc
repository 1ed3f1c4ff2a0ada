#include "kernel/outages.h"

#include <algorithm>

namespace zeropark {

OutageSchedule::OutageSchedule(const ParkModel& model) : model_(model), out_(model.outages.size(), 0) {}

Tick OutageSchedule::refresh(Tick tick, bool& changed) {
  Tick next = model_.end_tick;
  changed = false;
  any_out_ = grid_out_ = false;
  for (std::size_t p = 0; p < model_.outages.size(); ++p) {
    const std::vector<OutageWindow>& down = model_.outages[p].down;
    // The first window that ends after `tick`: either it holds `tick` or it is the next to come.
    const auto w = std::upper_bound(down.begin(), down.end(), tick,
                                    [](Tick t, const OutageWindow& window) { return t < window.end; });
    const bool out = w != down.end() && w->start <= tick;
    if (w != down.end()) next = std::min(next, out ? w->end : w->start);
    changed |= out != static_cast<bool>(out_[p]);
    out_[p] = out;
    any_out_ |= out;
    grid_out_ |= out && model_.outages[p].kind == VertexKind::kGrid;
  }
  return next;
}

bool OutageSchedule::out(VertexKind kind, int index) const {
  for (std::size_t p = 0; p < out_.size(); ++p)
    if (out_[p] && model_.outages[p].kind == kind && model_.outages[p].index == index) return true;
  return false;
}

void OutageSchedule::remove_supply(OperatingPoint& op) const {
  for (std::size_t p = 0; p < out_.size(); ++p) {
    if (!out_[p]) continue;
    const auto i = static_cast<std::size_t>(model_.outages[p].index);
    switch (model_.outages[p].kind) {
      case VertexKind::kPv:  // an inverter out: the array delivers nothing
        op.pv_available_kw[i] = 0;
        op.pv_clipped_dc_kw[i] = 0;
        break;
      case VertexKind::kWind:
        op.wind_available_kw[i] = 0;
        break;
      case VertexKind::kPvt:  // the collector loop and its inverter stop together
        op.pvt_available_kw[i] = 0;
        op.pvt_thermal_kw[i] = 0;
        break;
      case VertexKind::kHeatPump:
        op.heat_pump_max_kw[i] = 0;
        break;
      default:
        break;
    }
  }
}

void OutageSchedule::remove_requests(OperatingPoint& op) const {
  for (std::size_t p = 0; p < out_.size(); ++p) {
    if (!out_[p]) continue;
    const auto i = static_cast<std::size_t>(model_.outages[p].index);
    switch (model_.outages[p].kind) {
      case VertexKind::kBattery:
        op.battery_kw[i] = 0;
        break;
      case VertexKind::kEvCharger:  // the cars stay plugged in and get nothing, forced or not
        op.ev_request_kw[i] = 0;
        op.ev_floor_kw[i] = 0;
        break;
      case VertexKind::kElectrolyser:
        op.electrolyser_demand_kw[i] = 0;
        op.electrolyser_floor_kw[i] = 0;
        break;
      case VertexKind::kFuelCell:
        op.fuel_cell_available_kw[i] = 0;
        break;
      default:
        break;
    }
  }
}

}  // namespace zeropark

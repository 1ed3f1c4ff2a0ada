// Where a frame's numbers come from: a live ParkState, or a row of a recorded trace.
//
// The snapshot code and the series recorder read a park only through this interface, so a live
// run and a replayed trace are drawn by the same code from the same kind of readings.
#pragma once

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark::view {

// One vertex's reading: power into its bus (kW, + into the bus; kg/h for hydrogen vertices) and
// its state of charge when it stores something.
struct ComponentReading {
  double power = 0;
  const char* unit = "kW";
  double soc = -1;  // [0, 1]; -1 when it stores nothing
};

class ParkReadings {
 public:
  virtual ~ParkReadings() = default;
  virtual ComponentReading vertex(const TopologyVertex& vertex) const = 0;
  virtual double line_sent_kw(int line) const = 0;  // at the parent end, + towards the child
  virtual double grid_kw() const = 0;               // + import, − export
  virtual double price_cny_per_kwh() const = 0;
  virtual double carbon_kg_per_kwh() const = 0;
};

// The unit and whether it stores something, per vertex kind: the same for a live run and a trace.
const char* vertex_unit(VertexKind kind);

// A live park's readings: the powers of the segment last integrated and the stores now.
ComponentReading read_vertex(const ParkModel& model, const ParkState& state, const TopologyVertex& vertex);

class StateReadings final : public ParkReadings {
 public:
  StateReadings(const ParkModel& model, const ParkState& state) : model_(model), state_(state) {}
  ComponentReading vertex(const TopologyVertex& v) const override { return read_vertex(model_, state_, v); }
  double line_sent_kw(int line) const override;
  double grid_kw() const override { return state_.powers.grid_kw; }
  double price_cny_per_kwh() const override { return state_.powers.price_cny_per_kwh; }
  double carbon_kg_per_kwh() const override { return state_.powers.carbon_kg_per_kwh; }

 private:
  const ParkModel& model_;
  const ParkState& state_;
};

}  // namespace zeropark::view

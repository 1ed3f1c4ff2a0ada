// The HDF5 trace of a run: one file, readable by h5dump, h5py and pandas without ZeroPark.
//
// Layout (every dataset carries "unit" and "description" attributes):
//   /time/tick_s                 int64   segment start, seconds since the scenario start
//   /time/duration_s             float64 segment length; powers are constant within a segment
//   /components/<name>/<channel> float64 one value per segment (power_kw, soc, …); each group has
//                                the attributes kind and bus
//   /lines/<name>/sent_kw, received_kw
//   /kpis/<key>, /baseline_kpis/<key>   scalars
//   /tariff/<key>                the tariff's export price, demand and capacity charges (scalars)
//   /carbon_ledger/line, kind, area, co2_kg   one entry per ledger line
//   /scenario/yaml               the scenario text
//   root attributes: zeropark_version, scenario_name, seed, start_iso, end_iso, resolution_s,
//   events, sign_convention, complete (1 only once the run ended and the file was closed).
// The file is written as NAME.partial and renamed on success; a failed run leaves no NAME.
#pragma once

#include <filesystem>
#include <memory>

#include "zeropark/kpi.h"
#include "zeropark/trace.h"

namespace zeropark {

struct Hdf5TraceOptions {
  bool compress = false;  // shuffle + deflate(1): ~1.5× smaller, several times slower to write
};

class Hdf5TraceSink final : public TraceSink {
 public:
  Hdf5TraceSink(std::filesystem::path path, Hdf5TraceOptions options = {});
  ~Hdf5TraceSink() override;

  void on_run_start(const ParkModel& model, const ParkState& state) override;
  void on_event(const ParkModel& model, const ParkState& state, Tick duration_s) override;
  void on_run_end(const ParkModel& model, const ParkState& state) override;

  // Stores the KPI tables, closes the file and gives it its final name.
  void commit(const KpiTable& kpis, const KpiTable& baseline_kpis);
  std::uint64_t bytes_written() const;
  std::uint64_t rows() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zeropark

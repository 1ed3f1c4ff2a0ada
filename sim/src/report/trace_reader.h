// Reads a ZeroPark HDF5 trace (docs/trace.md) one channel at a time, with the HDF5 C API.
//
// A year at 1-minute resolution is ~526,000 rows × up to ~100 channels (~420 MB): the reader never
// loads the whole file, it hands out one channel as a vector when asked, so a caller keeps only
// what it needs. Opening checks what every reader relies on and refuses anything else with a
// TraceError whose message names the file and what is wrong: missing file, not HDF5, not a
// ZeroPark trace, incomplete (root attribute complete != 1), a required dataset missing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace zeropark::report {

struct TraceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A group under components/: its name and its `kind` and `bus` attributes ("" when absent).
struct TraceComponent {
  std::string name;
  std::string kind;
  std::string bus;
};

class TraceFile {
 public:
  // Opens read-only and checks: HDF5 signature, root attribute complete == 1, time/tick_s,
  // time/duration_s and components/ present, tick_s and duration_s of the same length, the start
  // time (time/tick_s attribute start_iso, else the root's) readable. Throws TraceError.
  explicit TraceFile(const std::filesystem::path& path);
  ~TraceFile();
  TraceFile(const TraceFile&) = delete;
  TraceFile& operator=(const TraceFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::size_t rows() const { return rows_; }
  // Start of the run as local civil time, ISO 8601 as written by the engine.
  const std::string& start_iso() const { return start_iso_; }

  // The components in the file's link order (alphabetical: HDF5 indexes links by name).
  const std::vector<TraceComponent>& components() const { return components_; }
  // Names under lines/ (empty when the park has no lines).
  std::vector<std::string> lines() const;
  // Names of the datasets under a group, e.g. "kpis"; empty when the group is missing.
  std::vector<std::string> dataset_names(const std::string& group) const;

  bool has_dataset(const std::string& path) const;
  // A float64 row channel, e.g. "components/pv_roof/power_kw". Throws TraceError when missing
  // or not of rows() values.
  std::vector<double> channel(const std::string& path) const;
  // time/tick_s.
  std::vector<std::int64_t> ticks_s() const;
  // A scalar float64 dataset ("kpis/co2_kg", "tariff/demand_window_s"); nullopt when missing.
  std::optional<double> scalar(const std::string& path) const;
  // A scalar's string attribute, e.g. the unit of kpis/co2_kg; "" when missing.
  std::string string_attribute(const std::string& object_path, const std::string& name) const;

 private:
  std::filesystem::path path_;
  std::int64_t file_ = -1;  // hid_t; this header does not include hdf5.h
  std::size_t rows_ = 0;
  std::string start_iso_;
  std::vector<TraceComponent> components_;
};

}  // namespace zeropark::report

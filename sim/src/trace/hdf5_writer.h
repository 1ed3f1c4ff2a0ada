// Low-level HDF5 trace writer: one row per simulation event, one file per run.
//
// The file is plain HDF5 that h5dump, h5py and pandas read with no ZeroPark code:
//   /                      root attributes (scenario name, seed, …) and "complete" (int64, 0 or 1)
//   /time/tick_s           int64[rows], attribute unit = "s": seconds since the scenario start
//   /<group>/<name>        float64[rows] per channel, attributes unit and description
//   /<path>                scalar float64 (KPIs) or scalar variable-length UTF-8 string (texts)
//   /<group>/<name>        1-D float64 or variable-length UTF-8 string columns of a small table
//                          written once (e.g. carbon_ledger/line, carbon_ledger/co2_kg)
// Every channel is its own 1-D dataset (no compound types), so `f["components/pv/power_kw"][:]`
// is a NumPy array and `pandas.DataFrame({name: f[path][:] ...})` just works. Strings are
// variable-length UTF-8, which h5py returns as str (attributes) or bytes (datasets) unaided.
//
// Crash safety: the writer writes to "<final>.partial" and renames it over <final> only in
// commit(), after root attribute "complete" became 1. A writer destroyed without commit() (an
// exception unwinding the run) deletes the partial file, so a failed run never leaves a file that
// looks complete. flush() pushes buffered rows and HDF5's caches to the OS, so a run killed
// later leaves a readable "<final>.partial" with complete = 0.
//
// Speed: rows are buffered column-wise in memory and written one chunk per channel at a time
// (never one H5Dwrite per row). Compression (shuffle + deflate) is off by default: on noisy
// float64 traces it saves only 1.2–1.6× and writes ≈ 15× slower (100 channels × 525,600 rows:
// ≈ 0.3 s plain, ≈ 5.4 s with deflate 1; DESIGN.md "Measured facts"). Use it, or `h5repack`,
// for archives.
//
// Misuse (wrong row width, a channel declared after the first row, ticks going back, a name
// that already exists) throws std::logic_error or its child std::invalid_argument before
// anything is written, and the writer stays usable.
//
// Every HDF5 failure becomes std::runtime_error naming the HDF5 call, the object, the file and
// HDF5's innermost reason (e.g. "No space left on device"); HDF5's own error-stack printing is
// silenced during the writer's calls. After such a failure the writer refuses further writes and
// commit(): the partial file is deleted when the writer is destroyed.
//
// Not thread-safe: one writer is used by one thread at a time. This header does not include
// hdf5.h, so users of the writer need no HDF5 include paths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace zeropark {

// How the trace datasets are laid out on disk.
struct Hdf5WriterOptions {
  bool compress = false;  // shuffle + deflate on every row dataset (ticks and channels)
  int deflate_level = 1;  // 1..9, used only when compress is true
  // Rows per chunk and per write (8192 float64 = 64 KiB). The row buffer holds
  // chunk_rows × (channels + 1) × 8 bytes: 6.6 MB for 100 channels.
  std::size_t chunk_rows = 8192;
};

class Hdf5TraceWriter {
 public:
  // Creates "<final_path>.partial" (truncating any leftover one) with /time/tick_s and root
  // attribute complete = 0. Throws std::invalid_argument for bad options and std::runtime_error
  // if the file cannot be created.
  explicit Hdf5TraceWriter(std::filesystem::path final_path, Hdf5WriterOptions options = {});

  // Closes the file; if commit() did not succeed, deletes the partial file. Never throws.
  ~Hdf5TraceWriter();

  Hdf5TraceWriter(const Hdf5TraceWriter&) = delete;
  Hdf5TraceWriter& operator=(const Hdf5TraceWriter&) = delete;
  // A moved-from writer may only be destroyed or assigned to. Move-assigning over a writer that
  // was not committed deletes its partial file first.
  Hdf5TraceWriter(Hdf5TraceWriter&&) noexcept;
  Hdf5TraceWriter& operator=(Hdf5TraceWriter&&) noexcept;

  // Declares a channel before the first row: creates the group (nested, e.g.
  // "components/pv_roof_a") and the extensible float64 dataset <group>/<name> with string
  // attributes "unit" and "description". Returns the channel's index into append_row's values.
  int add_channel(const std::string& group, const std::string& name, const std::string& unit,
                  const std::string& description);

  // Appends one event: tick_s goes to /time/tick_s, values[i] to channel i. values.size() must
  // equal the number of channels and ticks must not decrease. Buffers; writes whole chunks.
  void append_row(std::int64_t tick_s, std::span<const double> values);

  // Writes a scalar variable-length UTF-8 string dataset, e.g. "scenario/yaml".
  void write_text(const std::string& path, const std::string& text);

  // Writes a scalar float64 dataset with attributes unit and description, e.g.
  // "kpis/grid_import_kwh".
  void write_scalar(const std::string& path, double value, const std::string& unit,
                    const std::string& description);

  // Writes a 1-D float64 dataset of values.size() entries with attributes unit and description:
  // one column of a small table written once (not a per-row channel).
  void write_vector(const std::string& path, std::span<const double> values, const std::string& unit,
                    const std::string& description);

  // Writes a 1-D variable-length UTF-8 string dataset (each entry UTF-8 without NUL bytes) with
  // attributes unit and description; h5py reads its entries as bytes (`.asstr()` gives str).
  void write_strings(const std::string& path, std::span<const std::string> values, const std::string& unit,
                     const std::string& description);

  // Sets (or replaces) an attribute on the root group "/".
  void set_root_attribute(const std::string& name, const std::string& value);
  void set_root_attribute(const std::string& name, std::int64_t value);

  // Sets (or replaces) a string attribute on an existing group or dataset, e.g.
  // ("time/tick_s", "start_iso", "2024-01-01T00:00:00+08:00").
  void set_attribute(const std::string& object_path, const std::string& name,
                     const std::string& value);

  // Writes buffered rows and asks HDF5 to flush its caches to the OS, so that a run killed after
  // this point leaves a readable "<final>.partial" (complete = 0). Call it at intervals; it costs
  // one partial-chunk write per channel, rewritten when the chunk fills.
  void flush();

  // Writes buffered rows, sets root attribute complete = 1, closes the file and renames
  // "<final>.partial" to <final>, atomically replacing any older file there. Call once; every
  // writing call afterwards throws std::logic_error. If it throws, nothing was renamed and the
  // partial file is deleted when the writer is destroyed.
  void commit();

  // Rows appended so far (buffered or written).
  std::uint64_t rows() const;
  // Size of the final file in bytes after commit(); 0 before.
  std::uint64_t bytes_written() const;
  // Number of channels declared so far.
  std::size_t channel_count() const;
  // The file being written now: "<final>.partial" before commit(), <final> after.
  std::filesystem::path current_path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zeropark

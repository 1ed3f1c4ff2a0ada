// A sweep's results table, one row per variant (its index, parameters, status, error, wall time,
// KPIs and whether it is on the Pareto front), written as CSV and as HDF5 that h5py and pandas read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sweep_file.h"
#include "sweep_records.h"

namespace zeropark::cli {

struct SweepTable {
  std::vector<std::string> kpi_columns;     // the sweep's outputs, or every KPI the runs reported
  std::optional<std::vector<bool>> pareto;  // with the sweep's pareto objectives
};

// Warns on stderr about an output KPI that no ok variant reports.
SweepTable make_sweep_table(const SweepFile& sweep, const std::vector<VariantRecord>& records);

// Both write to a temporary name and rename, so a reader never sees half a table. False on failure.
bool write_results_csv(const std::filesystem::path& path, const SweepFile& sweep,
                       const std::vector<VariantRecord>& records, const SweepTable& table);
bool write_results_hdf5(const std::filesystem::path& path, const SweepFile& sweep,
                        const std::vector<VariantRecord>& records, const SweepTable& table);

// The value of `key` in a record, if it has one.
std::optional<double> record_kpi(const VariantRecord& record, const std::string& key);

}  // namespace zeropark::cli

// A sweep file: one scenario, the parameters to vary and the values each takes. The variants are
// the full grid of those values, or a Latin-hypercube or Sobol' sample of them; each one is the
// scenario's YAML with the parameters set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sweep_sampling.h"

namespace zeropark::cli {

enum class SamplingMethod { kGrid, kLatinHypercube, kSobol };

struct SweepParameter {
  std::string key;                  // a path into the scenario: "batteries[0].capacity_kwh"
  std::vector<std::string> values;  // YAML scalars, as they will be written into the scenario
  // A range without a step (sampled sweeps only): any value from `from` to `to`; `values` is empty.
  bool continuous = false;
  double from = 0, to = 0;
  int line = 0;  // of the parameter in the sweep file, for errors
};

// An objective of the Pareto front: a KPI to minimise, or to maximise when written "-key".
struct ParetoObjective {
  std::string kpi;
  bool maximise = false;
};

struct SweepFile {
  std::filesystem::path file;
  std::filesystem::path scenario;     // resolved against the sweep file's folder
  std::optional<std::uint64_t> seed;  // the same for every variant (common random numbers)
  std::vector<std::string> outputs;   // KPI keys to keep; empty keeps them all
  std::vector<SweepParameter> parameters;
  SamplingMethod sampling = SamplingMethod::kGrid;
  std::size_t samples = 0;                     // sampled sweeps: the number of variants
  std::optional<std::uint64_t> sampling_seed;  // Latin hypercube: required; Sobol': a digital shift
  UnitSamples unit_samples;                    // sampled sweeps: [variant][parameter] in [0, 1)
  // Common random numbers (the default): every variant draws the same EV sessions, forecast noise
  // and outages. Independent: variant i's seed is mixed from the base seed and i.
  bool independent_random_numbers = false;
  std::vector<ParetoObjective> pareto;  // empty, or the two objectives of the front
  bool traces = false;                  // each variant also writes its HDF5 trace
};

// Throws InputError naming the sweep file, the line and the field.
SweepFile read_sweep_file(const std::filesystem::path& path);
SweepFile read_sweep_text(const std::string& text, const std::filesystem::path& file_for_errors);

// The number of variants: the product of the parameters' value counts, or the sample's size.
std::size_t variant_count(const SweepFile& sweep);

// Variant `index`'s value of each parameter. In a grid the first parameter varies slowest and the
// last fastest; in a sample, variant i is sample point i. Neither depends on how many variants run
// at once.
std::vector<std::string> variant_values(const SweepFile& sweep, std::size_t index);

// Checks that every parameter's key names an existing value in the scenario's YAML; throws
// InputError at the parameter's line in the sweep file otherwise.
void check_parameter_keys(const SweepFile& sweep, const std::string& scenario_text);

// The seed variant `index` runs with under independent random numbers: a mix of the base seed
// (the sweep's, else the scenario's) and the index, below 2^53 so the scenario's reader takes it.
std::uint64_t independent_seed(std::uint64_t base_seed, std::size_t index);

// The scenario's YAML text with each parameter set to its value in `values`.
std::string variant_scenario_text(const SweepFile& sweep, const std::string& scenario_text,
                                  const std::vector<std::string>& values);

}  // namespace zeropark::cli

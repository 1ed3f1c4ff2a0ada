// A sweep file: one scenario, the parameters to vary and the values each takes. The variants are
// the full grid of those values; each one is the scenario's YAML with the parameters set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zeropark::cli {

struct SweepParameter {
  std::string key;                  // a path into the scenario: "batteries[0].capacity_kwh"
  std::vector<std::string> values;  // YAML scalars, as they will be written into the scenario
  int line = 0;                     // of the parameter in the sweep file, for errors
};

struct SweepFile {
  std::filesystem::path file;
  std::filesystem::path scenario;     // resolved against the sweep file's folder
  std::optional<std::uint64_t> seed;  // the same for every variant (common random numbers)
  std::vector<std::string> outputs;   // KPI keys to keep; empty keeps them all
  std::vector<SweepParameter> parameters;
};

// Throws InputError naming the sweep file, the line and the field.
SweepFile read_sweep_file(const std::filesystem::path& path);
SweepFile read_sweep_text(const std::string& text, const std::filesystem::path& file_for_errors);

// The number of variants: the product of the parameters' value counts.
std::size_t variant_count(const SweepFile& sweep);

// Variant `index`'s value of each parameter. The first parameter varies slowest and the last
// fastest, so the order does not depend on how many variants run at once.
std::vector<std::string> variant_values(const SweepFile& sweep, std::size_t index);

// Checks that every parameter's key names an existing value in the scenario's YAML; throws
// InputError at the parameter's line in the sweep file otherwise.
void check_parameter_keys(const SweepFile& sweep, const std::string& scenario_text);

// The scenario's YAML text with each parameter set to its value in `values`.
std::string variant_scenario_text(const SweepFile& sweep, const std::string& scenario_text,
                                  const std::vector<std::string>& values);

}  // namespace zeropark::cli

#include "sweep_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "zeropark/error.h"

namespace zeropark::cli {
namespace {

// A grid this large would take years to run: it is a typo (a step of 0.001 for 1).
constexpr double kMaxValuesPerParameter = 1e6;

[[noreturn]] void fail(const std::string& file, const YAML::Node& node, const std::string& field,
                       const std::string& message) {
  const YAML::Mark mark = node.Mark();
  throw InputError({file, mark.line + 1, mark.column + 1}, field, message);
}

void refuse_unknown_keys(const std::string& file, const YAML::Node& map, const std::set<std::string>& known,
                         const std::string& prefix) {
  for (const auto& entry : map) {
    const std::string key = entry.first.Scalar();
    if (known.count(key) == 0) {
      std::string allowed;
      for (const std::string& k : known) allowed += (allowed.empty() ? "" : ", ") + k;
      fail(file, entry.first, prefix + key, "unknown key (expected one of: " + allowed + ")");
    }
  }
}

double number_at(const std::string& file, const YAML::Node& node, const std::string& field) {
  if (!node) fail(file, node, field, "missing");
  try {
    return node.as<double>();
  } catch (const YAML::BadConversion&) {
    fail(file, node, field,
         "expects a number, got '" + (node.IsScalar() ? node.Scalar() : std::string("a list or map")) + "'");
  }
}

// 12 significant digits hide the binary rounding of from + k × step (0.30000000000000004) and
// still tell apart any values a sweep could sensibly ask for.
std::string format_range_value(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.12g", value);
  return text;
}

// A grid's range needs a step; a sampled sweep's range without one is continuous (`parameter`
// keeps its bounds and no values).
void read_range(const std::string& file, const YAML::Node& range, const std::string& field, bool sampled,
                SweepParameter& parameter) {
  if (!range.IsMap()) fail(file, range, field, "expects a map {from: A, to: B, step: S}");
  refuse_unknown_keys(file, range, {"from", "to", "step"}, field + ".");
  const double from = number_at(file, range["from"], field + ".from");
  const double to = number_at(file, range["to"], field + ".to");
  if (!range["step"] && sampled) {
    if (!(to > from)) fail(file, range["to"], field + ".to", "must be > from");
    parameter.continuous = true;
    parameter.from = from;
    parameter.to = to;
    return;
  }
  if (!range["step"])
    fail(file, range, field + ".step", "missing (a grid needs a step; sampled sweeps may leave it out)");
  const double step = number_at(file, range["step"], field + ".step");
  if (!(step > 0)) fail(file, range["step"], field + ".step", "must be > 0");
  if (!(to >= from)) fail(file, range["to"], field + ".to", "must be >= from");
  // The tolerance lets 0.1-steps reach their end despite binary rounding.
  const double count = std::floor((to - from) / step + 1e-9) + 1;
  if (count > kMaxValuesPerParameter)
    fail(file, range["step"], field + ".step",
         "gives " + format_range_value(count) + " values, more than a sweep can run");
  for (std::size_t k = 0; k < static_cast<std::size_t>(count); ++k)
    parameter.values.push_back(format_range_value(from + static_cast<double>(k) * step));
}

SweepParameter read_parameter(const std::string& file, const YAML::Node& node, const std::string& field, bool sampled) {
  if (!node.IsMap()) fail(file, node, field, "expects a map {key: PATH, values: [...]} or {key: PATH, range: {...}}");
  refuse_unknown_keys(file, node, {"key", "values", "range"}, field + ".");
  SweepParameter parameter;
  parameter.line = node.Mark().line + 1;
  const YAML::Node key = node["key"];
  if (!key || !key.IsScalar() || key.Scalar().empty())
    fail(file, node, field + ".key", "missing (a path into the scenario)");
  parameter.key = key.Scalar();
  const YAML::Node values = node["values"];
  const YAML::Node range = node["range"];
  if (values && range) fail(file, range, field + ".range", "give either values or range, not both");
  if (range) {
    read_range(file, range, field + ".range", sampled, parameter);
  } else if (values) {
    if (!values.IsSequence()) fail(file, values, field + ".values", "expects a list");
    if (values.size() == 0) fail(file, values, field + ".values", "is empty: give at least one value");
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!values[i].IsScalar())
        fail(file, values[i], field + ".values[" + std::to_string(i) + "]",
             "expects a single value, not a list or map");
      parameter.values.push_back(values[i].Scalar());
    }
  } else {
    fail(file, node, field, "needs values: [...] or range: {from, to, step}");
  }
  return parameter;
}

// One step of a key's path: a map key, or a list index.
struct PathStep {
  std::string name;
  std::size_t index = 0;
  bool is_index = false;
};

// "batteries[0].capacity_kwh" → batteries, [0], capacity_kwh. Empty when the syntax is bad.
std::vector<PathStep> parse_path(const std::string& key) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  while (i < key.size()) {
    if (key[i] == '[') {
      const std::size_t close = key.find(']', i);
      if (close == std::string::npos || close == i + 1) return {};
      PathStep step;
      step.is_index = true;
      for (std::size_t k = i + 1; k < close; ++k) {
        if (key[k] < '0' || key[k] > '9') return {};
        step.index = step.index * 10 + static_cast<std::size_t>(key[k] - '0');
      }
      steps.push_back(step);
      i = close + 1;
      if (i < key.size() && key[i] == '.') {
        ++i;
        if (i == key.size()) return {};
      }
    } else {
      const std::size_t end = key.find_first_of(".[", i);
      PathStep step;
      step.name = key.substr(i, end == std::string::npos ? std::string::npos : end - i);
      if (step.name.empty()) return {};
      steps.push_back(step);
      i = end == std::string::npos ? key.size() : end;
      if (i < key.size() && key[i] == '.') {
        ++i;
        if (i == key.size()) return {};
      }
    }
  }
  return steps;
}

// The scenario node `key` names (bound to `root`, so assigning to it edits the document); when
// there is none, `why_not` says why (a default YAML::Node is not falsy, hence the out-parameter).
YAML::Node find_value(YAML::Node root, const std::string& key, std::string& why_not) {
  const std::vector<PathStep> steps = parse_path(key);
  if (steps.empty()) {
    why_not = "is not a path like 'batteries[0].capacity_kwh'";
    return YAML::Node();
  }
  YAML::Node node;
  node.reset(root);
  std::string walked;
  for (const PathStep& step : steps) {
    if (step.is_index) {
      if (!node.IsSequence()) {
        why_not = "'" + walked + "' is not a list in the scenario";
        return YAML::Node();
      }
      if (step.index >= node.size()) {
        why_not = "'" + walked + "' has " + std::to_string(node.size()) + " items in the scenario, no [" +
                  std::to_string(step.index) + "]";
        return YAML::Node();
      }
      YAML::Node next = node[step.index];
      node.reset(next);
      walked += "[" + std::to_string(step.index) + "]";
    } else {
      const std::string here = walked.empty() ? step.name : walked + "." + step.name;
      const YAML::Node& as_const = node;
      if (!node.IsMap() || !as_const[step.name]) {
        why_not = "'" + here + "' is not in the scenario (a swept key must be set there first)";
        return YAML::Node();
      }
      YAML::Node next = node[step.name];
      node.reset(next);
      walked = here;
    }
  }
  if (!node.IsScalar()) {
    why_not = "'" + key + "' is a list or map in the scenario, not a single value";
    return YAML::Node();
  }
  return node;
}

YAML::Node load_scenario(const std::string& scenario_text) {
  // The scenario's own errors are reported when it is read; here it only needs to be YAML.
  return YAML::Load(scenario_text);
}

std::uint64_t whole_number_at(const std::string& file, const YAML::Node& node, const std::string& field) {
  std::uint64_t value = 0;
  try {
    value = node.as<std::uint64_t>();
  } catch (const YAML::BadConversion&) {
    fail(file, node, field, "expects a whole number >= 0, got '" + (node.IsScalar() ? node.Scalar() : "") + "'");
  }
  // Seeds travel through the scenario's number type, exact up to 2^53.
  if (value > (std::uint64_t{1} << 53)) fail(file, node, field, "must be at most 2^53 = 9007199254740992");
  return value;
}

void read_sampling(const std::string& file, const YAML::Node& node, SweepFile& sweep) {
  if (!node.IsMap()) fail(file, node, "sampling", "expects a map {method: latin_hypercube, samples: N, seed: S}");
  refuse_unknown_keys(file, node, {"method", "samples", "seed"}, "sampling.");
  const YAML::Node method = node["method"];
  const std::string name = method && method.IsScalar() ? method.Scalar() : "";
  if (name == "grid")
    sweep.sampling = SamplingMethod::kGrid;
  else if (name == "latin_hypercube")
    sweep.sampling = SamplingMethod::kLatinHypercube;
  else if (name == "sobol")
    sweep.sampling = SamplingMethod::kSobol;
  else
    fail(file, method ? method : node, "sampling.method",
         (name.empty() ? std::string("missing") : "unknown method '" + name + "'") +
             " (expected grid, latin_hypercube or sobol)");
  if (sweep.sampling == SamplingMethod::kGrid) {
    if (node["samples"] || node["seed"])
      fail(file, node, "sampling", "a grid runs every combination: samples and seed are for sampled methods");
    return;
  }
  const YAML::Node samples = node["samples"];
  if (!samples) fail(file, node, "sampling.samples", "missing (how many variants to draw)");
  sweep.samples = whole_number_at(file, samples, "sampling.samples");
  if (sweep.samples == 0 || sweep.samples > kMaxValuesPerParameter)
    fail(file, samples, "sampling.samples", "must be from 1 to 1000000");
  if (const YAML::Node seed = node["seed"]) sweep.sampling_seed = whole_number_at(file, seed, "sampling.seed");
  if (sweep.sampling == SamplingMethod::kLatinHypercube && !sweep.sampling_seed)
    fail(file, node, "sampling.seed", "missing (a Latin hypercube is drawn at random: give its seed)");
}

void read_pareto(const std::string& file, const YAML::Node& node, SweepFile& sweep) {
  if (!node.IsSequence() || node.size() != 2)
    fail(file, node, "pareto", "expects two KPI keys, e.g. [net_cost_cny, co2_kg] (\"-key\" to maximise)");
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string field = "pareto[" + std::to_string(i) + "]";
    if (!node[i].IsScalar() || node[i].Scalar().empty() || node[i].Scalar() == "-")
      fail(file, node[i], field, "expects a KPI key such as co2_kg");
    const std::string& text = node[i].Scalar();
    ParetoObjective objective;
    objective.maximise = text[0] == '-';
    objective.kpi = objective.maximise ? text.substr(1) : text;
    sweep.pareto.push_back(objective);
  }
  if (sweep.pareto[0].kpi == sweep.pareto[1].kpi) fail(file, node, "pareto", "needs two different KPIs");
}

}  // namespace

SweepFile read_sweep_text(const std::string& text, const std::filesystem::path& file_for_errors) {
  const std::string file = file_for_errors.string();
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError({file, e.mark.line + 1, e.mark.column + 1}, "", "YAML syntax: " + e.msg);
  }
  if (!root.IsMap()) throw InputError({file, 1, 1}, "", "a sweep file is a map with scenario: and parameters:");
  refuse_unknown_keys(
      file, root, {"scenario", "seed", "outputs", "parameters", "sampling", "random_numbers", "pareto", "traces"}, "");
  SweepFile sweep;
  sweep.file = file_for_errors;
  const YAML::Node scenario = root["scenario"];
  if (!scenario || !scenario.IsScalar() || scenario.Scalar().empty())
    throw InputError({file, 1, 1}, "scenario", "missing (the scenario file to sweep, relative to this file)");
  const std::filesystem::path scenario_path(scenario.Scalar());
  const std::filesystem::path folder = file_for_errors.has_parent_path() ? file_for_errors.parent_path() : ".";
  sweep.scenario = scenario_path.is_absolute() ? scenario_path : (folder / scenario_path).lexically_normal();
  if (const YAML::Node seed = root["seed"]) sweep.seed = whole_number_at(file, seed, "seed");
  if (const YAML::Node sampling = root["sampling"]) read_sampling(file, sampling, sweep);
  if (const YAML::Node random = root["random_numbers"]) {
    const std::string choice = random.IsScalar() ? random.Scalar() : "";
    if (choice != "common" && choice != "independent")
      fail(file, random, "random_numbers", "expects common (every variant draws the same) or independent");
    sweep.independent_random_numbers = choice == "independent";
  }
  if (const YAML::Node pareto = root["pareto"]) read_pareto(file, pareto, sweep);
  if (const YAML::Node traces = root["traces"]) {
    const std::string choice = traces.IsScalar() ? traces.Scalar() : "";
    if (choice != "true" && choice != "false")
      fail(file, traces, "traces", "expects true (each variant writes its trace) or false");
    sweep.traces = choice == "true";
  }
  if (const YAML::Node outputs = root["outputs"]) {
    if (!outputs.IsSequence() || outputs.size() == 0)
      fail(file, outputs, "outputs", "expects a non-empty list of KPI keys");
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (!outputs[i].IsScalar() || outputs[i].Scalar().empty())
        fail(file, outputs[i], "outputs[" + std::to_string(i) + "]", "expects a KPI key such as co2_kg");
      sweep.outputs.push_back(outputs[i].Scalar());
    }
  }
  const YAML::Node parameters = root["parameters"];
  if (!parameters) throw InputError({file, 1, 1}, "parameters", "missing (the list of parameters to vary)");
  if (!parameters.IsSequence() || parameters.size() == 0)
    fail(file, parameters, "parameters", "expects a non-empty list of {key, values} or {key, range}");
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const std::string field = "parameters[" + std::to_string(i) + "]";
    SweepParameter parameter = read_parameter(file, parameters[i], field, sweep.sampling != SamplingMethod::kGrid);
    for (const SweepParameter& earlier : sweep.parameters)
      if (earlier.key == parameter.key)
        fail(file, parameters[i]["key"], field + ".key",
             "'" + parameter.key + "' is already swept at line " + std::to_string(earlier.line));
    sweep.parameters.push_back(std::move(parameter));
  }
  if (sweep.sampling == SamplingMethod::kGrid) {
    double count = 1;
    for (const SweepParameter& p : sweep.parameters) count *= static_cast<double>(p.values.size());
    if (count > kMaxValuesPerParameter)
      fail(file, parameters, "parameters",
           "the grid has " + format_range_value(count) + " variants, more than a sweep can run");
  } else if (sweep.sampling == SamplingMethod::kLatinHypercube) {
    sweep.unit_samples = latin_hypercube(sweep.samples, sweep.parameters.size(), *sweep.sampling_seed);
  } else {
    if (sweep.parameters.size() > kSobolMaxDimensions)
      fail(file, parameters, "parameters",
           "a Sobol' sample takes at most " + std::to_string(kSobolMaxDimensions) + " parameters");
    sweep.unit_samples =
        sobol(sweep.samples, sweep.parameters.size(), sweep.sampling_seed ? &*sweep.sampling_seed : nullptr);
  }
  return sweep;
}

SweepFile read_sweep_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string(), 0, 0}, "", "cannot open sweep file");
  std::ostringstream text;
  text << in.rdbuf();
  return read_sweep_text(text.str(), path);
}

std::size_t variant_count(const SweepFile& sweep) {
  if (sweep.sampling != SamplingMethod::kGrid) return sweep.samples;
  std::size_t count = 1;
  for (const SweepParameter& p : sweep.parameters) count *= p.values.size();
  return count;
}

std::vector<std::string> variant_values(const SweepFile& sweep, std::size_t index) {
  std::vector<std::string> values(sweep.parameters.size());
  if (sweep.sampling != SamplingMethod::kGrid) {
    // A point's coordinate u picks a continuous value from + u (to - from), or the listed value
    // whose equal share of [0, 1) holds u, so that each value keeps its share of the strata.
    for (std::size_t i = 0; i < values.size(); ++i) {
      const SweepParameter& p = sweep.parameters[i];
      const double u = sweep.unit_samples[index][i];
      if (p.continuous) {
        values[i] = format_range_value(p.from + u * (p.to - p.from));
      } else {
        const auto k = static_cast<std::size_t>(u * static_cast<double>(p.values.size()));
        values[i] = p.values[std::min(k, p.values.size() - 1)];
      }
    }
    return values;
  }
  for (std::size_t i = sweep.parameters.size(); i-- > 0;) {
    const std::vector<std::string>& choices = sweep.parameters[i].values;
    values[i] = choices[index % choices.size()];
    index /= choices.size();
  }
  return values;
}

void check_parameter_keys(const SweepFile& sweep, const std::string& scenario_text) {
  YAML::Node root = load_scenario(scenario_text);
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    const SweepParameter& p = sweep.parameters[i];
    std::string why_not;
    find_value(root, p.key, why_not);
    if (!why_not.empty())
      throw InputError({sweep.file.string(), p.line, 0}, "parameters[" + std::to_string(i) + "].key",
                       why_not + " (scenario " + sweep.scenario.string() + ")");
  }
}

std::uint64_t independent_seed(std::uint64_t base_seed, std::size_t index) {
  SampleStream stream(base_seed ^ (0x9e3779b97f4a7c15ull * (static_cast<std::uint64_t>(index) + 1)));
  return stream.next() >> 11;  // 53 bits
}

std::string variant_scenario_text(const SweepFile& sweep, const std::string& scenario_text,
                                  const std::vector<std::string>& values) {
  YAML::Node root = load_scenario(scenario_text);
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    std::string why_not;
    YAML::Node node = find_value(root, sweep.parameters[i].key, why_not);
    if (!why_not.empty())
      throw InputError({sweep.file.string(), sweep.parameters[i].line, 0}, "parameters[" + std::to_string(i) + "].key",
                       why_not);
    node = values[i];
  }
  YAML::Emitter out;
  out << root;
  return std::string(out.c_str()) + "\n";
}

}  // namespace zeropark::cli

// The sweep file as a JSON Schema (draft-07). Its reader (sim/apps/zeropark/sweep_file.cc) checks
// keys by hand rather than through parameter tables, so this schema is written out to match it; a
// test validates every shipped and test sweep file against it and refuses what the reader refuses.
#include "spec/json_schema.h"
#include "zeropark/spec.h"

namespace zeropark {
namespace {

// whole_number_at(): a whole number >= 0, at most 2^53 (seeds travel through the scenario's numbers).
JsonNode whole_number(std::string_view description) {
  JsonNode node = schema_of_type("integer", description);
  node.set("minimum", JsonNode::number(0));
  node.set("maximum", JsonNode::number(9007199254740992.0));
  return node;
}

JsonNode one_of(std::string_view description, std::initializer_list<std::string_view> choices) {
  JsonNode node = schema_of_type("string", description);
  JsonNode& list = node.set("enum", JsonNode::array());
  for (std::string_view c : choices) list.push(JsonNode::string(c));
  return node;
}

void require(JsonNode& object, std::initializer_list<std::string_view> keys) {
  JsonNode& required = object.set("required", JsonNode::array());
  for (std::string_view k : keys) required.push(JsonNode::string(k));
}

// read_parameter() and read_range(). The reader refuses `values` and `range` together and needs one
// of them; the schema only lists both, to stay within the keywords editors complete from.
JsonNode parameter() {
  JsonNode range =
      closed_object("From, to and (on a grid) the step; without a step a sampled sweep draws continuously.");
  JsonNode& bounds = *range.find("properties");
  bounds.set("from", schema_of_type("number", "First value."));
  bounds.set("to", schema_of_type("number", "Last value (reached when a whole number of steps)."));
  JsonNode step = schema_of_type("number", "Distance between values; needed on a grid.");
  step.set("exclusiveMinimum", JsonNode::number(0));
  bounds.set("step", std::move(step));
  require(range, {"from", "to"});

  JsonNode values = schema_of_type("array", "The values to try, written as in the scenario.");
  values.set("minItems", JsonNode::number(1));
  JsonNode value = JsonNode::object();
  JsonNode& types = value.set("type", JsonNode::array());
  for (const char* t : {"string", "number", "boolean"}) types.push(JsonNode::string(t));
  values.set("items", std::move(value));

  JsonNode item = closed_object("One parameter: its key and either values or a range.");
  JsonNode& properties = *item.find("properties");
  properties.set("key",
                 schema_of_name("Path into the scenario, e.g. batteries[0].capacity_kwh or simulation.controller."));
  properties.set("values", std::move(values));
  properties.set("range", std::move(range));
  require(item, {"key"});
  return item;
}

}  // namespace

std::string sweep_json_schema() {
  JsonNode root = JsonNode::object();
  root.set("$schema", JsonNode::string("http://json-schema.org/draft-07/schema#"));
  root.set("title", JsonNode::string("ZeroPark sweep"));
  root.set("description", JsonNode::string("A sweep: variants of one scenario, a grid or a sample of its parameters."));
  root.set("type", JsonNode::string("object"));
  root.set("additionalProperties", JsonNode::boolean(false));
  JsonNode& p = root.set("properties", JsonNode::object());
  p.set("scenario", schema_of_name("The scenario file to sweep, relative to this file."));
  p.set("seed", whole_number("Seed of every variant (replaces the scenario's)."));
  p.set("outputs", schema_of_names("KPI keys written for each variant, e.g. co2_kg."));
  JsonNode parameters = schema_of_type("array", "The parameters to vary.");
  parameters.set("minItems", JsonNode::number(1));
  parameters.set("items", parameter());
  p.set("parameters", std::move(parameters));

  JsonNode sampling = closed_object("How variants are chosen: every combination (grid) or a sample.");
  JsonNode& method = *sampling.find("properties");
  method.set("method", one_of("grid: every combination; latin_hypercube and sobol: `samples` draws.",
                              {"grid", "latin_hypercube", "sobol"}));
  JsonNode samples = schema_of_type("integer", "How many variants to draw (sampled methods only).");
  samples.set("minimum", JsonNode::number(1));
  samples.set("maximum", JsonNode::number(1000000));
  method.set("samples", std::move(samples));
  method.set("seed", whole_number("Seed of the sample (required for latin_hypercube, optional scrambling for sobol)."));
  require(sampling, {"method"});
  p.set("sampling", std::move(sampling));

  p.set("random_numbers", one_of("common: every variant draws the same random numbers; independent: each its own.",
                                 {"common", "independent"}));
  JsonNode pareto = schema_of_type("array", "Two different KPI keys whose Pareto front is reported; -key maximises.");
  pareto.set("minItems", JsonNode::number(2));
  pareto.set("maxItems", JsonNode::number(2));
  pareto.set("items", schema_of_name(""));
  p.set("pareto", std::move(pareto));
  p.set("traces", schema_of_type("boolean", "Whether each variant writes its trace."));
  require(root, {"scenario", "parameters"});
  return root.dump();
}

}  // namespace zeropark

// A validator of YAML documents against the subset of JSON Schema draft-07 that the generated
// schemas use (type, properties, additionalProperties, required, items, enum, bounds, sizes), so
// tests can hold a schema and its reader to the same verdicts without a validator library.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace zeropark::testing {

using nlohmann::json;

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// How a YAML 1.2 language server types a scalar (the core schema); quoted scalars are strings.
inline std::string yaml_type(const YAML::Node& node) {
  if (node.IsMap()) return "object";
  if (node.IsSequence()) return "array";
  if (node.IsNull()) return "null";
  if (node.Tag() == "!") return "string";
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF))");
  static const std::regex boolean("true|True|TRUE|false|False|FALSE");
  const std::string& text = node.Scalar();
  if (std::regex_match(text, boolean)) return "boolean";
  if (std::regex_match(text, number)) {
    const double value = node.as<double>();
    return std::isfinite(value) && value == std::floor(value) ? "integer" : "number";
  }
  return "string";
}

inline bool type_matches(const std::string& actual, const std::string& wanted) {
  return actual == wanted || (wanted == "number" && actual == "integer");
}

// The keywords the generator may use; the validator understands exactly these.
inline const std::set<std::string> kSchemaKeywords = {"$schema",
                                                      "title",
                                                      "description",
                                                      "default",
                                                      "type",
                                                      "properties",
                                                      "additionalProperties",
                                                      "required",
                                                      "items",
                                                      "enum",
                                                      "minimum",
                                                      "exclusiveMinimum",
                                                      "maximum",
                                                      "minItems",
                                                      "maxItems",
                                                      "minLength"};

inline void validate(const YAML::Node& node, const json& schema, const std::string& path,
                     std::vector<std::string>& errors) {
  const std::string actual = yaml_type(node);
  if (schema.contains("type")) {
    bool ok = false;
    if (schema["type"].is_string()) ok = type_matches(actual, schema["type"].get<std::string>());
    if (schema["type"].is_array())
      for (const json& t : schema["type"]) ok = ok || type_matches(actual, t.get<std::string>());
    if (!ok) {
      errors.push_back(path + ": is " + actual + ", expected " + schema["type"].dump());
      return;
    }
  }
  if (schema.contains("enum")) {
    bool ok = false;
    for (const json& e : schema["enum"]) ok = ok || (node.IsScalar() && e == node.Scalar());
    if (!ok) errors.push_back(path + ": not one of " + schema["enum"].dump());
  }
  if (actual == "number" || actual == "integer") {
    const double value = node.as<double>();
    if (schema.contains("minimum") && value < schema["minimum"].get<double>())
      errors.push_back(path + ": below minimum");
    if (schema.contains("exclusiveMinimum") && value <= schema["exclusiveMinimum"].get<double>())
      errors.push_back(path + ": not above exclusiveMinimum");
    if (schema.contains("maximum") && value > schema["maximum"].get<double>())
      errors.push_back(path + ": above maximum");
  }
  if (actual == "string" && schema.contains("minLength") &&
      node.Scalar().size() < schema["minLength"].get<std::size_t>())
    errors.push_back(path + ": too short");
  if (actual == "array") {
    if (schema.contains("minItems") && node.size() < schema["minItems"].get<std::size_t>())
      errors.push_back(path + ": too few items");
    if (schema.contains("maxItems") && node.size() > schema["maxItems"].get<std::size_t>())
      errors.push_back(path + ": too many items");
    if (schema.contains("items"))
      for (std::size_t i = 0; i < node.size(); ++i)
        validate(node[i], schema["items"], path + "[" + std::to_string(i) + "]", errors);
  }
  if (actual == "object") {
    for (const json& key : schema.value("required", json::array()))
      if (!node[key.get<std::string>()]) errors.push_back(path + ": missing " + key.get<std::string>());
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      const std::string at = path + "." + key;
      if (schema.contains("properties") && schema["properties"].contains(key)) {
        validate(entry.second, schema["properties"][key], at, errors);
      } else if (schema.contains("additionalProperties")) {
        const json& extra = schema["additionalProperties"];
        if (extra.is_boolean() && !extra.get<bool>())
          errors.push_back(at + ": unknown key");
        else if (extra.is_object())
          validate(entry.second, extra, at, errors);
      }
    }
  }
}

// Every keyword of every subschema, to hold the generator to what the validator understands.
inline void collect_keywords(const json& schema, std::set<std::string>& keywords) {
  for (const auto& [key, value] : schema.items()) {
    keywords.insert(key);
    if (key == "properties")
      for (const auto& [name, sub] : value.items()) collect_keywords(sub, keywords);
    if ((key == "items" || key == "additionalProperties") && value.is_object()) collect_keywords(value, keywords);
  }
}

}  // namespace zeropark::testing

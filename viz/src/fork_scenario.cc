// Writing a fork's edit into its scenario's YAML (see fork_scenario.h).
#include "fork_scenario.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace zeropark::view {

namespace {

// Scenario keys whose value is a file relative to the scenario's folder. Some ("profile",
// "it_profile") may also be a built-in profile's name, so a value is only rewritten when the file
// it names exists.
constexpr std::array<std::string_view, 7> kPathKeys = {
    "weather", "profile", "it_profile", "sessions", "carbon_intensity_csv", "power_curve", "controller_plugin"};

bool is_path_key(const std::string& key) {
  for (std::string_view k : kPathKeys)
    if (k == key) return true;
  return false;
}

void absolutise_paths(YAML::Node node, const std::filesystem::path& folder) {
  if (node.IsSequence()) {
    for (YAML::Node item : node) absolutise_paths(item, folder);
    return;
  }
  if (!node.IsMap()) return;
  for (auto entry : node) {
    YAML::Node value = entry.second;
    if (value.IsScalar() && is_path_key(entry.first.Scalar())) {
      const std::filesystem::path path(value.Scalar());
      if (path.is_relative() && !value.Scalar().empty()) {
        std::error_code error;
        const std::filesystem::path resolved = (folder / path).lexically_normal();
        if (std::filesystem::exists(resolved, error)) value = resolved.string();
      }
    } else {
      absolutise_paths(value, folder);
    }
  }
}

// Multiplies the numeric field `key` of `item` by `scale`; an absent field keeps its default
// (which for ac_capacity_kw follows dc_capacity_kw).
void scale_field(YAML::Node item, const char* key, double scale) {
  if (scale == 1 || !item.IsMap() || !item[key]) return;
  item[key] = item[key].as<double>() * scale;
}

}  // namespace

std::string fork_scenario_text(const ParkModel& model, const WhatIfEdit& edit) {
  apply_edit(model, edit);  // refuses what the fork itself would refuse, with the same message
  if (model.scenario_text.empty()) throw std::invalid_argument("the model has no scenario text to save");
  YAML::Node root = YAML::Load(model.scenario_text);
  root["name"] = model.name + "_fork";

  if (YAML::Node batteries = root["batteries"]; batteries && batteries.IsSequence()) {
    for (YAML::Node battery : batteries) {
      // The SOC window is given as fractions, so it follows the capacity as apply_edit's does.
      scale_field(battery, "capacity_kwh", edit.battery_capacity_scale);
      scale_field(battery, "max_charge_kw", edit.battery_power_scale);
      scale_field(battery, "max_discharge_kw", edit.battery_power_scale);
    }
  }
  if (YAML::Node arrays = root["pv"]; arrays && arrays.IsSequence()) {
    for (YAML::Node pv : arrays) {
      scale_field(pv, "dc_capacity_kw", edit.pv_scale);
      scale_field(pv, "ac_capacity_kw", edit.pv_scale);
    }
  }
  if (edit.tariff_scale != 1) {
    if (YAML::Node tariff = root["grid"]["tariff"]; tariff && tariff.IsMap()) {
      if (YAML::Node prices = tariff["prices_cny_per_kwh"]; prices && prices.IsMap())
        for (auto price : prices) price.second = price.second.as<double>() * edit.tariff_scale;
      scale_field(tariff, "export_price_cny_per_kwh", edit.tariff_scale);
    }
  }
  if (!edit.controller.empty()) {
    YAML::Node simulation = root["simulation"];
    simulation["controller"] = edit.controller;
    simulation.remove("controller_plugin");
    root.remove("local_controllers");
  }

  const std::filesystem::path file(model.scenario_file);
  absolutise_paths(root, file.has_parent_path() ? file.parent_path() : std::filesystem::current_path());

  YAML::Emitter out;
  out << YAML::Comment("Forked by zeropark-view from " + model.scenario_file + ": " + edit.label()) << YAML::Newline
      << root;
  return std::string(out.c_str()) + "\n";
}

void save_fork_scenario(const ParkModel& model, const WhatIfEdit& edit, const std::filesystem::path& path) {
  const std::string text = fork_scenario_text(model, edit);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error("cannot write the fork scenario '" + path.string() + "'");
  file << text;
  file.close();
  if (!file) throw std::runtime_error("cannot write the fork scenario '" + path.string() + "'");
}

std::string default_fork_file(const ParkModel& model) { return model.name + "_fork.yaml"; }

}  // namespace zeropark::view

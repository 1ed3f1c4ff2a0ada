#include "spec/compile_controllers.h"

#include <algorithm>
#include <memory>

#include "controllers/plugin_controller.h"
#include "spec/compile_support.h"
#include "spec/param_table.h"
#include "zeropark/controller.h"
#include "zeropark/error.h"

namespace zeropark {
namespace {

const SourceRef& key_or(const std::map<std::string, SourceRef>& key_at, const std::string& key, const SourceRef& at) {
  return key_or_section(key_at, key, at);
}

// One controller as a scenario names it: loads it to check it exists and to learn its name and
// settings. `field` is where the name or path sits (for errors).
std::unique_ptr<Controller> resolve(const std::string& name, const std::string& plugin,
                                    const std::filesystem::path& dir, const SourceRef& name_at,
                                    const SourceRef& plugin_at, const std::string& field, std::string& plugin_path) {
  if (!plugin.empty()) {
    plugin_path = std::filesystem::absolute(dir / plugin).lexically_normal().string();
    try {
      return load_plugin_controller(plugin_path);
    } catch (const PluginError& e) {
      fail(plugin_at, field + "controller_plugin", e.what());
    }
  }
  plugin_path.clear();
  std::unique_ptr<Controller> controller = make_controller(name);
  if (!controller) {
    const std::string hint = closest_key(name, controller_names());
    fail(name_at, field + "controller",
         "no controller named '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  }
  return controller;
}

// The device a local controller names, as a slot in LocalControllerModel.
bool assign_device(const ParkModel& model, const std::string& name, LocalControllerModel& local) {
  const auto found = find_named(model, name,
                                {VertexKind::kBattery, VertexKind::kThermalStorage, VertexKind::kEvCharger,
                                 VertexKind::kElectrolyser, VertexKind::kFuelCell});
  if (!found) return false;
  std::vector<int>* slot = found->first == VertexKind::kBattery          ? &local.batteries
                           : found->first == VertexKind::kThermalStorage ? &local.thermal_storages
                           : found->first == VertexKind::kEvCharger      ? &local.ev_chargers
                           : found->first == VertexKind::kElectrolyser   ? &local.electrolysers
                                                                         : &local.fuel_cells;
  slot->push_back(found->second);
  return true;
}

}  // namespace

void compile_controllers(const ParkSpec& spec, const std::filesystem::path& dir, ParkModel& model) {
  const SimulationSpec& sim = spec.simulation;
  const SourceRef& name_at = key_or(sim.key_at, "controller", sim.at);
  const SourceRef& plugin_at = key_or(sim.key_at, "controller_plugin", sim.at);
  if (!sim.controller_plugin.empty() && sim.key_at.count("controller"))
    fail(name_at, "simulation.controller", "give either controller (a built-in) or controller_plugin, not both");
  std::vector<std::unique_ptr<Controller>> controllers;
  controllers.push_back(
      resolve(sim.controller, sim.controller_plugin, dir, name_at, plugin_at, "simulation.", model.controller_plugin));
  model.controller = std::string(controllers.back()->name());

  std::map<std::string, SourceRef> owner_at;  // device → where a local controller claimed it
  for (std::size_t n = 0; n < spec.local_controllers.size(); ++n) {
    const LocalControllerSpec& l = spec.local_controllers[n];
    const std::string field = "local_controllers[" + std::to_string(n) + "].";
    if (l.controller.empty() == l.controller_plugin.empty())
      fail(l.at, field + "controller", "give either controller (a built-in) or controller_plugin");
    LocalControllerModel local;
    controllers.push_back(resolve(l.controller, l.controller_plugin, dir, key_or(l.key_at, "controller", l.at),
                                  key_or(l.key_at, "controller_plugin", l.at), field, local.controller_plugin));
    local.controller = std::string(controllers.back()->name());
    const SourceRef& devices_at = key_or(l.key_at, "devices", l.at);
    for (std::size_t d = 0; d < l.devices.size(); ++d) {
      const std::string& device = l.devices[d];
      const std::string device_field = field + "devices[" + std::to_string(d) + "]";
      if (!assign_device(model, device, local))
        fail(devices_at, device_field,
             "no battery, thermal storage, charger group, electrolyser or fuel cell named '" + device + "'");
      const auto [earlier, first] = owner_at.emplace(device, devices_at);
      if (!first)
        fail(devices_at, device_field,
             "'" + device + "' already has a local controller (line " + std::to_string(earlier->second.line) + ")");
    }
    model.local_controllers.push_back(std::move(local));
  }

  // Settings are checked against what the chosen controllers declare, at their line in the file.
  std::vector<ControllerSetting> settings;
  for (const auto& c : controllers)
    for (const ControllerSetting& s : c->settings())
      if (std::none_of(settings.begin(), settings.end(), [&](const ControllerSetting& a) { return a.key == s.key; }))
        settings.push_back(s);
  const std::string chosen =
      model.local_controllers.empty() ? "controller '" + model.controller + "'" : "the park's controllers";
  for (const auto& [key, value] : spec.controller_settings) {
    const SourceRef& at = key_or(spec.controller_settings_at, key, sim.at);
    const auto known =
        std::find_if(settings.begin(), settings.end(), [&](const ControllerSetting& s) { return s.key == key; });
    if (known == settings.end()) {
      std::vector<std::string_view> keys;
      for (const ControllerSetting& s : settings) keys.push_back(s.key);
      const std::string hint = closest_key(key, keys);
      fail(at, "controller_settings." + key,
           chosen + " has no setting '" + key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    if (!(value >= known->min && value <= known->max))
      fail(at, "controller_settings." + key,
           "must be in [" + std::to_string(known->min) + ", " + std::to_string(known->max) + "], got " +
               std::to_string(value));
  }
  model.controller_settings = spec.controller_settings;
}

}  // namespace zeropark

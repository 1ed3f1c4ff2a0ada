// The built-in controllers, in one explicit list: adding one is adding a line here.
#include <functional>
#include <stdexcept>

#include "controllers/carbon_aware.h"
#include "controllers/composite.h"
#include "controllers/island_aware.h"
#include "controllers/mpc.h"
#include "controllers/orderly_charging.h"
#include "controllers/peak_shaving.h"
#include "controllers/plugin_controller.h"
#include "controllers/self_consumption.h"
#include "controllers/tou_arbitrage.h"
#include "controllers/v2g.h"
#include "zeropark/controller.h"

namespace zeropark {
namespace {

struct Entry {
  std::string_view name;
  std::function<std::unique_ptr<Controller>()> make;
};

const std::vector<Entry>& registry() {
  static const std::vector<Entry> entries = {
      {"self_consumption", [] { return std::make_unique<SelfConsumptionController>(); }},
      {"tou_arbitrage", [] { return std::make_unique<TouArbitrageController>(); }},
      {"peak_shaving", [] { return std::make_unique<PeakShavingController>(); }},
      {"carbon_aware", [] { return std::make_unique<CarbonAwareController>(); }},
      {"orderly_charging", [] { return std::make_unique<OrderlyChargingController>(); }},
      {"v2g", [] { return std::make_unique<V2gController>(); }},
      {"mpc", [] { return std::make_unique<MpcController>(); }},
  };
  return entries;
}

}  // namespace

std::vector<std::string_view> controller_names() {
  std::vector<std::string_view> names;
  for (const Entry& e : registry()) names.push_back(e.name);
  return names;
}

std::unique_ptr<Controller> make_controller(std::string_view name) {
  for (const Entry& e : registry())
    if (e.name == name) return with_island_rule(e.make());
  return nullptr;
}

namespace {

std::unique_ptr<Controller> built_in_or_plugin(const std::string& name, const std::string& plugin_path) {
  if (!plugin_path.empty()) return load_plugin_controller(plugin_path);
  std::unique_ptr<Controller> controller = make_controller(name);
  if (!controller) throw std::invalid_argument("no controller named '" + name + "'");
  return controller;
}

}  // namespace

std::unique_ptr<Controller> make_park_controller(const ParkModel& model) {
  std::unique_ptr<Controller> supervisor = built_in_or_plugin(model.controller, model.controller_plugin);
  if (model.local_controllers.empty()) return supervisor;
  std::vector<CompositeController::Local> locals;
  for (const LocalControllerModel& local : model.local_controllers)
    locals.push_back({built_in_or_plugin(local.controller, local.controller_plugin), local});
  return std::make_unique<CompositeController>(std::move(supervisor), std::move(locals));
}

double controller_setting(const ParkModel& model, const ControllerSetting& setting) {
  const auto it = model.controller_settings.find(std::string(setting.key));
  return it != model.controller_settings.end() ? it->second : setting.default_value;
}

}  // namespace zeropark

// The built-in controllers, in one explicit list: adding one is adding a line here.
#include <functional>

#include "controllers/self_consumption.h"
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
    if (e.name == name) return e.make();
  return nullptr;
}

double controller_setting(const ParkModel& model, const ControllerSetting& setting) {
  const auto it = model.controller_settings.find(std::string(setting.key));
  return it != model.controller_settings.end() ? it->second : setting.default_value;
}

}  // namespace zeropark

#include "spec/compile_network.h"

#include <map>
#include <optional>

#include "zeropark/error.h"

namespace zeropark {
namespace {

[[noreturn]] void fail(const SourceRef& at, const std::string& field, const std::string& message) {
  throw InputError({at.file, at.line, at.column}, field, message);
}

// kbit/s (what data sheets quote) to bytes per second (what SimGrid takes).
double bytes_per_s(double kbps) { return kbps * 1000.0 / 8.0; }

std::optional<std::pair<VertexKind, int>> find_endpoint(const ParkModel& model, const std::string& name) {
  if (name == model.grid.name) return std::pair{VertexKind::kGrid, 0};
  const auto in = [&](const auto& devices, VertexKind kind) -> std::optional<std::pair<VertexKind, int>> {
    for (std::size_t i = 0; i < devices.size(); ++i)
      if (devices[i].name == name) return std::pair{kind, static_cast<int>(i)};
    return std::nullopt;
  };
  for (auto found : {in(model.batteries, VertexKind::kBattery), in(model.thermal_storages, VertexKind::kThermalStorage),
                     in(model.ev_chargers, VertexKind::kEvCharger), in(model.electrolysers, VertexKind::kElectrolyser),
                     in(model.fuel_cells, VertexKind::kFuelCell)})
    if (found) return found;
  return std::nullopt;
}

}  // namespace

ControlNetworkModel compile_network(const NetworkSpec& spec, const ParkModel& model) {
  ControlNetworkModel network;
  if (!spec.present) return network;
  network.modelled = true;
  network.setpoint_timeout_s =
      spec.setpoint_timeout_s > 0 ? static_cast<Tick>(spec.setpoint_timeout_s) : 2 * model.decision_interval_s;
  network.measurement_window_s = spec.measurement_window_s;
  network.measurement_bytes = spec.measurement_bytes;
  network.setpoint_bytes = spec.setpoint_bytes;
  std::map<std::string, int> gateway_of;
  for (std::size_t g = 0; g < spec.gateways.size(); ++g) {
    const NetworkGatewaySpec& gw = spec.gateways[g];
    const std::string field = "network.gateways[" + std::to_string(g) + "].name";
    if (!gateway_of.emplace(gw.name, static_cast<int>(g)).second)
      fail(gw.at, field, "duplicate gateway '" + gw.name + "'");
    if (find_endpoint(model, gw.name))
      fail(gw.at, field, "'" + gw.name + "' is a device's name; a gateway needs its own (link outages name it)");
    network.gateways.push_back({gw.name, gw.latency_ms / 1000.0, bytes_per_s(gw.bandwidth_kbps), {}});
  }
  std::map<std::string, SourceRef> listed;
  for (std::size_t l = 0; l < spec.links.size(); ++l) {
    const NetworkLinkSpec& link = spec.links[l];
    const std::string field = "network.links[" + std::to_string(l) + "].";
    const auto endpoint = find_endpoint(model, link.device);
    if (!endpoint)
      fail(link.at, field + "device",
           "no battery, thermal storage, charger group, electrolyser, fuel cell or grid connection named '" +
               link.device + "'");
    if (const auto [earlier, first] = listed.emplace(link.device, link.at); !first)
      fail(link.at, field + "device",
           "'" + link.device + "' already has a link (line " + std::to_string(earlier->second.line) + ")");
    int gateway = -1;
    if (!link.gateway.empty()) {
      const auto it = gateway_of.find(link.gateway);
      if (it == gateway_of.end()) fail(link.at, field + "gateway", "no gateway named '" + link.gateway + "'");
      gateway = it->second;
    }
    network.endpoints.push_back({endpoint->first,
                                 endpoint->second,
                                 gateway,
                                 {link.device, link.latency_ms / 1000.0, bytes_per_s(link.bandwidth_kbps), {}}});
  }
  return network;
}

}  // namespace zeropark

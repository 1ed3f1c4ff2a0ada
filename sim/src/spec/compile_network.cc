#include "spec/compile_network.h"

#include <map>
#include <optional>

#include "spec/compile_support.h"
#include "zeropark/error.h"

namespace zeropark {
namespace {

// kbit/s (what data sheets quote) to bytes per second (what SimGrid takes).
double bytes_per_s(double kbps) { return kbps * 1000.0 / 8.0; }

std::optional<std::pair<VertexKind, int>> find_endpoint(const ParkModel& model, const std::string& name) {
  return find_named(model, name,
                    {VertexKind::kGrid, VertexKind::kBattery, VertexKind::kThermalStorage, VertexKind::kEvCharger,
                     VertexKind::kElectrolyser, VertexKind::kFuelCell});
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

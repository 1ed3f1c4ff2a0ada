// Outages: which component each names, and when it is out.
//
// Random outages follow the textbook two-state availability model: times to failure and times to
// repair are exponential with the given means, so the long-run unavailability is
// MTTR / (MTBF + MTTR). Each component draws from its own PCG stream, seeded by the run's seed
// and the component's name, so adding an outage elsewhere never moves this one's failures.
#include "spec/compile_outages.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "spec/compile_support.h"
#include "time/calendar.h"
#include "zeropark/error.h"
#include "zeropark/state.h"

namespace zeropark {
namespace {

const SourceRef& key_or_item(const OutageSpec& o, const std::string& key) {
  return key_or_section(o.key_at, key, o.at);
}

// The component an outage names, among the kinds that can go out.
std::optional<std::pair<VertexKind, int>> find_component(const ParkModel& model, const std::string& name) {
  return find_named(model, name,
                    {VertexKind::kGrid, VertexKind::kPv, VertexKind::kWind, VertexKind::kPvt, VertexKind::kBattery,
                     VertexKind::kHeatPump, VertexKind::kEvCharger, VertexKind::kElectrolyser, VertexKind::kFuelCell});
}

// A gateway's uplink or a networked device's own link, by name.
NetworkLinkModel* network_link(ControlNetworkModel& network, const std::string& name) {
  for (NetworkLinkModel& g : network.gateways)
    if (g.name == name) return &g;
  for (NetworkEndpointModel& e : network.endpoints)
    if (e.link.name == name) return &e.link;
  return nullptr;
}

// FNV-1a: a stable 64-bit hash of a name (std::hash may differ between library versions).
std::uint64_t name_hash(const std::string& name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

Tick tick_of(const ParkModel& model, const OutageSpec& o, const std::string& key, const std::string& text,
             const std::string& field) {
  const std::optional<CivilTime> t = parse_iso(text);
  if (!t) fail(key_or_item(o, key), field, "expected an ISO 8601 local time like 2023-07-14T09:00, got '" + text + "'");
  return seconds_from_civil(*t) - seconds_from_civil(model.start);
}

// Sorts and merges overlapping or touching windows.
std::vector<OutageWindow> merged(std::vector<OutageWindow> windows) {
  std::sort(windows.begin(), windows.end(),
            [](const OutageWindow& a, const OutageWindow& b) { return a.start < b.start; });
  std::vector<OutageWindow> out;
  for (const OutageWindow& w : windows) {
    if (!out.empty() && w.start <= out.back().end)
      out.back().end = std::max(out.back().end, w.end);
    else
      out.push_back(w);
  }
  return out;
}

}  // namespace

std::vector<OutageWindow> random_outage_windows(double mtbf_s, double mttr_s, Tick end_tick, std::uint64_t seed) {
  Pcg32 rng = Pcg32::seeded(seed, 0x6f75746167ULL);  // "outag": a stream of its own
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const auto exponential_s = [&](double mean_s) {
    return std::max<Tick>(1, static_cast<Tick>(std::llround(-mean_s * std::log(1.0 - rng.uniform01()))));
  };
  std::vector<OutageWindow> windows;
  for (Tick t = exponential_s(mtbf_s); t < end_tick;) {
    const Tick back = std::min(end_tick, t + exponential_s(mttr_s));
    windows.push_back({t, back});
    t = back + exponential_s(mtbf_s);
  }
  return windows;
}

std::vector<OutageProfileModel> compile_outages(const ParkSpec& spec, ParkModel& model) {
  std::vector<OutageProfileModel> profiles;
  for (std::size_t n = 0; n < spec.outages.size(); ++n) {
    const OutageSpec& o = spec.outages[n];
    const std::string field = "outages[" + std::to_string(n) + "].";
    if (o.component.empty() == o.link.empty())
      fail(o.at, field + "component", "give either component (equipment or the grid) or link (the control network)");
    NetworkLinkModel* link = o.link.empty() ? nullptr : network_link(model.network, o.link);
    if (!o.link.empty() && !link)
      fail(key_or_item(o, "link"), field + "link",
           "no gateway or networked device named '" + o.link + "' (see network.gateways and network.links)");
    const auto found =
        o.component.empty() ? std::optional<std::pair<VertexKind, int>>{} : find_component(model, o.component);
    if (!link && !found)
      fail(key_or_item(o, "component"), field + "component",
           "no grid connection or component named '" + o.component +
               "' that can go out (the grid, PV, wind, PV/thermal, batteries, heat pumps, chillers, charger groups, "
               "electrolysers and fuel cells can)");
    const bool scheduled = !o.start_iso.empty() || !o.end_iso.empty();
    const bool random = o.mean_time_between_failures_h > 0 || o.mean_time_to_repair_h > 0;
    if (scheduled == random)
      fail(o.at, field.substr(0, field.size() - 1),
           "give either start and end (a scheduled outage) or mean_time_between_failures_h and "
           "mean_time_to_repair_h (random outages)");
    std::vector<OutageWindow> windows;
    if (scheduled) {
      if (o.start_iso.empty() || o.end_iso.empty())
        fail(o.at, field + (o.start_iso.empty() ? "start" : "end"), "a scheduled outage needs both start and end");
      const Tick start = tick_of(model, o, "start", o.start_iso, field + "start");
      const Tick end = tick_of(model, o, "end", o.end_iso, field + "end");
      if (end <= start) fail(key_or_item(o, "end"), field + "end", "must be after start");
      // Outside the run it changes nothing; clipped to the run it is exact.
      if (end > 0 && start < model.end_tick)
        windows.push_back({std::max<Tick>(start, 0), std::min(end, model.end_tick)});
    } else {
      if (!(o.mean_time_between_failures_h > 0 && o.mean_time_to_repair_h > 0))
        fail(o.at,
             field + (o.mean_time_between_failures_h > 0 ? "mean_time_to_repair_h" : "mean_time_between_failures_h"),
             "random outages need both mean times, each > 0");
      windows = random_outage_windows(o.mean_time_between_failures_h * 3600.0, o.mean_time_to_repair_h * 3600.0,
                                      model.end_tick,
                                      model.seed ^ name_hash(o.component.empty() ? "link:" + o.link : o.component));
    }
    if (link) {
      link->down.insert(link->down.end(), windows.begin(), windows.end());
      link->down = merged(std::move(link->down));
      continue;
    }
    const auto same = std::find_if(profiles.begin(), profiles.end(),
                                   [&](const OutageProfileModel& p) { return p.component == o.component; });
    if (same != profiles.end()) {
      same->down.insert(same->down.end(), windows.begin(), windows.end());
      same->down = merged(std::move(same->down));
    } else {
      profiles.push_back({o.component, found->first, found->second, merged(std::move(windows))});
    }
  }
  return profiles;
}

}  // namespace zeropark

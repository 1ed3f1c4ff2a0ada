#include "report/attribution.h"

#include <algorithm>
#include <map>

#include "report/trace_kpis.h"

namespace zeropark::report {

bool is_renewable(const std::string& kind) { return kind == "pv" || kind == "wind" || kind == "pvt"; }

Attribution attribute(const TraceFile& trace) {
  const TraceComponent& grid = grid_component(trace);
  const std::string grid_path = "components/" + grid.name + "/";
  const std::vector<double> hours = row_hours(trace);
  const std::size_t rows = hours.size();

  // Each row's import emissions and energy cost, formed like the KPIs' (energy first).
  std::vector<double> row_import_kwh(rows), row_co2_kg(rows), row_cost_cny(rows),
      factor(trace.channel(grid_path + "carbon_kg_per_kwh"));
  {
    const std::vector<double> grid_kw = trace.channel(grid_path + "power_kw");
    const std::vector<double> price = trace.channel(grid_path + "price_cny_per_kwh");
    const std::vector<double> duration_s = trace.channel("time/duration_s");
    for (std::size_t r = 0; r < rows; ++r) {
      row_import_kwh[r] = std::max(grid_kw[r], 0.0) * duration_s[r] / 3600.0;
      row_co2_kg[r] = row_import_kwh[r] * factor[r];
      row_cost_cny[r] = row_import_kwh[r] * price[r];
    }
  }

  std::vector<const TraceComponent*> electric;
  for (const TraceComponent& c : trace.components())
    if (&c != &grid && trace.has_dataset("components/" + c.name + "/power_kw")) electric.push_back(&c);
  std::vector<double> line_loss_kw(rows, 0.0);
  const std::vector<std::string> lines = trace.lines();
  const bool has_lines = !lines.empty();
  for (const std::string& line : lines) {
    const std::vector<double> sent = trace.channel("lines/" + line + "/sent_kw");
    const std::vector<double> received = trace.channel("lines/" + line + "/received_kw");
    for (std::size_t r = 0; r < rows; ++r) line_loss_kw[r] += sent[r] - received[r];
  }
  // A line's loss is never negative; rounding may make the difference of two equal flows -1e-13.
  for (double& kw : line_loss_kw) kw = std::max(kw, 0.0);

  // Pass 1: each row's total draw.
  std::vector<double> draw_kw(line_loss_kw);
  for (const TraceComponent* c : electric) {
    const std::vector<double> kw = trace.channel("components/" + c->name + "/power_kw");
    for (std::size_t r = 0; r < rows; ++r)
      if (kw[r] < 0) draw_kw[r] -= kw[r];
  }

  // Pass 2: shares. A row's share of a draw is draw / total; rows with no draw keep their emissions
  // and cost as unattributed.
  Attribution result;
  const auto share = [&](AssetShare& asset, const std::vector<double>& drawing_kw) {
    for (std::size_t r = 0; r < rows; ++r) {
      if (!(drawing_kw[r] > 0) || !(draw_kw[r] > 0)) continue;
      const double fraction = drawing_kw[r] / draw_kw[r];
      asset.co2_kg += row_co2_kg[r] * fraction;
      asset.cost_cny += row_cost_cny[r] * fraction;
    }
  };
  for (const TraceComponent* c : electric) {
    AssetShare asset{c->name, c->kind, c->bus};
    std::vector<double> kw = trace.channel("components/" + c->name + "/power_kw");
    for (std::size_t r = 0; r < rows; ++r) {
      if (is_renewable(c->kind)) {
        asset.energy_kwh += std::max(kw[r], 0.0) * hours[r];
        asset.avoided_co2_kg += std::max(kw[r], 0.0) * hours[r] * factor[r];
      }
      kw[r] = std::max(-kw[r], 0.0);  // from here on: the draw
      if (!is_renewable(c->kind)) asset.energy_kwh += kw[r] * hours[r];
    }
    share(asset, kw);
    result.assets.push_back(std::move(asset));
  }
  if (has_lines) {
    AssetShare losses{"line_losses", "line_losses", "line_losses"};
    for (std::size_t r = 0; r < rows; ++r) losses.energy_kwh += line_loss_kw[r] * hours[r];
    share(losses, line_loss_kw);
    result.assets.push_back(std::move(losses));
  }
  AssetShare orphan{"unattributed", "unattributed", "unattributed"};
  bool any_orphan = false;
  for (std::size_t r = 0; r < rows; ++r)
    if (!(draw_kw[r] > 0) && row_co2_kg[r] + row_cost_cny[r] != 0) {
      any_orphan = true;
      orphan.energy_kwh += row_import_kwh[r];
      orphan.co2_kg += row_co2_kg[r];
      orphan.cost_cny += row_cost_cny[r];
    }
  if (any_orphan) result.assets.push_back(std::move(orphan));

  std::map<std::string, ZoneShare> zones;
  for (const AssetShare& a : result.assets) {
    ZoneShare& z = zones[a.bus];
    z.bus = a.bus;
    (is_renewable(a.kind) ? z.generated_kwh : z.drawn_kwh) += a.energy_kwh;
    z.co2_kg += a.co2_kg;
    z.cost_cny += a.cost_cny;
    z.avoided_co2_kg += a.avoided_co2_kg;
  }
  for (auto& [bus, zone] : zones) result.zones.push_back(zone);
  return result;
}

}  // namespace zeropark::report

// KPIs as a table of value and unit (see kpi_panel.h).
#include "kpi_panel.h"

#include <imgui.h>

#include <algorithm>

#include "format.h"
#include "palette.h"

namespace zeropark::view {

namespace {

double value_of(const KpiTable& table, const char* key) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const Kpi& k) { return k.key == key; });
  return it == table.end() ? 0.0 : it->value;
}

const KpiDelta* delta_of(const ForkNow& fork, const char* key) {
  for (const KpiDelta& d : fork.delta)
    if (d.key == key) return &d;
  return nullptr;
}

void row(const char* name, const std::string& value, const char* help = nullptr) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name);
  if (help && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(value.c_str());
}

}  // namespace

void draw_kpi_panel(const ViewSnapshot& snap) {
  const KpiTable& k = snap.kpis;
  char text[64];
  if (!snap.kpi_note.empty()) ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.45f, 1), "%s", snap.kpi_note.c_str());
  if (ImGui::BeginTable("kpis", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    std::snprintf(text, sizeof text, "%.1f %%", 100 * value_of(k, "self_sufficiency_ratio"));
    row("Self-sufficiency", text, "1 - grid import / consumption, so far");
    const bool has_cost = std::any_of(k.begin(), k.end(), [](const Kpi& x) { return x.key == "net_cost_cny"; });
    row("Net cost", has_cost ? format_cny(value_of(k, "net_cost_cny")) : std::string("(at the end of the replay)"),
        "energy + demand + capacity charges - export revenue");
    row("CO2 emitted", format_mass_kg(value_of(k, "co2_kg")), "imports x the grid's emission factor");
    if (snap.forks.empty()) row("CO2 avoided by a fork", snap.replay ? "(live runs only)" : "(apply a what-if)");
    for (std::size_t f = 0; f < snap.forks.size(); ++f)
      if (const KpiDelta* co2 = delta_of(snap.forks[f], "co2_kg")) {
        const std::string name = "CO2 avoided by fork " + std::to_string(f + 1);
        row(name.c_str(), format_mass_kg(-co2->delta()), "original's CO2 - the what-if fork's, same tick");
      }
    row("Peak import", format_power_kw(value_of(k, "peak_grid_import_kw")));
    row("PV generation", format_energy_kwh(value_of(k, "pv_generation_kwh")));
    row("Grid import / export",
        format_energy_kwh(value_of(k, "grid_import_kwh")) + " / " + format_energy_kwh(value_of(k, "grid_export_kwh")));
    ImGui::EndTable();
  }

  ImGui::Spacing();
  ImGui::TextColored(ImVec4(0.55f, 0.8f, 1.0f, 1), "Shimen platform");
  ImGui::Separator();
  const PlatformSummary& p = snap.platform;
  if (ImGui::BeginTable("platform", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    row("PV output this month", format_energy_kwh(p.pv_this_month_kwh));
    std::snprintf(text, sizeof text, "%.1f h  (%d/%d plugged now)", p.charging_hours_today, p.points_plugged_now,
                  p.points_total);
    row("Charging-pile hours today", p.points_total > 0 ? std::string(text) : std::string("no charge points"));
    row("Carbon sinks so far", format_mass_kg(p.carbon_sink_so_far_kg), "green space uptake since the start");
    ImGui::EndTable();
  }

  if (!snap.has_fork()) return;
  // One column per fork, in its plot colour: its difference from the original.
  ImGui::Spacing();
  ImGui::TextColored(ImVec4(0.6f, 1.0f, 0.6f, 1), "What-if: each fork against the original");
  ImGui::Separator();
  const int columns = 2 + static_cast<int>(snap.forks.size());
  if (ImGui::BeginTable("forks", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("original");
    for (const ForkNow& fork : snap.forks) {
      ImGui::TableNextColumn();
      const Rgba c = fork_colour(fork.slot);
      ImGui::TextColored(ImVec4(c.r, c.g, c.b, 1), "%s", fork.label.c_str());
    }
    for (const char* key : {"self_sufficiency_ratio", "net_cost_cny", "co2_kg", "grid_import_kwh",
                            "battery_discharged_kwh", "peak_grid_import_kw"}) {
      const KpiDelta* first = delta_of(snap.forks.front(), key);
      if (!first) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(key);
      ImGui::TableNextColumn();
      ImGui::Text("%.4g", first->original);
      for (const ForkNow& fork : snap.forks) {
        ImGui::TableNextColumn();
        const KpiDelta* d = delta_of(fork, key);
        if (!d) continue;
        const bool higher_is_better = d->key == "self_sufficiency_ratio" || d->key == "battery_discharged_kwh";
        const bool better = higher_is_better == (d->delta() > 0);
        ImGui::TextColored(d->delta() == 0 ? ImVec4(0.8f, 0.8f, 0.8f, 1)
                           : better        ? ImVec4(0.5f, 1, 0.5f, 1)
                                           : ImVec4(1, 0.55f, 0.5f, 1),
                           "%+.4g %s", d->delta(), d->unit.c_str());
        // The difference fits three columns; the fork's own value is a hover away.
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %.6g %s", fork.label.c_str(), d->fork, d->unit.c_str());
      }
    }
    ImGui::EndTable();
  }
}

}  // namespace zeropark::view

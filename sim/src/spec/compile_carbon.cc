// Carbon inputs: grid factors from the MEE/NBS table and the carbon ledger (docs/carbon.md).
#include "spec/compile_carbon.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "spec/compile_support.h"
#include "spec/mee_grid_factors.h"
#include "spec/param_table.h"

namespace zeropark {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

template <class Component>
int index_of(const std::vector<Component>& components, const std::string& name) {
  for (std::size_t i = 0; i < components.size(); ++i)
    if (components[i].name == name) return static_cast<int>(i);
  return -1;
}

// Puts `name` among the account's members of its kind; false when no electric consumer has it.
bool add_member(const ParkModel& model, const std::string& name, CarbonAccountModel& account) {
  if (name == "line_losses") {
    account.line_losses = true;
    return true;
  }
  const auto add = [&](const auto& components, std::vector<int>& members) {
    const int i = index_of(components, name);
    if (i >= 0) members.push_back(i);
    return i >= 0;
  };
  return add(model.loads, account.loads) || add(model.data_centres, account.data_centres) ||
         add(model.heat_pumps, account.heat_pumps) || add(model.ev_chargers, account.ev_chargers) ||
         add(model.batteries, account.batteries) || add(model.electrolysers, account.electrolysers);
}

std::vector<std::string> member_choices(const ParkModel& model) {
  std::vector<std::string> names;
  const auto list = [&](const auto& components) {
    for (const auto& c : components) names.push_back(c.name);
  };
  list(model.loads);
  list(model.data_centres);
  list(model.heat_pumps);
  list(model.ev_chargers);
  list(model.batteries);
  list(model.electrolysers);
  names.push_back("line_losses");
  return names;
}

}  // namespace

double mee_emission_factor_kg_per_kwh(const GridSpec& grid, std::vector<std::string>& warnings) {
  const EmissionFactorRefSpec& ref = grid.emission_factor;
  if (grid.key_at.count("carbon_intensity_kg_per_kwh"))
    fail(ref.at, "grid.emission_factor", "give either emission_factor or carbon_intensity_kg_per_kwh, not both");
  if (!grid.carbon_intensity_csv.empty())
    fail(ref.at, "grid.emission_factor", "give either emission_factor or carbon_intensity_csv, not both");
  const int year = static_cast<int>(ref.year);
  const std::vector<int> years = mee_grid_factor_years();
  if (std::find(years.begin(), years.end(), year) == years.end()) {
    std::vector<std::string> choices;
    for (int y : years) choices.push_back(std::to_string(y));
    fail(key_or_section(ref.key_at, "year", ref.at), "grid.emission_factor.year",
         "the MEE table has no factors for " + std::to_string(year) + "; choices: " + join(choices));
  }
  const std::optional<MeeGridFactor> row = find_mee_grid_factor(year, ref.area);
  const SourceRef& area_at = key_or_section(ref.key_at, "area", ref.at);
  if (!row) {
    const std::vector<std::string> areas = mee_grid_factor_areas(year);
    const std::string hint = closest_key(ref.area, std::vector<std::string_view>(areas.begin(), areas.end()));
    fail(area_at, "grid.emission_factor.area",
         "the MEE table has no " + std::to_string(year) + " factor for '" + ref.area + "'" +
             (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)") + "; choices: " + join(areas));
  }
  if (!row->verified) {
    char factor[32];
    std::snprintf(factor, sizeof factor, "%.4f", row->kg_co2_per_kwh);
    warnings.push_back(area_at.file + ":" + std::to_string(area_at.line) + ": grid.emission_factor: the " +
                       std::to_string(year) + " factor for " + std::string(row->csv_area) + " (" + factor +
                       " kg CO2/kWh) comes from a third-party compilation, not independently verified against "
                       "the MEE/NBS announcement (assets/carbon/PROVENANCE.md)");
  }
  return row->kg_co2_per_kwh;
}

CarbonLedgerModel compile_carbon_ledger(const CarbonLedgerSpec& spec, const ParkModel& model) {
  CarbonLedgerModel ledger;
  ledger.present = spec.present;
  ledger.floor_area_m2 = spec.floor_area_m2;
  for (std::size_t i = 0; i < spec.recyclables.size(); ++i) {
    const RecyclableSpec& r = spec.recyclables[i];
    ledger.recyclables.push_back({r.area, r.category, r.mass_kg, r.factor_kg_co2_per_kg});
  }
  std::map<std::string, SourceRef> offset_at;
  for (const CarbonOffsetSpec& o : spec.offsets) {
    if (const auto [it, first] = offset_at.emplace(o.name, o.at); !first)
      fail(key_or_section(o.key_at, "name", o.at), "carbon_ledger.offsets." + o.name + ".name",
           "duplicate offset name (also at line " + std::to_string(it->second.line) + ")");
    ledger.offsets.push_back({o.name, o.co2_kg, o.source});
  }
  std::map<std::string, SourceRef> account_at;
  std::map<std::string, std::string> account_of_member;
  for (const CarbonAccountSpec& a : spec.accounts) {
    const std::string field = "carbon_ledger.accounts." + a.name + ".";
    if (const auto [it, first] = account_at.emplace(a.name, a.at); !first)
      fail(key_or_section(a.key_at, "name", a.at), field + "name",
           "duplicate account name (also at line " + std::to_string(it->second.line) + ")");
    // The name becomes part of KPI keys, and so of HDF5 paths in the trace.
    const bool control =
        std::any_of(a.name.begin(), a.name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    if (a.name == "." || a.name == ".." || a.name.find('/') != std::string::npos || control)
      fail(key_or_section(a.key_at, "name", a.at), field + "name",
           "'" + a.name + "' cannot be an account name: no '/' or control characters, not '.' or '..'");
    CarbonAccountModel account;
    account.name = a.name;
    for (std::size_t m = 0; m < a.members.size(); ++m) {
      const std::string& member = a.members[m];
      // A spec built in code may not say where each member sits: the account then stands in.
      const SourceRef& at = m < a.members_at.size() ? a.members_at[m] : a.at;
      const std::string member_field = field + "members[" + std::to_string(m) + "]";
      // One account per component: the accounts then never count an emission twice.
      if (const auto [it, first] = account_of_member.emplace(member, a.name); !first)
        fail(at, member_field,
             "'" + member + "' is already a member of account '" + it->second + "' (a component has one account)");
      if (!add_member(model, member, account))
        fail(at, member_field,
             "no electric consumer is named '" + member + "'; choices: " + join(member_choices(model)));
    }
    account.credit_period.assign(model.grid.tariff.period_names.size(), false);
    if (a.key_at.count("credits")) {
      const SourceRef& credits_at = a.key_at.at("credits");
      if (account.ev_chargers.empty())
        fail(credits_at, field + "credits", "credits are earned by EV charging, but no member is an EV charger group");
      for (const std::string& period : a.credit_periods) {
        const auto& names = model.grid.tariff.period_names;
        const auto it = std::find(names.begin(), names.end(), period);
        if (it == names.end())
          fail(credits_at, field + "credits.periods",
               "the tariff has no period '" + period + "'; choices: " + join(names));
        account.credit_period[static_cast<std::size_t>(it - names.begin())] = true;
      }
      account.credit_kg_co2_per_kwh = a.valley_charging_kg_co2_per_kwh;
    }
    ledger.accounts.push_back(std::move(account));
  }
  return ledger;
}

}  // namespace zeropark

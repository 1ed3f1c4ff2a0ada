// Reading, checking and documenting scenario keys through the parameter tables.
#include "spec/param_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace zeropark {

SourceRef source_of(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  // yaml-cpp counts from 0 and reports -1 for nodes it built itself.
  return {file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0};
}

void fail_at(const YAML::Node& node, const std::string& file, const std::string& field,
             const std::string& message) {
  const SourceRef at = source_of(node, file);
  throw InputError({at.file, at.line, at.column}, field, message);
}

std::string closest_key(std::string_view key, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, key.size() / 3) + 1;
  for (std::string_view candidate : candidates) {
    // Levenshtein distance with one rolling row.
    std::vector<std::size_t> row(candidate.size() + 1);
    for (std::size_t j = 0; j < row.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= key.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (key[i - 1] == candidate[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row.back() < best_distance) {
      best_distance = row.back();
      best = std::string(candidate);
    }
  }
  return best;
}

namespace {

std::string format_number(double value) {
  if (std::isinf(value)) return value > 0 ? "∞" : "-∞";
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

template <class Spec>
std::vector<std::string_view> keys_of(const ParamTable<Spec>& table,
                                      const std::vector<std::string_view>& extra) {
  std::vector<std::string_view> keys = extra;
  for (const Param<Spec>& p : table) keys.push_back(p.key);
  return keys;
}

// Strict number parsing: yaml-cpp's as<double>() accepts things like "1e" or "0x10" silently.
bool parse_number(const std::string& text, double& value) {
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return false;
  if (text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf") {
    value = std::numeric_limits<double>::infinity();
    return true;
  }
  const char* first = text.data();
  const char* last = first + text.size();
  if (first != last && *first == '+') ++first;
  const auto [end, error] = std::from_chars(first, last, value);
  return error == std::errc() && end == last && !std::isnan(value);
}

template <class Spec>
void read_one(const YAML::Node& node, const Param<Spec>& p, Spec& spec, const std::string& file,
              const std::string& field) {
  if (!node.IsScalar()) fail_at(node, file, field, "expected a single value");
  const std::string& raw = node.Scalar();
  switch (p.kind) {
    case ParamKind::kNumber:
    case ParamKind::kInteger: {
      double value = 0;
      if (!parse_number(raw, value))
        fail_at(node, file, field, "expected a number" +
                                       (p.unit.empty() ? std::string() : " in " + std::string(p.unit)) +
                                       ", got '" + raw + "'");
      if (p.kind == ParamKind::kInteger && value != std::floor(value))
        fail_at(node, file, field, "expected a whole number, got '" + raw + "'");
      const bool below = p.min_exclusive ? value <= p.min : value < p.min;
      if (below || value > p.max) {
        std::string range = (p.min_exclusive ? "(" : "[") + format_number(p.min) + ", " +
                            format_number(p.max) + (std::isinf(p.max) ? ")" : "]");
        fail_at(node, file, field, "must be in " + range +
                                       (p.unit.empty() ? std::string() : " " + std::string(p.unit)) +
                                       ", got " + raw);
      }
      spec.*p.number = value;
      break;
    }
    case ParamKind::kChoice: {
      if (std::find(p.choices.begin(), p.choices.end(), raw) == p.choices.end()) {
        std::string allowed;
        for (std::string_view c : p.choices) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
        fail_at(node, file, field, "must be one of " + allowed + ", got '" + raw + "'");
      }
      spec.*p.text = raw;
      break;
    }
    case ParamKind::kText:
    case ParamKind::kPath:
      if (raw.empty()) fail_at(node, file, field, "must not be empty");
      spec.*p.text = raw;
      break;
  }
}

}  // namespace

template <class Spec>
void reject_unknown_keys(const YAML::Node& map, const ParamTable<Spec>& table,
                         const std::vector<std::string_view>& extra_keys, const std::string& file,
                         const std::string& context) {
  const std::vector<std::string_view> keys = keys_of(table, extra_keys);
  std::map<std::string, int> seen_at_line;
  for (const auto& entry : map) {
    const std::string key = entry.first.as<std::string>();
    // yaml-cpp keeps one of two equal keys silently; a duplicate is almost always a mistake.
    const auto [seen, first] = seen_at_line.emplace(key, source_of(entry.first, file).line);
    if (!first)
      fail_at(entry.first, file, context + key, "duplicate key (also at line " + std::to_string(seen->second) + ")");
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    const std::string hint = closest_key(key, keys);
    fail_at(entry.first, file, context + key,
            "unknown key" + (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
  }
}

template <class Spec>
void read_params(const YAML::Node& map, const ParamTable<Spec>& table, Spec& spec,
                 const std::string& file, const std::string& context,
                 const std::vector<std::string_view>& extra_keys, std::map<std::string, SourceRef>* key_at) {
  if (!map.IsMap())
    fail_at(map, file, context.empty() ? "(top)" : context.substr(0, context.size() - 1),
            "expected a mapping of keys to values");
  reject_unknown_keys(map, table, extra_keys, file, context);
  for (const Param<Spec>& p : table) {
    const std::string field = context + std::string(p.key);
    const YAML::Node node = map[std::string(p.key)];
    if (!node) {
      if (p.required) fail_at(map, file, field, "is required");
      continue;
    }
    read_one(node, p, spec, file, field);
    if (key_at) (*key_at)[std::string(p.key)] = source_of(node, file);
  }
}

template <class Spec>
std::string markdown_rows(const ParamTable<Spec>& table) {
  std::ostringstream out;
  out << "| key | unit | default | allowed | description |\n|---|---|---|---|---|\n";
  for (const Param<Spec>& p : table) {
    std::string fallback = "—";
    std::string allowed;
    if (p.required) {
      fallback = "required";
    } else if (p.number && !std::isnan(p.default_number)) {  // NaN: derived, as the description says
      fallback = format_number(p.default_number);
    } else if (!p.default_text.empty()) {
      fallback = "`" + std::string(p.default_text) + "`";
    }
    switch (p.kind) {
      case ParamKind::kNumber:
      case ParamKind::kInteger:
        allowed = std::string(p.min_exclusive ? "> " : "≥ ") + format_number(p.min);
        if (!std::isinf(p.max)) allowed += ", ≤ " + format_number(p.max);
        if (p.kind == ParamKind::kInteger) allowed += ", whole";
        break;
      case ParamKind::kChoice:
        for (std::string_view c : p.choices) allowed += (allowed.empty() ? "" : ", ") + ("`" + std::string(c) + "`");
        break;
      case ParamKind::kText: allowed = "text"; break;
      case ParamKind::kPath: allowed = "path (relative to the scenario)"; break;
    }
    out << "| `" << p.key << "` | " << (p.unit.empty() ? "—" : std::string(p.unit)) << " | "
        << fallback << " | " << allowed << " | " << p.description << " |\n";
  }
  return out.str();
}

#define ZEROPARK_INSTANTIATE_TABLE(Spec)                                                          \
  template void reject_unknown_keys<Spec>(const YAML::Node&, const ParamTable<Spec>&,             \
                                          const std::vector<std::string_view>&, const std::string&, \
                                          const std::string&);                                    \
  template void read_params<Spec>(const YAML::Node&, const ParamTable<Spec>&, Spec&,              \
                                  const std::string&, const std::string&,                         \
                                  const std::vector<std::string_view>&,                           \
                                  std::map<std::string, SourceRef>*);                             \
  template std::string markdown_rows<Spec>(const ParamTable<Spec>&);

ZEROPARK_INSTANTIATE_TABLE(SimulationSpec)
ZEROPARK_INSTANTIATE_TABLE(BusSpec)
ZEROPARK_INSTANTIATE_TABLE(LineSpec)
ZEROPARK_INSTANTIATE_TABLE(PvSpec)
ZEROPARK_INSTANTIATE_TABLE(BatterySpec)
ZEROPARK_INSTANTIATE_TABLE(LoadSpec)
ZEROPARK_INSTANTIATE_TABLE(GridSpec)
ZEROPARK_INSTANTIATE_TABLE(WindTurbineSpec)
ZEROPARK_INSTANTIATE_TABLE(HeatBusSpec)
ZEROPARK_INSTANTIATE_TABLE(HeatPumpSpec)
ZEROPARK_INSTANTIATE_TABLE(ThermalStorageSpec)
ZEROPARK_INSTANTIATE_TABLE(GreenSpaceSpec)
ZEROPARK_INSTANTIATE_TABLE(BuildingSpec)
ZEROPARK_INSTANTIATE_TABLE(DataCentreSpec)
ZEROPARK_INSTANTIATE_TABLE(EvChargerSpec)
ZEROPARK_INSTANTIATE_TABLE(PvtSpec)
ZEROPARK_INSTANTIATE_TABLE(H2TankSpec)
ZEROPARK_INSTANTIATE_TABLE(ElectrolyserSpec)
ZEROPARK_INSTANTIATE_TABLE(FuelCellSpec)
ZEROPARK_INSTANTIATE_TABLE(H2DemandSpec)
ZEROPARK_INSTANTIATE_TABLE(TariffSpec)
ZEROPARK_INSTANTIATE_TABLE(TariffSeasonSpec)
ZEROPARK_INSTANTIATE_TABLE(TariffPeriodSpec)
ZEROPARK_INSTANTIATE_TABLE(OutageSpec)
ZEROPARK_INSTANTIATE_TABLE(LocalControllerSpec)
ZEROPARK_INSTANTIATE_TABLE(NetworkSpec)
ZEROPARK_INSTANTIATE_TABLE(NetworkGatewaySpec)
ZEROPARK_INSTANTIATE_TABLE(NetworkLinkSpec)
ZEROPARK_INSTANTIATE_TABLE(EmissionFactorRefSpec)
ZEROPARK_INSTANTIATE_TABLE(CarbonLedgerSpec)
ZEROPARK_INSTANTIATE_TABLE(RecyclableSpec)
ZEROPARK_INSTANTIATE_TABLE(CarbonOffsetSpec)
ZEROPARK_INSTANTIATE_TABLE(CarbonAccountSpec)
ZEROPARK_INSTANTIATE_TABLE(EconomicsSpec)
ZEROPARK_INSTANTIATE_TABLE(AssetCostSpec)

}  // namespace zeropark

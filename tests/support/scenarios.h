// Small scenarios for tests, built as YAML text so tests go through the real reader.
#pragma once

#include <string>

namespace zeropark::testing {

inline std::string shanghai_epw() {
  return std::string(ZEROPARK_ASSETS_DIR) + "/weather/CHN_Shanghai.Shanghai.583620_CSWD.epw";
}

// One bus, a constant 100 kW load and the grid; `extra` is appended at the top level and
// `simulation_extra` inside the simulation section (both as YAML lines).
inline std::string minimal_scenario(const std::string& extra = "", const std::string& simulation_extra = "") {
  return "name: minimal\n"
         "simulation:\n"
         "  weather: " + shanghai_epw() + "\n" + simulation_extra +
         "buses:\n"
         "  - name: main\n"
         "loads:\n"
         "  - name: office\n"
         "    bus: main\n"
         "    profile: constant\n"
         "    peak_kw: 100\n"
         "grid:\n"
         "  bus: main\n" + extra;
}

}  // namespace zeropark::testing

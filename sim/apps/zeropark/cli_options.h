// What the CLI's commands share: exit codes, usage errors, option values and the overrides of
// the scenario's simulation section.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "zeropark/run.h"

namespace zeropark::cli {

inline constexpr int kExitUsage = 2;
inline constexpr int kExitBadInput = 3;
inline constexpr int kExitRunFailed = 4;
inline constexpr int kExitInterrupted = 130;  // the shell's convention for SIGINT

struct UsageError {
  std::string message;
};

template <class T>
T parse_integer(std::string_view option, std::string_view text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    throw UsageError{std::string(option) + " expects a whole number, got '" + std::string(text) + "'"};
  return value;
}

// Reads one of the options every simulating command takes (--start, --end, --seed, --resolution,
// --controller) at args[i], taking its value; false when args[i] is not one of them.
bool parse_override(const std::vector<std::string>& args, std::size_t& i, RunOverrides& overrides);

// Takes `arg` as the command's one scenario; an unknown option or a second scenario is a UsageError.
void take_scenario(const std::string& arg, std::string& scenario);

// When a bad value came from the command line rather than the file, say so.
inline const char* overriding_option(const RunOverrides& o, const std::string& field) {
  if (field == "simulation.start" && o.start_iso) return " (the value given by --start)";
  if (field == "simulation.end" && o.end_iso) return " (the value given by --end)";
  if (field == "simulation.resolution_s" && o.resolution_s) return " (the value given by --resolution)";
  if ((field == "simulation.controller" || field == "simulation.controller_plugin") && o.controller)
    return " (the value given by --controller)";
  return "";
}

}  // namespace zeropark::cli

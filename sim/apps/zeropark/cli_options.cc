#include "cli_options.h"

namespace zeropark::cli {

bool parse_override(const std::vector<std::string>& args, std::size_t& i, RunOverrides& overrides) {
  const std::string& a = args[i];
  const auto value = [&]() -> const std::string& {
    if (i + 1 >= args.size()) throw UsageError{a + " needs a value"};
    return args[++i];
  };
  if (a == "--start") {
    overrides.start_iso = value();
  } else if (a == "--end") {
    overrides.end_iso = value();
  } else if (a == "--seed") {
    overrides.seed = parse_integer<std::uint64_t>(a, value());
    // Seeds travel through the scenario's number type, exact up to 2^53.
    if (*overrides.seed > (std::uint64_t{1} << 53)) throw UsageError{"--seed must be at most 2^53 = 9007199254740992"};
  } else if (a == "--resolution") {
    overrides.resolution_s = parse_integer<Tick>(a, value());  // range: compile_park
  } else if (a == "--controller") {
    overrides.controller = value();
  } else {
    return false;
  }
  return true;
}

void take_scenario(const std::string& arg, std::string& scenario) {
  if (!arg.empty() && arg[0] == '-') throw UsageError{"unknown option '" + arg + "'"};
  if (!scenario.empty()) throw UsageError{"more than one scenario given ('" + scenario + "' and '" + arg + "')"};
  scenario = arg;
}

}  // namespace zeropark::cli

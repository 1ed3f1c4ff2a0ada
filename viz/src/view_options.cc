// Parsing zeropark-view's arguments (see view_options.h).
#include "view_options.h"

#include <cmath>
#include <optional>
#include <stdexcept>

namespace zeropark::view {

const char* view_usage() {
  return "usage: zeropark-view SCENARIO.yaml [--frames N] [--screenshot FILE.png] [--speed S] [--help]\n"
         "\n"
         "The live view of a park: its graph with the powers now, time series, KPIs, clock controls\n"
         "and what-if forks.\n"
         "\n"
         "  --frames N           render N frames, then exit (for tests and screenshots)\n"
         "  --screenshot FILE    write the last frame as PNG and print what was drawn\n"
         "  --speed S            simulated seconds per wall-clock second (default 21600, 6 h/s);\n"
         "                       0 runs as fast as possible\n"
         "  --help               this text\n"
         "\n"
         "Exit codes: 0 ok, 2 bad command line, 3 bad scenario or no display / OpenGL 3.3,\n"
         "4 the screenshot could not be written.\n";
}

namespace {

// The number `convert` reads from all of `text`; none when it cannot or leaves characters over.
template <class Convert>
std::optional<double> whole_number(const std::string& text, Convert convert) {
  std::size_t used = 0;
  try {
    const double value = convert(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace

ViewOptions parse_view_options(int argc, char** argv) {
  ViewOptions options;
  const auto value = [&](int& i) -> std::string {
    if (i + 1 >= argc) throw std::invalid_argument(std::string(argv[i]) + " needs a value");
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg == "--frames") {
      const std::string text = value(i);
      const std::optional<double> frames =
          whole_number(text, [](const std::string& t, std::size_t* used) { return std::stoi(t, used); });
      if (!frames || *frames < 1) throw std::invalid_argument("--frames needs a count ≥ 1, got '" + text + "'");
      options.frames = static_cast<int>(*frames);
    } else if (arg == "--screenshot") {
      options.screenshot = value(i);
    } else if (arg == "--speed") {
      const std::string text = value(i);
      const std::optional<double> speed =
          whole_number(text, [](const std::string& t, std::size_t* used) { return std::stod(t, used); });
      if (!speed || !std::isfinite(*speed) || *speed < 0)
        throw std::invalid_argument("--speed needs seconds per second ≥ 0, got '" + text + "'");
      options.speed = *speed;
    } else if (!arg.empty() && arg[0] == '-') {
      throw std::invalid_argument("unknown option '" + arg + "'");
    } else if (options.scenario.empty()) {
      options.scenario = arg;
    } else {
      throw std::invalid_argument("only one scenario, got '" + options.scenario + "' and '" + arg + "'");
    }
  }
  if (!options.help && options.scenario.empty()) throw std::invalid_argument("no scenario given");
  return options;
}

}  // namespace zeropark::view

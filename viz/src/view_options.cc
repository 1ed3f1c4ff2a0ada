// Parsing zeropark-view's arguments (see view_options.h).
#include "view_options.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include "zeropark/controller.h"

namespace zeropark::view {

const char* view_usage() {
  return "usage: zeropark-view SCENARIO.yaml [--frames N] [--screenshot FILE.png] [--speed S]\n"
         "                     [--what-if EDIT[@K] [--save-fork FILE.yaml]] [--help]\n"
         "       zeropark-view TRACE.h5 [--frames N] [--screenshot FILE.png] [--speed S]\n"
         "\n"
         "The live view of a park: its graph with the powers now, time series, KPIs, clock controls\n"
         "and what-if forks.\n"
         "\n"
         "Given an HDF5 trace written by `zeropark run` (recognised by the file's HDF5 signature, not\n"
         "its name), it replays the recorded rows without simulating: the same panels, a clock that\n"
         "can also go back to any date, KPIs recomputed from the rows (the trace's /kpis at the end),\n"
         "and no what-if forks. The scenario's input files must still be where the run read them\n"
         "(its layout is rebuilt from the scenario text stored in the trace).\n"
         "\n"
         "  --frames N           render N frames, then exit (for tests and screenshots)\n"
         "  --screenshot FILE    write the last frame as PNG and print what was drawn\n"
         "  --speed S            simulated seconds per wall-clock second (default 21600, 6 h/s);\n"
         "                       0 runs (or replays) as fast as possible\n"
         "  --what-if EDIT[@K]   fork the run after K frames (default 0) with EDIT, a comma-separated\n"
         "                       list of battery_capacity=X, battery_power=X, pv=X, prices=X (scales > 0)\n"
         "                       and controller=NAME; e.g. --what-if battery_capacity=2@30\n"
         "  --save-fork FILE     with --what-if: write the fork as a scenario (the original's text with\n"
         "                       EDIT applied from the start, input paths made absolute, name + _fork);\n"
         "                       without --frames, exit once it is written\n"
         "  --help               this text\n"
         "\n"
         "Exit codes: 0 ok, 2 bad command line, 3 bad scenario or trace, or no display / OpenGL 3.3,\n"
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

double positive_scale(const std::string& key, const std::string& text) {
  const std::optional<double> scale =
      whole_number(text, [](const std::string& t, std::size_t* used) { return std::stod(t, used); });
  if (!scale || !std::isfinite(*scale) || *scale <= 0)
    throw std::invalid_argument("--what-if " + key + " needs a scale > 0, got '" + text + "'");
  return *scale;
}

}  // namespace

std::pair<WhatIfEdit, int> parse_what_if(const std::string& text) {
  WhatIfEdit edit;
  int frame = 0;
  std::string edits = text;
  if (const std::size_t at = text.rfind('@'); at != std::string::npos) {
    edits = text.substr(0, at);
    const std::string k = text.substr(at + 1);
    const std::optional<double> value =
        whole_number(k, [](const std::string& t, std::size_t* used) { return std::stoi(t, used); });
    if (!value || *value < 0)
      throw std::invalid_argument("--what-if needs @K with a frame count >= 0, got '@" + k + "'");
    frame = static_cast<int>(*value);
  }
  if (edits.empty()) throw std::invalid_argument("--what-if needs an edit, e.g. battery_capacity=2@30");
  std::size_t begin = 0;
  while (begin <= edits.size()) {
    const std::size_t end = std::min(edits.find(',', begin), edits.size());
    const std::string part = edits.substr(begin, end - begin);
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == part.size())
      throw std::invalid_argument("--what-if needs KEY=VALUE, got '" + part + "'");
    const std::string key = part.substr(0, eq), val = part.substr(eq + 1);
    if (key == "battery_capacity") {
      edit.battery_capacity_scale = positive_scale(key, val);
    } else if (key == "battery_power") {
      edit.battery_power_scale = positive_scale(key, val);
    } else if (key == "pv") {
      edit.pv_scale = positive_scale(key, val);
    } else if (key == "prices") {
      edit.tariff_scale = positive_scale(key, val);
    } else if (key == "controller") {
      if (!make_controller(val)) {
        std::string known;
        for (std::string_view name : controller_names()) known += (known.empty() ? "" : ", ") + std::string(name);
        throw std::invalid_argument("--what-if: no controller named '" + val + "' (known: " + known + ")");
      }
      edit.controller = val;
    } else {
      throw std::invalid_argument("--what-if: unknown key '" + key +
                                  "' (battery_capacity, battery_power, pv, prices or controller)");
    }
    begin = end + 1;
  }
  return {edit, frame};
}

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
    } else if (arg == "--what-if") {
      std::tie(options.what_if.emplace(), options.what_if_frame) = parse_what_if(value(i));
    } else if (arg == "--save-fork") {
      options.save_fork = value(i);
      if (options.save_fork.empty()) throw std::invalid_argument("--save-fork needs a file name");
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
      throw std::invalid_argument("only one scenario or trace, got '" + options.scenario + "' and '" + arg + "'");
    }
  }
  if (!options.help && options.scenario.empty()) throw std::invalid_argument("no scenario or trace given");
  if (!options.save_fork.empty() && !options.what_if)
    throw std::invalid_argument("--save-fork needs --what-if EDIT: the edit the saved scenario applies");
  return options;
}

}  // namespace zeropark::view

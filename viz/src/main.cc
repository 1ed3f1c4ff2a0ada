// zeropark-view: the live view of a park. Loads a scenario, runs it on a simulation thread
// (SimulationRunner) and draws its latest snapshot every frame with Dear ImGui: the park graph,
// time series, KPIs with the Shimen platform summary, clock controls and what-if forks. Given an
// HDF5 trace instead (told by the file's signature), it replays the recorded rows through the same
// panels (ReplayPlayer), without simulating.
//
// Exit codes: 0 ok, 2 bad command line, 3 bad scenario or trace, no display or no OpenGL 3.3 (a
// clear message on stderr, never a crash), 4 a screenshot that could not be written.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "controls_panel.h"
#include "fork_scenario.h"
#include "gl_window.h"
#include "graph_panel.h"
#include "kpi_panel.h"
#include "layout.h"
#include "replay_player.h"
#include "screenshot.h"
#include "series_panel.h"
#include "simulation_runner.h"
#include "view_options.h"
#include "zeropark/controller.h"
#include "zeropark/error.h"
#include "zeropark/spec.h"

using namespace zeropark;
using namespace zeropark::view;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

constexpr ImGuiWindowFlags kTile = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;

// The dashboard's tiles, recomputed from the display size every frame so a resize reflows them.
void place(float x, float y, float w, float h) {
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
}

struct Frame {
  GraphDrawn drawn;
};

Frame draw_frame(const ParkModel& model, const ParkLayout& layout, const ViewSnapshot& snap, ViewDriver& runner,
                 SeriesPanelState& series, ControlsState& controls, double time_s, float fps) {
  Frame frame;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float left = display.x * 0.6f, right = display.x - left;
  const float graph_h = display.y * 0.58f, clock_h = 172, what_if_h = 186;

  place(0, 0, left, graph_h);
  const std::string title = (snap.replay ? "Replay: " : "Park: ") + model.name + "###park";
  ImGui::Begin(title.c_str(), nullptr, kTile);
  frame.drawn = draw_park_graph(layout, snap, time_s);
  ImGui::End();

  place(0, graph_h, left, display.y - graph_h);
  ImGui::Begin("Time series", nullptr, kTile);
  draw_series_panel(snap, series);
  ImGui::End();

  place(left, 0, right, clock_h);
  ImGui::Begin("Clock", nullptr, kTile);
  draw_clock_panel(snap, runner, controls, fps);
  ImGui::End();

  place(left, clock_h, right, display.y - clock_h - what_if_h);
  ImGui::Begin("KPIs so far", nullptr, kTile);
  draw_kpi_panel(snap);
  ImGui::End();

  place(left, display.y - what_if_h, right, what_if_h);
  ImGui::Begin("What-if", nullptr, kTile);
  draw_what_if_panel(snap, runner, controls);
  ImGui::End();
  return frame;
}

}  // namespace

int main(int argc, char** argv) {
  ViewOptions options;
  try {
    options = parse_view_options(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zeropark-view: %s\n%s", e.what(), view_usage());
    return 2;
  }
  if (options.help) {
    std::fputs(view_usage(), stdout);
    return 0;
  }

  std::shared_ptr<const ParkModel> model;
  std::shared_ptr<const TraceReplay> trace;
  try {
    // By content, not by name; a missing file named like a trace gets the trace's message.
    const std::filesystem::path input(options.scenario);
    const bool missing_trace =
        !std::filesystem::exists(input) && (input.extension() == ".h5" || input.extension() == ".hdf5");
    if (has_hdf5_signature(input) || missing_trace) {
      trace = std::make_shared<const TraceReplay>(options.scenario);
      model = trace->model();
    } else {
      model = std::make_shared<const ParkModel>(compile_park(read_scenario_file(options.scenario)));
    }
  } catch (const TraceError& e) {
    std::fprintf(stderr, "zeropark-view: %s\n", e.what());
    return 3;
  } catch (const InputError& e) {
    std::fprintf(stderr, "zeropark-view: %s\n", e.what());
    return 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zeropark-view: cannot load %s: %s\n", options.scenario.c_str(), e.what());
    return 3;
  }
  if (trace && options.what_if) {
    std::fprintf(stderr, "zeropark-view: --what-if is not available when replaying a trace (%s): open its scenario\n",
                 options.scenario.c_str());
    return 2;
  }
  if (!options.save_fork.empty()) {
    // Headless: the file does not depend on when the fork is drawn, so it is written before any
    // window is needed.
    // (A trace with --what-if, which --save-fork needs, was refused above.)
    try {
      save_fork_scenario(*model, *options.what_if, options.save_fork);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "zeropark-view: --save-fork: %s\n", e.what());
      return 2;
    }
    std::printf("zeropark-view: saved the fork (%s) as %s\n", options.what_if->label().c_str(),
                options.save_fork.c_str());
    if (options.frames < 0) return 0;
  }
  for (const std::string& warning : model->warnings)
    std::fprintf(stderr, "zeropark-view: warning: %s\n", warning.c_str());
  // The view steps the park itself (zeropark/session.h), without SimGrid: no network to cross.
  if (model->network.modelled && !trace)
    std::fprintf(stderr,
                 "zeropark-view: note: the scenario's control network is shown as ideal (no delays, no "
                 "lost messages); `zeropark run` simulates it\n");

  std::string error;
  const std::string window_title =
      "zeropark-view: " + model->name + (trace ? " (replay of " + options.scenario + ")" : "");
  std::unique_ptr<GlWindow> window = GlWindow::open(1280, 800, window_title.c_str(), error);
  if (!window) {
    std::fprintf(stderr, "zeropark-view: %s\n", error.c_str());
    return 3;
  }

  const ParkLayout layout = layout_park(*model);
  RunnerOptions runner_options;
  runner_options.speed = options.speed;
  // A live run simulates on its own thread; a replay reads rows already in memory.
  std::unique_ptr<ViewDriver> driver;
  if (trace) {
    driver = std::make_unique<ReplayPlayer>(trace, runner_options);
  } else {
    auto runner = std::make_unique<SimulationRunner>(model, runner_options);
    runner->start();
    driver = std::move(runner);
  }
  ViewDriver& runner = *driver;

  SeriesPanelState series;
  ControlsState controls;
  controls.flat_out = options.speed <= 0;
  if (options.speed > 0) controls.speed_hours_per_s = static_cast<float>(options.speed / 3600.0);
  if (options.what_if) {  // the What-if tile shows the command line's edit
    controls.battery_capacity_scale = static_cast<float>(options.what_if->battery_capacity_scale);
    controls.battery_power_scale = static_cast<float>(options.what_if->battery_power_scale);
    controls.pv_scale = static_cast<float>(options.what_if->pv_scale);
    controls.tariff_scale = static_cast<float>(options.what_if->tariff_scale);
    const std::vector<std::string_view> names = controller_names();
    const auto named = std::find(names.begin(), names.end(), options.what_if->controller);
    if (named != names.end()) controls.controller = 1 + static_cast<int>(named - names.begin());  // 0: the scenario's
  }

  const auto started = std::chrono::steady_clock::now();
  int frames = 0;
  Frame last;
  std::optional<double> sim_done_s;  // when the run reached its end, for the events/s measured
  std::shared_ptr<const ViewSnapshot> snap;
  int exit_code = 0;
  while (!window->should_close() && (options.frames < 0 || frames < options.frames)) {
    // --what-if: the fork a screenshot shows, applied like the panel's Apply (queued, never waited on).
    if (options.what_if && frames == options.what_if_frame) {
      runner.apply_edit(*options.what_if);
    }
    runner.on_frame();
    snap = runner.snapshot();
    if (snap->done && !sim_done_s) sim_done_s = seconds_since(started);
    window->begin_frame();
    const double time_s = seconds_since(started);
    last = draw_frame(*model, layout, *snap, runner, series, controls, time_s, ImGui::GetIO().Framerate);
    window->render();
    ++frames;
    const bool final_frame = options.frames > 0 && frames == options.frames;
    if (final_frame && !options.screenshot.empty()) {
      if (write_screenshot(options.screenshot, window->framebuffer_width(), window->framebuffer_height(), error)) {
        std::printf("zeropark-view: drew %d components, %d lines at tick %lld\n", last.drawn.components,
                    last.drawn.lines, static_cast<long long>(snap->tick));
      } else {
        std::fprintf(stderr, "zeropark-view: %s\n", error.c_str());
        exit_code = 4;
      }
    }
    window->present();
  }
  const double wall_s = seconds_since(started);
  const auto final_snap = runner.snapshot();
  driver.reset();  // a runner stops and joins its thread
  // Measured while rendering: frames per second of this loop, and the simulation thread's mean
  // rate over the time it was running (up to the run's end when it got there).
  if (options.frames > 0 && trace)
    std::fprintf(stderr, "zeropark-view: %d frames in %.2f s (%.1f fps); replay %llu of %zu rows%s\n", frames, wall_s,
                 frames / std::max(wall_s, 1e-9), static_cast<unsigned long long>(final_snap->events), trace->rows(),
                 final_snap->done ? " (trace complete)" : "");
  else if (options.frames > 0)
    std::fprintf(stderr, "zeropark-view: %d frames in %.2f s (%.1f fps); simulation %llu events at %.0f events/s%s\n",
                 frames, wall_s, frames / std::max(wall_s, 1e-9), static_cast<unsigned long long>(final_snap->events),
                 static_cast<double>(final_snap->events) / std::max(sim_done_s.value_or(wall_s), 1e-9),
                 sim_done_s ? " (run complete)" : "");
  return exit_code;
}

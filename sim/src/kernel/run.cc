// The kernel's SimGrid side. Each park is a pair of actors on one host: the plant actor steps the
// physics from event to event in its own loop and only yields to SimGrid at decision instants,
// where it sends an observation to the controller actor's mailbox and waits for the command
// (shared/DESIGN.md: an actor switch costs ~0.6 µs, a device step ~8 ns, so switches happen per
// decision, never per device). The baseline park runs as a second actor pair in the same engine.
// Mailbox transfers are zero-sized on one host, so they take no simulated time; a later network
// model only has to place the actors on different hosts.
#include <xbt/log.h>
#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <stdexcept>

#include "kernel/control_network.h"
#include "kernel/plant.h"
#include "zeropark/run.h"

namespace sg4 = simgrid::s4u;

namespace zeropark {
namespace {

// The one message the plant and controller actors exchange, both ways: the plant fills the
// observation, the controller the command. Every request gets exactly one reply, even when the
// controller fails, so neither actor can be left waiting (SimGrid would abort on the deadlock).
struct DecisionRequest {
  bool stop = false;               // the plant is done (SimGrid mailboxes refuse null payloads)
  bool controller_failed = false;  // the controller threw; its error is in ParkRun::error
  Observation observation;
  std::span<double> memory;
  Command command;
};

// One park running in the engine: its state, its sinks and the first error its actors met.
struct ParkRun {
  const ParkModel* model = nullptr;
  ParkState state;
  // Lives here, not on the plant actor's stack: the plant's last message (stop) is read after
  // the plant actor has ended.
  DecisionRequest request;
  TraceFanout sinks;
  KpiAccumulator kpis;
  std::exception_ptr error;
  std::unique_ptr<ControlNetwork> network;  // null: an ideal network (messages take no time)
  std::vector<ControllerStatistic> controller_statistics;
  bool finished = false;
  std::string name;
};

// Set by the signal handler, read by the plant actors. A signal handler can only reach a
// lock-free atomic of static storage, hence the one global of the kernel.
std::atomic<bool> g_stop_requested{false};

extern "C" void request_stop(int) { g_stop_requested.store(true); }

// Installs request_stop for SIGINT and SIGTERM while alive, then restores what was there.
class StopOnSignal {
 public:
  explicit StopOnSignal(bool enabled) : enabled_(enabled) {
    if (!enabled_) return;
    g_stop_requested.store(false);
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
  }
  ~StopOnSignal() {
    if (!enabled_) return;
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  bool enabled_;
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

void plant_actor(ParkRun& run, const RunOptions* options, double clock_origin_s) {
  sg4::Mailbox* to_controller = sg4::Mailbox::by_name(run.name + "/controller");
  sg4::Mailbox* to_plant = sg4::Mailbox::by_name(run.name + "/plant");
  DecisionRequest& request = run.request;
  try {
    const auto wall_start = std::chrono::steady_clock::now();
    double last_report_s = -1;
    Plant plant(*run.model, run.state, run.sinks);
    plant.begin();
    while (!plant.done()) {
      const Observation measured = plant.observe();
      // Over a modelled network the controller sees what has reached it, some time later.
      request.observation = run.network ? run.network->measure(measured, run.state) : measured;
      request.memory = run.state.controller_memory;
      to_controller->put(&request, 0);
      to_plant->get<Command>();
      if (request.controller_failed) break;  // the controller's error ends the run
      const Tick next_decision = std::min(run.state.tick + run.model->decision_interval_s, run.model->end_tick);
      run.state.next_decision_tick = next_decision;
      if (run.network) {
        run.network->dispatch(request.command, plant, run.state, next_decision);
      } else {
        plant.apply(request.command);
        plant.advance_to(next_decision);
      }
      sg4::this_actor::sleep_until(clock_origin_s + static_cast<double>(run.state.tick));
      if (g_stop_requested.load()) throw RunInterrupted(run.state.tick);
      if (options && options->on_progress) {
        const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
        if (wall_s - last_report_s >= options->progress_interval_s || plant.done()) {
          options->on_progress({run.state.tick, run.model->end_tick, run.state.events, wall_s});
          last_report_s = wall_s;
        }
      }
    }
    if (!request.controller_failed) {
      plant.finish();
      run.finished = true;
    }
  } catch (const simgrid::ForcefulKillException&) {
    throw;  // SimGrid is tearing the actor down: it must not survive
  } catch (...) {
    run.error = std::current_exception();
  }
  request.stop = true;
  to_controller->put(&request, 0);
}

void controller_actor(ParkRun& run) {
  sg4::Mailbox* to_controller = sg4::Mailbox::by_name(run.name + "/controller");
  sg4::Mailbox* to_plant = sg4::Mailbox::by_name(run.name + "/plant");
  std::unique_ptr<Controller> controller;
  std::exception_ptr failure;
  try {
    controller = make_park_controller(*run.model);
  } catch (...) {
    failure = std::current_exception();
  }
  for (auto* request = to_controller->get<DecisionRequest>(); !request->stop;
       request = to_controller->get<DecisionRequest>()) {
    if (!failure) {
      try {
        controller->decide(*run.model, request->observation, request->memory, request->command);
      } catch (...) {
        failure = std::current_exception();
      }
    }
    request->controller_failed = failure != nullptr;
    to_plant->put(&request->command, 0);
  }
  if (failure && !run.error) run.error = failure;
  if (controller) run.controller_statistics = controller->statistics();
}

// SimGrid's default network model is calibrated TCP (a 10 ms link takes 130 ms; shared/DESIGN.md).
// These settings make a link mean what the scenario says: T = Σ latency + size / min bandwidth.
// The model can be chosen once per process only (a second choice aborts), so the first engine
// sets it for all; the factors are set again for each.
void exact_network_model() {
  static bool model_chosen = false;
  if (!model_chosen) sg4::Engine::set_config("network/model:CM02");
  model_chosen = true;
  for (const char* setting : {"network/latency-factor:1", "network/bandwidth-factor:1", "network/weight-S:0",
                              "network/TCP-gamma:0", "network/crosstraffic:0"})
    sg4::Engine::set_config(setting);
}

void quiet_simgrid() {
  // SimGrid logs every configuration change at INFO level; a user wants ZeroPark's output only.
  // ZEROPARK_SIMGRID_LOG (e.g. "root.thresh:info") shows SimGrid's own log when debugging.
  xbt_log_control_set(getenv("ZEROPARK_SIMGRID_LOG") ? getenv("ZEROPARK_SIMGRID_LOG") : "root.thresh:critical");
}

}  // namespace

RunResult run_park(const ParkModel& model, TraceSink* trace, const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  quiet_simgrid();
  int argc = 1;
  char program[] = "zeropark";
  char* argv[] = {program, nullptr};
  sg4::Engine engine(&argc, argv);
  const StopOnSignal stop_on_signal(options.stop_on_signal);  // after the engine, which sets its own
  exact_network_model();
  // The controller's host; plant and controller actors live on it, so their own messages take no
  // time. A modelled network adds its endpoints around it (a star: each host's route is its own
  // link list, so device → gateway → ems).
  sg4::NetZone* zone = sg4::create_star_zone("park");
  sg4::Host* host = zone->create_host("ems", 1e9);
  zone->add_route(host->get_netpoint(), nullptr, nullptr, nullptr, {}, true);
  // Messages between the host's own actors (zero bytes) cross a zero-latency loopback: no time.
  sg4::Link* loopback = zone->create_link("ems-loopback", 1e12)->set_latency(0)->seal();
  zone->add_route(host->get_netpoint(), host->get_netpoint(), nullptr, nullptr, {sg4::LinkInRoute(loopback)}, false);
  // Engines created one after another in a process share the clock: count from where it is.
  const double clock_origin_s = sg4::Engine::get_clock();

  const ParkModel baseline_model = options.with_baseline ? baseline_of(model) : ParkModel{};
  std::vector<std::unique_ptr<ParkRun>> runs;
  const auto add_run = [&](const ParkModel& m, const std::string& name, TraceSink* extra) {
    auto run = std::make_unique<ParkRun>();
    run->model = &m;
    run->name = name;
    run->state = initial_state(m);
    run->sinks.add(&run->kpis);
    if (extra) run->sinks.add(extra);
    runs.push_back(std::move(run));
  };
  add_run(model, "park", trace);
  if (options.with_baseline) add_run(baseline_model, "baseline", nullptr);
  for (const auto& run : runs)
    if (run->model->network.modelled)
      run->network = std::make_unique<ControlNetwork>(*run->model, zone, host, run->name, clock_origin_s);
  zone->seal();

  for (std::size_t i = 0; i < runs.size(); ++i) {
    ParkRun& run = *runs[i];
    const RunOptions* progress = i == 0 ? &options : nullptr;
    sg4::Actor::create(run.name + "-plant", host,
                       [&run, progress, clock_origin_s] { plant_actor(run, progress, clock_origin_s); });
    sg4::Actor::create(run.name + "-controller", host, [&run] { controller_actor(run); });
  }
  engine.run();

  for (const auto& run : runs) {
    if (run->error) std::rethrow_exception(run->error);
    if (!run->finished) throw std::runtime_error("simulation of '" + run->name + "' stopped before its end (deadlock)");
  }
  RunResult result;
  result.final_state = runs[0]->state;
  result.kpis = runs[0]->kpis.table();
  result.events = runs[0]->state.events;
  result.controller_statistics = runs[0]->controller_statistics;
  if (options.with_baseline) {
    result.baseline_kpis = runs[1]->kpis.table();
    add_baseline_comparison(result.kpis, result.baseline_kpis);
  }
  // A non-finite KPI means something upstream went wrong; never present it as a result.
  for (const Kpi& k : result.kpis)
    if (!std::isfinite(k.value))
      throw std::runtime_error("KPI '" + k.key + "' is not finite (" + std::to_string(k.value) + ")");
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return result;
}

void apply_overrides(ParkSpec& spec, const RunOverrides& o) {
  if (o.start_iso) spec.simulation.start_iso = *o.start_iso;
  if (o.end_iso) spec.simulation.end_iso = *o.end_iso;
  if (o.seed) spec.simulation.seed = static_cast<double>(*o.seed);
  if (o.resolution_s) spec.simulation.resolution_s = static_cast<double>(*o.resolution_s);
  if (o.controller) {
    const std::string& c = *o.controller;
    const bool plugin = c.find('/') != std::string::npos || (c.size() > 3 && c.compare(c.size() - 3, 3, ".so") == 0);
    // A path from the command line is the user's own: relative to where they are, not the scenario.
    spec.simulation.controller_plugin = plugin ? std::filesystem::absolute(c).string() : "";
    spec.simulation.controller = plugin ? "" : c;
    spec.simulation.key_at.erase("controller");
  }
}

}  // namespace zeropark

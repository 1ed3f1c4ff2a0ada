// Reading a ZeroPark trace back for the view (see trace_replay.h). Plain HDF5 C API, no engine
// code on the reading side except the scenario compiler the layout needs.
#include "trace_replay.h"

#include <hdf5.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <optional>
#include <type_traits>

#include "civil_clock.h"
#include "layout.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

namespace zeropark::view {

static_assert(std::is_same_v<hid_t, std::int64_t>, "trace_replay.h passes HDF5 handles as int64");

namespace {

// Closes an HDF5 handle at scope exit.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

// HDF5 prints its own error stack on every failed call; this reader reports its own messages.
class QuietHdf5 {
 public:
  QuietHdf5() {
    H5Eget_auto2(H5E_DEFAULT, &function_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietHdf5() { H5Eset_auto2(H5E_DEFAULT, function_, data_); }

 private:
  H5E_auto2_t function_ = nullptr;
  void* data_ = nullptr;
};

// Whether every link along `path` ("a/b/c") exists (H5Lexists needs each parent to exist).
bool exists(hid_t file, const std::string& path) {
  std::size_t end = 0;
  while (end != std::string::npos) {
    end = path.find('/', end + 1);
    if (H5Lexists(file, path.substr(0, end).c_str(), H5P_DEFAULT) <= 0) return false;
  }
  return true;
}

std::string read_variable_string(hid_t object, hid_t type, bool attribute) {
  Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(memory.get(), H5T_VARIABLE);
  H5Tset_cset(memory.get(), H5Tget_cset(type));
  char* text = nullptr;
  const herr_t status = attribute ? H5Aread(object, memory.get(), &text)
                                  : H5Dread(object, memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &text);
  std::string out = status >= 0 && text ? text : "";
  if (text) H5free_memory(text);
  return out;
}

std::optional<std::string> string_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) <= 0) return std::nullopt;
  Handle attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  Handle type(H5Aget_type(attribute.get()), H5Tclose);
  if (!type.ok() || H5Tget_class(type.get()) != H5T_STRING) return std::nullopt;
  if (H5Tis_variable_str(type.get()) > 0) return read_variable_string(attribute.get(), type.get(), true);
  std::string text(H5Tget_size(type.get()), '\0');
  Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(memory.get(), text.size());
  if (H5Aread(attribute.get(), memory.get(), text.data()) < 0) return std::nullopt;
  return text.substr(0, text.find('\0'));
}

std::optional<std::int64_t> integer_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) <= 0) return std::nullopt;
  Handle attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  Handle type(H5Aget_type(attribute.get()), H5Tclose);
  if (!type.ok() || H5Tget_class(type.get()) != H5T_INTEGER) return std::nullopt;
  std::int64_t value = 0;
  if (H5Aread(attribute.get(), H5T_NATIVE_INT64, &value) < 0) return std::nullopt;
  return value;
}

// A 1-D dataset of `count` values (any stored width, converted by HDF5); none when it is not one.
template <class T>
std::optional<std::vector<T>> read_vector(hid_t file, const std::string& path, hid_t memory_type) {
  Handle dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.ok()) return std::nullopt;
  Handle space(H5Dget_space(dataset.get()), H5Sclose);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) return std::nullopt;
  std::vector<T> values(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get())));
  if (!values.empty() && H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
    return std::nullopt;
  return values;
}

std::optional<std::string> read_text(hid_t file, const std::string& path) {
  Handle dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.ok()) return std::nullopt;
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  if (H5Tget_class(type.get()) != H5T_STRING || H5Tis_variable_str(type.get()) <= 0) return std::nullopt;
  return read_variable_string(dataset.get(), type.get(), false);
}

double energy_kwh(double power_kw, double duration_s) { return power_kw * duration_s / 3600.0; }

}  // namespace

bool has_hdf5_signature(const std::filesystem::path& path) {
  static constexpr std::array<char, 8> kSignature = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
  std::array<char, 8> head{};
  std::ifstream in(path, std::ios::binary);
  return in.read(head.data(), head.size()) && head == kSignature;
}

// Row readings for the shared snapshot and series code: powers of one row, stores of another.
class TraceReplay::RowReadings final : public ParkReadings {
 public:
  RowReadings(const TraceReplay& trace, std::size_t power_row, std::size_t store_row)
      : t_(trace), p_(power_row), s_(store_row) {}
  ComponentReading vertex(const TopologyVertex& v) const override {
    const VertexColumns& c = t_.vertex_[t_.vertex_index_.at({static_cast<int>(v.kind), v.index})];
    ComponentReading r{0, vertex_unit(v.kind), -1};
    if (c.power) r.power = c.sign * ((*c.power)[p_] + (c.power_2 ? (*c.power_2)[p_] : 0.0));
    // The same ratio the live view takes of the state (readings.cc), so the two agree bit for bit.
    if (c.stored) r.soc = c.capacity > 0 ? std::clamp((*c.stored)[s_] / c.capacity, 0.0, 1.0) : -1.0;
    return r;
  }
  double line_sent_kw(int line) const override { return (*t_.line_sent_kw_[static_cast<std::size_t>(line)])[p_]; }
  double grid_kw() const override { return (*t_.grid_kw_)[p_]; }
  double price_cny_per_kwh() const override { return (*t_.price_)[p_]; }
  double carbon_kg_per_kwh() const override { return (*t_.carbon_)[p_]; }

 private:
  const TraceReplay& t_;
  std::size_t p_, s_;
};

TraceReplay::TraceReplay(const std::filesystem::path& path) : path_(path) {
  const std::string file_name = "'" + path.string() + "'";
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw TraceError("cannot open trace " + file_name + ": no such file");
  if (!has_hdf5_signature(path)) throw TraceError(file_name + " is not an HDF5 file (no HDF5 signature)");
  const QuietHdf5 quiet;
  Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file.ok()) throw TraceError("cannot open " + file_name + " as HDF5 (damaged or truncated?)");

  const std::optional<std::int64_t> complete = integer_attribute(file.get(), "complete");
  if (!complete)
    throw TraceError(file_name + " is not a ZeroPark trace: it has no root attribute 'complete' (see docs/trace.md)");
  if (*complete != 1)
    throw TraceError(file_name + " is an incomplete ZeroPark trace (complete = " + std::to_string(*complete) +
                     "): its run did not finish");
  std::string missing;
  for (const char* dataset : {"time/tick_s", "time/duration_s", "scenario/yaml", "kpis"})
    if (!exists(file.get(), dataset)) missing += (missing.empty() ? "" : ", ") + std::string(dataset);
  if (!string_attribute(file.get(), "scenario_file"))
    missing += (missing.empty() ? "" : ", ") + std::string("the root attribute scenario_file");
  if (!missing.empty()) throw TraceError(file_name + " is not a complete ZeroPark trace: missing " + missing);

  load_model(file.get());
  load_columns(file.get());
  load_kpis(file.get());
  accumulate();
}

void TraceReplay::load_model(std::int64_t file) {
  const std::string file_name = "'" + path_.string() + "'";
  const std::string scenario_file = *string_attribute(file, "scenario_file");
  const std::optional<std::string> text = read_text(file, "scenario/yaml");
  if (!text) throw TraceError(file_name + ": scenario/yaml is not a text dataset");
  const std::filesystem::path scenario_path(scenario_file);
  const std::string folder = scenario_path.has_parent_path() ? scenario_path.parent_path().string() : ".";
  try {
    ParkSpec spec = read_scenario_text(*text, scenario_path);
    // The run may have overridden the scenario's period, seed and resolution on the command line:
    // the root attributes say what it ran. The controller does not change what is drawn.
    RunOverrides run;
    run.start_iso = string_attribute(file, "start_iso");
    run.end_iso = string_attribute(file, "end_iso");
    if (const auto seed = integer_attribute(file, "seed")) run.seed = static_cast<std::uint64_t>(*seed);
    if (const auto resolution = integer_attribute(file, "resolution_s")) run.resolution_s = *resolution;
    apply_overrides(spec, run);
    model_ = std::make_shared<const ParkModel>(compile_park(spec));
  } catch (const std::exception& e) {
    throw TraceError("cannot rebuild the park of " + file_name + " from its scenario text (scenario_file '" +
                     scenario_file + "'; its relative paths are read from '" + folder + "'): " + e.what());
  }
}

const std::vector<double>& TraceReplay::column(const std::string& dataset) {
  auto found = columns_.find(dataset);
  if (found == columns_.end())
    throw TraceError("'" + path_.string() + "' does not match its scenario: missing " + dataset);
  return found->second;
}

void TraceReplay::load_columns(std::int64_t file) {
  const std::string file_name = "'" + path_.string() + "'";
  const ParkModel& m = *model_;
  auto ticks = read_vector<Tick>(file, "time/tick_s", H5T_NATIVE_INT64);
  auto durations = read_vector<double>(file, "time/duration_s", H5T_NATIVE_DOUBLE);
  if (!ticks || !durations || ticks->size() != durations->size())
    throw TraceError(file_name + ": time/tick_s and time/duration_s are not two 1-D datasets of one length");
  if (ticks->empty()) throw TraceError(file_name + " holds no rows");
  tick_s_ = std::move(*ticks);
  duration_s_ = std::move(*durations);

  // Every dataset the view draws, by vertex; read once each.
  const TopologyGraph& g = m.topology;
  std::vector<std::array<std::string, 3>> wanted(boost::num_vertices(g));  // power, second power, stored
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    const TopologyVertex& vx = g[v];
    const std::string c = "components/" + vertex_name(m, vx) + "/";
    std::array<std::string, 3>& w = wanted[v];
    switch (vx.kind) {
      case VertexKind::kBus:
        break;
      case VertexKind::kHeatBus:
        w[0] = "heat_buses/" + vertex_name(m, vx) + "/dumped_kw";
        break;
      case VertexKind::kGrid:
        w[0] = "components/" + m.grid.name + "/power_kw";
        break;
      case VertexKind::kBattery:
        w = {c + "power_kw", "", c + "energy_kwh"};
        break;
      case VertexKind::kThermalStorage:
        w = {c + "thermal_kw", "", c + "energy_kwh"};
        break;
      case VertexKind::kH2Tank:
        w = {c + "net_kg_per_h", "", c + "level_kg"};
        break;
      case VertexKind::kHeatLoad:
        w[0] = c + "thermal_kw";
        break;
      case VertexKind::kBuilding:
        w = {c + "heating_kw", c + "cooling_kw", ""};
        break;
      case VertexKind::kH2Demand:
        w[0] = c + "served_kg_per_h";
        break;
      default:
        w[0] = c + "power_kw";
        break;
    }
  }
  std::vector<std::string> datasets;
  for (const auto& w : wanted)
    for (const std::string& d : w)
      if (!d.empty()) datasets.push_back(d);
  const std::string grid = "components/" + m.grid.name + "/";
  for (const char* channel : {"power_kw", "price_cny_per_kwh", "carbon_kg_per_kwh"}) datasets.push_back(grid + channel);
  for (const LineModel& l : m.lines) datasets.push_back("lines/" + l.name + "/sent_kw");
  for (const PvtModel& p : m.pvt) datasets.push_back("components/" + p.name + "/power_kw");
  for (const EvChargerModel& c : m.ev_chargers) datasets.push_back("components/" + c.name + "/plugged");
  std::string missing;
  for (const std::string& d : datasets) {
    if (columns_.count(d)) continue;
    std::optional<std::vector<double>> values;
    if (exists(file, d)) values = read_vector<double>(file, d, H5T_NATIVE_DOUBLE);
    if (!values || values->size() != tick_s_.size()) {
      missing += (missing.empty() ? "" : ", ") + d;
      continue;
    }
    columns_.emplace(d, std::move(*values));
  }
  if (!missing.empty()) throw TraceError(file_name + " does not match its scenario: missing or short " + missing);

  for (std::size_t v = 0; v < wanted.size(); ++v) {
    VertexColumns c;
    if (!wanted[v][0].empty()) c.power = &column(wanted[v][0]);
    if (!wanted[v][1].empty()) c.power_2 = &column(wanted[v][1]);
    if (!wanted[v][2].empty()) c.stored = &column(wanted[v][2]);
    const auto i = static_cast<std::size_t>(g[v].index);
    switch (g[v].kind) {
      case VertexKind::kHeatBus:
        c.sign = -1;
        break;  // drawn as heat leaving the bus, as live
      case VertexKind::kH2Demand:
        c.sign = -1;
        break;
      case VertexKind::kBattery:
        c.capacity = m.batteries[i].capacity_kwh;
        break;
      case VertexKind::kThermalStorage:
        c.capacity = m.thermal_storages[i].store.capacity_kwh;
        break;
      case VertexKind::kH2Tank:
        c.capacity = m.h2_tanks[i].capacity_kg;
        break;
      default:
        break;
    }
    vertex_index_[{static_cast<int>(g[v].kind), g[v].index}] = vertex_.size();
    vertex_.push_back(c);
  }
  grid_kw_ = &column(grid + "power_kw");
  price_ = &column(grid + "price_cny_per_kwh");
  carbon_ = &column(grid + "carbon_kg_per_kwh");
  for (const LineModel& l : m.lines) line_sent_kw_.push_back(&column("lines/" + l.name + "/sent_kw"));
  for (const BatteryModel& b : m.batteries)
    battery_energy_kwh_.push_back(&column("components/" + b.name + "/energy_kwh"));
  for (const EvChargerModel& c : m.ev_chargers) ev_plugged_.push_back(&column("components/" + c.name + "/plugged"));
}

void TraceReplay::load_kpis(std::int64_t file) {
  Handle group(H5Gopen2(file, "kpis", H5P_DEFAULT), H5Gclose);
  H5G_info_t info{};
  if (!group.ok() || H5Gget_info(group.get(), &info) < 0)
    throw TraceError("'" + path_.string() + "': /kpis is not a group");
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t size = H5Lget_name_by_idx(group.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (size <= 0) continue;
    std::string key(static_cast<std::size_t>(size) + 1, '\0');
    H5Lget_name_by_idx(group.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, key.data(), key.size(), H5P_DEFAULT);
    key.resize(static_cast<std::size_t>(size));
    Handle dataset(H5Dopen2(group.get(), key.c_str(), H5P_DEFAULT), H5Dclose);
    double value = 0;
    if (!dataset.ok() || H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value) < 0) continue;
    final_kpis_.push_back({key, string_attribute(dataset.get(), "unit").value_or(""), value,
                           string_attribute(dataset.get(), "description").value_or("")});
  }
}

void TraceReplay::accumulate() {
  const ParkModel& m = *model_;
  const std::size_t n = rows();
  for (auto* sums : {&import_kwh_, &export_kwh_, &co2_kg_, &energy_cost_cny_, &export_revenue_cny_, &pv_kwh_,
                     &pv_pvt_kwh_, &onsite_kwh_, &peak_import_kw_, &plugged_hours_})
    sums->assign(n + 1, 0.0);
  month_first_row_.resize(n);
  day_first_row_.resize(n);
  std::vector<const std::vector<double>*> pv, pvt, wind;
  for (const PvModel& p : m.pv_arrays) pv.push_back(&column("components/" + p.name + "/power_kw"));
  for (const PvtModel& p : m.pvt) pvt.push_back(&column("components/" + p.name + "/power_kw"));
  for (const WindTurbineModel& w : m.wind_turbines) wind.push_back(&column("components/" + w.name + "/power_kw"));
  int month_key = -1, day_key = -1;
  for (std::size_t r = 0; r < n; ++r) {
    const double d = duration_s_[r];
    const double grid = (*grid_kw_)[r];
    const double import_kwh = energy_kwh(std::max(grid, 0.0), d), export_kwh = energy_kwh(std::max(-grid, 0.0), d);
    // The KPI accumulator's own definitions (kpi.cc), segment by segment.
    import_kwh_[r + 1] = import_kwh_[r] + import_kwh;
    export_kwh_[r + 1] = export_kwh_[r] + export_kwh;
    co2_kg_[r + 1] = co2_kg_[r] + import_kwh * (*carbon_)[r];
    energy_cost_cny_[r + 1] = energy_cost_cny_[r] + import_kwh * (*price_)[r];
    export_revenue_cny_[r + 1] = export_revenue_cny_[r] + export_kwh * m.grid.tariff.export_price_cny_per_kwh;
    peak_import_kw_[r + 1] = std::max(peak_import_kw_[r], std::max(grid, 0.0));
    double pv_kwh = 0, pvt_kwh = 0, wind_kwh = 0, plugged = 0;
    for (const auto* c : pv) pv_kwh += energy_kwh((*c)[r], d);
    for (const auto* c : pvt) pvt_kwh += energy_kwh((*c)[r], d);
    for (const auto* c : wind) wind_kwh += energy_kwh((*c)[r], d);
    for (const auto* c : ev_plugged_) plugged += (*c)[r];
    pv_kwh_[r + 1] = pv_kwh_[r] + pv_kwh;
    pv_pvt_kwh_[r + 1] = pv_pvt_kwh_[r] + pv_kwh + pvt_kwh;
    onsite_kwh_[r + 1] = onsite_kwh_[r] + pv_kwh + pvt_kwh + wind_kwh;
    plugged_hours_[r + 1] = plugged_hours_[r] + plugged * d / 3600.0;
    // The Shimen summary's "this month" and "today" start at the first row of each.
    const CivilTime t = civil_at(m.start, tick_s_[r]);
    const int month = t.year * 100 + t.month, day = month * 100 + t.day;
    if (month != month_key)
      month_key = month, month_first_row_[r] = r;
    else
      month_first_row_[r] = month_first_row_[r - 1];
    if (day != day_key)
      day_key = day, day_first_row_[r] = r;
    else
      day_first_row_[r] = day_first_row_[r - 1];
  }
}

Tick TraceReplay::tick_at(std::size_t position) const {
  if (position < rows()) return tick_s_[position];
  return tick_s_.back() + static_cast<Tick>(duration_s_.back());
}

std::size_t TraceReplay::position_at(Tick tick) const {
  if (tick >= end_tick()) return rows();
  const auto after = std::upper_bound(tick_s_.begin(), tick_s_.end(), tick);
  return after == tick_s_.begin() ? 0 : static_cast<std::size_t>(after - tick_s_.begin() - 1);
}

void TraceReplay::record_rows(SeriesRecorder& recorder, std::size_t from, std::size_t to) const {
  for (std::size_t r = from; r < std::min(to, rows()); ++r)
    recorder.record(*model_, tick_s_[r], RowReadings(*this, r, r));
}

KpiTable TraceReplay::kpis_at(std::size_t p) const {
  if (p >= rows()) return final_kpis_;
  const ParkModel& m = *model_;
  // consumption = import − export + on-site generation − what the batteries gained (kpi.cc):
  // the stores at the start of row p are those after rows [0, p).
  double gained_kwh = 0;
  for (std::size_t b = 0; b < m.batteries.size(); ++b)
    gained_kwh += (*battery_energy_kwh_[b])[p] - m.batteries[b].energy_initial_kwh;
  const double consumption_kwh = import_kwh_[p] - export_kwh_[p] + onsite_kwh_[p] - gained_kwh;
  KpiTable k = {
      {"grid_import_kwh", "kWh", import_kwh_[p], "Energy imported from the grid"},
      {"grid_export_kwh", "kWh", export_kwh_[p], "Energy exported to the grid"},
      {"co2_kg", "kg", co2_kg_[p], "CO2 emitted by imported electricity"},
      {"energy_cost_cny", "CNY", energy_cost_cny_[p], "Imported energy at time-of-use prices"},
      {"export_revenue_cny", "CNY", export_revenue_cny_[p], "Exported energy at the export price"},
      {"peak_grid_import_kw", "kW", peak_import_kw_[p], "Largest instantaneous import"},
      {"pv_generation_kwh", "kWh", pv_kwh_[p], "AC energy delivered by PV after curtailment"},
      {"onsite_generation_kwh", "kWh", onsite_kwh_[p], "PV + wind + PV/thermal electricity delivered"},
      {"consumption_kwh", "kWh", consumption_kwh, "import − export + on-site generation − battery energy gained"},
      {"self_sufficiency_ratio", "1", consumption_kwh > 0 ? std::max(0.0, 1 - import_kwh_[p] / consumption_kwh) : 0.0,
       "Share of the park's consumption not met by imports"},
  };
  // Demand and capacity charges need whole demand windows and months: only a tariff without them
  // has a net cost that the rows give exactly before the end.
  const TariffModel& tariff = m.grid.tariff;
  if (tariff.demand_charge_cny_per_kw_month == 0 && tariff.capacity_charge_cny_per_kva_month == 0)
    k.push_back(
        {"net_cost_cny", "CNY", energy_cost_cny_[p] - export_revenue_cny_[p], "Energy charges − export revenue"});
  return k;
}

const char* TraceReplay::kpis_note(std::size_t p) const {
  if (p >= rows()) return "replay: final KPIs from the trace's /kpis";
  const TariffModel& tariff = model_->grid.tariff;
  if (tariff.demand_charge_cny_per_kw_month == 0 && tariff.capacity_charge_cny_per_kva_month == 0)
    return "replay: KPIs so far recomputed from the rows";
  return "replay: KPIs so far recomputed from the rows; net cost (demand charges) at the end";
}

ViewSnapshot TraceReplay::snapshot_at(std::size_t position, const SeriesRecorder& recorder) const {
  const ParkModel& m = *model_;
  const std::size_t p = std::min(position, rows());
  ViewSnapshot out;
  out.replay = true;
  out.tick = tick_at(p);
  out.end_tick = end_tick();
  out.events = p;
  out.date = format_civil(civil_at(m.start, out.tick));
  out.done = p == rows();
  const std::size_t power_row = p > 0 ? p - 1 : 0;
  fill_park_now(m, RowReadings(*this, power_row, std::min(p, rows() - 1)), out);
  out.kpis = kpis_at(p);
  out.kpi_note = kpis_note(p);
  out.series = recorder.series();

  PlatformSummary& s = out.platform;
  for (const EvChargerModel& group : m.ev_chargers) s.points_total += group.count;
  s.carbon_sink_so_far_kg = carbon_sink_kg(m, out.tick);
  if (p > 0) {
    s.pv_this_month_kwh = pv_pvt_kwh_[p] - pv_pvt_kwh_[month_first_row_[power_row]];
    s.charging_hours_today = plugged_hours_[p] - plugged_hours_[day_first_row_[power_row]];
    for (const auto* c : ev_plugged_) s.points_plugged_now += static_cast<int>((*c)[power_row]);
  }
  return out;
}

}  // namespace zeropark::view

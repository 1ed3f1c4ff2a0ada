#include "sweep_results.h"

#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

#include "pareto.h"

namespace zeropark::cli {
namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

const char* status_of(const VariantRecord& r) { return r.missing ? "missing" : r.ok ? "ok" : "failed"; }

std::string format_number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

const char* sampling_name(SamplingMethod method) {
  switch (method) {
    case SamplingMethod::kLatinHypercube:
      return "latin_hypercube";
    case SamplingMethod::kSobol:
      return "sobol";
    case SamplingMethod::kGrid:
      break;
  }
  return "grid";
}

bool rename_into_place(const std::filesystem::path& temporary, const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  return !error;
}

// The HDF5 file under construction; every call checks its status, the first failure sticks.
class ResultsFile {
 public:
  explicit ResultsFile(const std::filesystem::path& path) {
    // No object timestamps: the same results give the same bytes.
    const hid_t create = H5Pcreate(H5P_FILE_CREATE);
    file_ = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, create, H5P_DEFAULT);
    H5Pclose(create);
    dataset_options_ = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_obj_track_times(dataset_options_, 0);
    group_options_ = H5Pcreate(H5P_GROUP_CREATE);
    H5Pset_obj_track_times(group_options_, 0);
    links_ = H5Pcreate(H5P_LINK_CREATE);
    H5Pset_create_intermediate_group(links_, 1);
    ok_ = file_ >= 0;
  }
  ~ResultsFile() {
    H5Pclose(links_);
    H5Pclose(group_options_);
    H5Pclose(dataset_options_);
    if (file_ >= 0) H5Fclose(file_);
  }
  ResultsFile(const ResultsFile&) = delete;
  ResultsFile& operator=(const ResultsFile&) = delete;

  void group(const std::string& name) {
    if (!ok_) return;
    const hid_t g = H5Gcreate2(file_, name.c_str(), links_, group_options_, H5P_DEFAULT);
    ok_ = g >= 0;
    if (g >= 0) H5Gclose(g);
  }
  void numbers(const std::string& name, const std::vector<double>& values, const std::string& unit = "") {
    write(name, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE, values.size(), values.data(), unit);
  }
  void integers(const std::string& name, const std::vector<std::int64_t>& values) {
    write(name, H5T_NATIVE_INT64, H5T_STD_I64LE, values.size(), values.data(), "");
  }
  void flags(const std::string& name, const std::vector<std::int8_t>& values) {
    write(name, H5T_NATIVE_INT8, H5T_STD_I8LE, values.size(), values.data(), "");
  }
  void strings(const std::string& name, const std::vector<std::string>& values) {
    const hid_t type = string_type();
    std::vector<const char*> pointers;
    for (const std::string& v : values) pointers.push_back(v.c_str());
    write(name, type, type, values.size(), pointers.data(), "");
    H5Tclose(type);
  }
  void attribute(const std::string& object, const std::string& name, const std::string& value) {
    if (!ok_) return;
    const hid_t type = string_type();
    const hid_t space = H5Screate(H5S_SCALAR);
    const char* text = value.c_str();
    const hid_t a =
        H5Acreate_by_name(file_, object.c_str(), name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    ok_ = a >= 0 && H5Awrite(a, type, &text) >= 0;
    if (a >= 0) H5Aclose(a);
    H5Sclose(space);
    H5Tclose(type);
  }
  void attribute(const std::string& object, const std::string& name, std::int64_t value) {
    if (!ok_) return;
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t a = H5Acreate_by_name(file_, object.c_str(), name.c_str(), H5T_STD_I64LE, space, H5P_DEFAULT,
                                      H5P_DEFAULT, H5P_DEFAULT);
    ok_ = a >= 0 && H5Awrite(a, H5T_NATIVE_INT64, &value) >= 0;
    if (a >= 0) H5Aclose(a);
    H5Sclose(space);
  }
  bool close() {
    const bool closed = file_ >= 0 && H5Fclose(file_) >= 0;
    file_ = -1;
    return ok_ && closed;
  }

 private:
  static hid_t string_type() {
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    return type;
  }
  void write(const std::string& name, hid_t memory_type, hid_t file_type, std::size_t count, const void* data,
             const std::string& unit) {
    if (!ok_) return;
    const hsize_t dims[1] = {count};
    const hid_t space = H5Screate_simple(1, dims, nullptr);
    const hid_t d = H5Dcreate2(file_, name.c_str(), file_type, space, links_, dataset_options_, H5P_DEFAULT);
    ok_ = d >= 0 && (count == 0 || H5Dwrite(d, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) >= 0);
    if (d >= 0) H5Dclose(d);
    H5Sclose(space);
    if (!unit.empty()) attribute(name, "unit", unit);
  }

  hid_t file_ = -1, dataset_options_ = -1, group_options_ = -1, links_ = -1;
  bool ok_ = false;
};

// A parameter's column holds numbers when every value reads as one.
std::optional<std::vector<double>> as_numbers(const std::vector<std::string>& texts) {
  std::vector<double> numbers;
  for (const std::string& t : texts) {
    char* end = nullptr;
    const double value = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size()) return std::nullopt;
    numbers.push_back(value);
  }
  return numbers;
}

// A variant's trace, relative to the results table's folder: RESULTS.variants/variant_000003.h5.
std::string trace_path(const std::filesystem::path& table_path, std::size_t index) {
  const std::filesystem::path folder(std::filesystem::path(table_path).stem().string() + ".variants");
  return variant_file_stem(folder, index).string() + ".h5";
}

}  // namespace

std::optional<double> record_kpi(const VariantRecord& record, const std::string& key) {
  for (const auto& kpi : record.kpis)
    if (kpi.first == key) return kpi.second;
  return std::nullopt;
}

SweepTable make_sweep_table(const SweepFile& sweep, const std::vector<VariantRecord>& records) {
  SweepTable table;
  table.kpi_columns = sweep.outputs;
  if (table.kpi_columns.empty()) {
    for (const VariantRecord& r : records)
      for (const auto& kpi : r.kpis)
        if (std::find(table.kpi_columns.begin(), table.kpi_columns.end(), kpi.first) == table.kpi_columns.end())
          table.kpi_columns.push_back(kpi.first);
  }
  const bool any_ok = std::any_of(records.begin(), records.end(), [](const VariantRecord& r) { return r.ok; });
  std::vector<std::string> wanted = sweep.outputs;
  for (const ParetoObjective& o : sweep.pareto) wanted.push_back(o.kpi);
  for (const std::string& key : wanted) {
    const bool found = std::any_of(records.begin(), records.end(),
                                   [&](const VariantRecord& r) { return record_kpi(r, key).has_value(); });
    if (!found && any_ok)
      std::fprintf(stderr, "zeropark sweep: warning: %s: no variant reports the KPI '%s'\n",
                   sweep.file.string().c_str(), key.c_str());
  }
  if (!sweep.pareto.empty()) {
    std::vector<std::optional<std::pair<double, double>>> points;
    for (const VariantRecord& r : records) {
      const std::optional<double> a = record_kpi(r, sweep.pareto[0].kpi), b = record_kpi(r, sweep.pareto[1].kpi);
      if (!r.ok || !a || !b) {
        points.emplace_back();
        continue;
      }
      // Maximising x is minimising -x.
      points.emplace_back(std::pair(sweep.pareto[0].maximise ? -*a : *a, sweep.pareto[1].maximise ? -*b : *b));
    }
    table.pareto = pareto_front(points);
  }
  return table;
}

bool write_results_csv(const std::filesystem::path& path, const SweepFile& sweep,
                       const std::vector<VariantRecord>& records, const SweepTable& table) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << "index";
  for (const SweepParameter& p : sweep.parameters) out << "," << csv_field(p.key);
  out << ",status,error,wall_s";
  for (const std::string& key : table.kpi_columns) out << "," << csv_field(key);
  if (table.pareto) out << ",pareto_front";
  if (sweep.traces) out << ",trace";
  out << "\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    const VariantRecord& r = records[i];
    out << i;
    for (const std::string& value : variant_values(sweep, i)) out << "," << csv_field(value);
    out << "," << status_of(r) << "," << csv_field(r.error) << "," << format_number(r.wall_s);
    for (const std::string& key : table.kpi_columns) {
      out << ",";
      if (const std::optional<double> value = record_kpi(r, key)) out << format_number(*value);
    }
    if (table.pareto) out << "," << ((*table.pareto)[i] ? 1 : 0);
    if (sweep.traces) out << "," << (r.ok ? csv_field(trace_path(path, i)) : "");
    out << "\n";
  }
  out.close();
  return out && rename_into_place(temporary, path);
}

bool write_results_hdf5(const std::filesystem::path& path, const SweepFile& sweep,
                        const std::vector<VariantRecord>& records, const SweepTable& table) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    ResultsFile h5(temporary);
    const std::size_t n = records.size();
    std::vector<std::int64_t> index(n);
    std::vector<std::string> status(n), error(n);
    std::vector<double> wall_s(n);
    for (std::size_t i = 0; i < n; ++i) {
      index[i] = static_cast<std::int64_t>(i);
      status[i] = status_of(records[i]);
      error[i] = records[i].error;
      wall_s[i] = records[i].wall_s;
    }
    h5.integers("index", index);
    h5.strings("status", status);
    h5.strings("error", error);
    h5.numbers("wall_s", wall_s, "s");
    h5.group("parameters");
    for (std::size_t p = 0; p < sweep.parameters.size(); ++p) {
      std::vector<std::string> texts(n);
      for (std::size_t i = 0; i < n; ++i) texts[i] = variant_values(sweep, i)[p];
      const std::string name = "parameters/" + sweep.parameters[p].key;
      if (const auto numbers = as_numbers(texts))
        h5.numbers(name, *numbers);
      else
        h5.strings(name, texts);
    }
    h5.group("kpis");
    for (const std::string& key : table.kpi_columns) {
      std::vector<double> values(n, std::numeric_limits<double>::quiet_NaN());
      for (std::size_t i = 0; i < n; ++i)
        if (const std::optional<double> value = record_kpi(records[i], key)) values[i] = *value;
      h5.numbers("kpis/" + key, values);
    }
    if (table.pareto) {
      std::vector<std::int8_t> front(n);
      for (std::size_t i = 0; i < n; ++i) front[i] = (*table.pareto)[i] ? 1 : 0;
      h5.flags("pareto_front", front);
      std::string objectives;
      for (const ParetoObjective& o : sweep.pareto)
        objectives += (objectives.empty() ? "" : ",") + std::string(o.maximise ? "-" : "") + o.kpi;
      h5.attribute("pareto_front", "objectives", objectives);
    }
    if (sweep.traces) {
      std::vector<std::string> traces(n);
      for (std::size_t i = 0; i < n; ++i) traces[i] = records[i].ok ? trace_path(path, i) : "";
      h5.strings("trace", traces);
    }
    h5.attribute("/", "sweep_file", sweep.file.string());
    h5.attribute("/", "scenario", sweep.scenario.string());
    h5.attribute("/", "sampling", sampling_name(sweep.sampling));
    if (sweep.sampling_seed) h5.attribute("/", "sampling_seed", static_cast<std::int64_t>(*sweep.sampling_seed));
    if (sweep.seed) h5.attribute("/", "seed", static_cast<std::int64_t>(*sweep.seed));
    h5.attribute("/", "random_numbers", sweep.independent_random_numbers ? "independent" : "common");
    h5.attribute("/", "variants", static_cast<std::int64_t>(n));
    if (!h5.close()) {
      std::filesystem::remove(temporary);
      return false;
    }
  }
  return rename_into_place(temporary, path);
}

}  // namespace zeropark::cli

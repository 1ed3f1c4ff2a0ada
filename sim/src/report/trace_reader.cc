#include "report/trace_reader.h"

#include <hdf5.h>

#include <fstream>
#include <type_traits>
#include <utility>

namespace zeropark::report {
namespace {

static_assert(std::is_same_v<hid_t, std::int64_t>, "TraceFile keeps the file id as int64 (HDF5 >= 1.10)");

// HDF5 prints its error stack to stderr on every failed call by default; a reader that probes for
// optional objects must stay quiet, and reports failures through TraceError instead.
class Hdf5Silence {
 public:
  Hdf5Silence() {
    H5Eget_auto2(H5E_DEFAULT, &function_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~Hdf5Silence() { H5Eset_auto2(H5E_DEFAULT, function_, data_); }
  Hdf5Silence(const Hdf5Silence&) = delete;
  Hdf5Silence& operator=(const Hdf5Silence&) = delete;

 private:
  H5E_auto2_t function_ = nullptr;
  void* data_ = nullptr;
};

// Owns one HDF5 identifier and closes it with the matching H5*close.
class Id {
 public:
  Id(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Id() {
    if (id_ >= 0) close_(id_);
  }
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

// H5Lexists needs every parent link to exist, so walk "a/b/c" one level at a time.
bool link_exists(hid_t file, const std::string& path) {
  std::size_t end = 0;
  while (end != std::string::npos) {
    end = path.find('/', end + 1);
    if (H5Lexists(file, path.substr(0, end).c_str(), H5P_DEFAULT) <= 0) return false;
  }
  return true;
}

std::optional<std::string> read_string_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) <= 0) return std::nullopt;
  const Id attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  const Id type(H5Aget_type(attribute.get()), H5Tclose);
  if (!type.ok() || H5Tget_class(type.get()) != H5T_STRING) return std::nullopt;
  if (H5Tis_variable_str(type.get()) > 0) {
    const Id memory(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(memory.get(), H5T_VARIABLE);
    // HDF5 converts no strings between character sets: read UTF-8 as UTF-8.
    H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
    char* text = nullptr;
    if (H5Aread(attribute.get(), memory.get(), &text) < 0 || text == nullptr) return std::nullopt;
    std::string value(text);
    H5free_memory(text);
    return value;
  }
  const std::size_t size = H5Tget_size(type.get());
  std::string value(size, '\0');
  const Id memory(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(memory.get(), size);
  H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
  if (H5Aread(attribute.get(), memory.get(), value.data()) < 0) return std::nullopt;
  return value.substr(0, value.find('\0'));
}

std::optional<std::int64_t> read_integer_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) <= 0) return std::nullopt;
  const Id attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  const Id type(H5Aget_type(attribute.get()), H5Tclose);
  if (!type.ok() || H5Tget_class(type.get()) != H5T_INTEGER) return std::nullopt;
  std::int64_t value = 0;
  if (H5Aread(attribute.get(), H5T_NATIVE_INT64, &value) < 0) return std::nullopt;
  return value;
}

// Names of the objects of one type (H5I_GROUP or H5I_DATASET) directly under a group.
std::vector<std::string> members(hid_t file, const std::string& group, H5I_type_t wanted) {
  std::vector<std::string> names;
  if (!link_exists(file, group)) return names;
  const Id g(H5Gopen2(file, group.c_str(), H5P_DEFAULT), H5Gclose);
  if (!g.ok()) return names;
  H5G_info_t info;
  if (H5Gget_info(g.get(), &info) < 0) return names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t size = H5Lget_name_by_idx(g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (size < 0) continue;
    std::string name(static_cast<std::size_t>(size) + 1, '\0');
    H5Lget_name_by_idx(g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(size));
    // H5Oget_info's signature differs between HDF5 1.10 and 1.12; the identifier's type does not.
    const Id object(H5Oopen(g.get(), name.c_str(), H5P_DEFAULT), H5Oclose);
    if (object.ok() && H5Iget_type(object.get()) == wanted) names.push_back(name);
  }
  return names;
}

// Number of values of a 1-D dataset, or nullopt when it is missing or not 1-D.
std::optional<std::size_t> length_1d(hid_t file, const std::string& path) {
  if (!link_exists(file, path)) return std::nullopt;
  const Id dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.ok()) return std::nullopt;
  const Id space(H5Dget_space(dataset.get()), H5Sclose);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) return std::nullopt;
  return static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
}

template <class T>
std::vector<T> read_1d(hid_t file, const std::string& path, hid_t memory_type, std::size_t rows,
                       const std::string& file_name) {
  const std::optional<std::size_t> length = length_1d(file, path);
  if (!length) throw TraceError(file_name + ": missing dataset '" + path + "' (or it is not a 1-D array)");
  if (*length != rows)
    throw TraceError(file_name + ": dataset '" + path + "' has " + std::to_string(*length) + " values, expected " +
                     std::to_string(rows) + " (one per row)");
  std::vector<T> values(rows);
  const Id dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (rows > 0 && H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
    throw TraceError(file_name + ": cannot read dataset '" + path + "' as numbers");
  return values;
}

}  // namespace

TraceFile::TraceFile(const std::filesystem::path& path) : path_(path) {
  const std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw TraceError("trace " + name + ": no such file");
  if (std::filesystem::is_directory(path, error)) throw TraceError("trace " + name + ": is a directory, not a file");
  if (!std::ifstream(path, std::ios::binary)) throw TraceError("trace " + name + ": cannot be opened for reading");
  const Hdf5Silence quiet;
  if (H5Fis_hdf5(name.c_str()) <= 0) throw TraceError("trace " + name + ": not an HDF5 file");
  file_ = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file_ < 0) throw TraceError("trace " + name + ": HDF5 cannot open it (damaged or truncated?)");
  try {
    const Id root(H5Gopen2(file_, "/", H5P_DEFAULT), H5Gclose);
    const std::optional<std::int64_t> complete = read_integer_attribute(root.get(), "complete");
    if (!complete)
      throw TraceError("trace " + name + ": not a ZeroPark trace (no root attribute 'complete'; see docs/trace.md)");
    if (*complete != 1)
      throw TraceError("trace " + name + ": incomplete (root attribute complete = " + std::to_string(*complete) +
                       "; the run did not finish)");
    for (const char* required : {"time/tick_s", "time/duration_s", "components"})
      if (!link_exists(file_, required))
        throw TraceError("trace " + name + ": missing required dataset or group '" + required + "'");
    const std::optional<std::size_t> ticks = length_1d(file_, "time/tick_s");
    if (!ticks) throw TraceError("trace " + name + ": 'time/tick_s' is not a 1-D array");
    rows_ = *ticks;
    const std::optional<std::size_t> durations = length_1d(file_, "time/duration_s");
    if (durations != rows_)
      throw TraceError("trace " + name + ": 'time/duration_s' does not have one value per row of 'time/tick_s'");
    {
      const Id ticks_dataset(H5Dopen2(file_, "time/tick_s", H5P_DEFAULT), H5Dclose);
      std::optional<std::string> start = read_string_attribute(ticks_dataset.get(), "start_iso");
      if (!start) start = read_string_attribute(root.get(), "start_iso");
      if (!start) throw TraceError("trace " + name + ": no start_iso attribute on 'time/tick_s' or the root");
      start_iso_ = *start;
    }
    for (const std::string& component : members(file_, "components", H5I_GROUP)) {
      const Id group(H5Gopen2(file_, ("components/" + component).c_str(), H5P_DEFAULT), H5Gclose);
      components_.push_back({component, read_string_attribute(group.get(), "kind").value_or(""),
                             read_string_attribute(group.get(), "bus").value_or("")});
    }
  } catch (...) {
    H5Fclose(file_);
    throw;
  }
}

TraceFile::~TraceFile() {
  if (file_ >= 0) H5Fclose(file_);
}

std::vector<std::string> TraceFile::lines() const {
  const Hdf5Silence quiet;
  return members(file_, "lines", H5I_GROUP);
}

std::vector<std::string> TraceFile::dataset_names(const std::string& group) const {
  const Hdf5Silence quiet;
  return members(file_, group, H5I_DATASET);
}

bool TraceFile::has_dataset(const std::string& path) const {
  const Hdf5Silence quiet;
  return length_1d(file_, path).has_value();
}

std::vector<double> TraceFile::channel(const std::string& path) const {
  const Hdf5Silence quiet;
  return read_1d<double>(file_, path, H5T_NATIVE_DOUBLE, rows_, path_.string());
}

std::vector<std::int64_t> TraceFile::ticks_s() const {
  const Hdf5Silence quiet;
  return read_1d<std::int64_t>(file_, "time/tick_s", H5T_NATIVE_INT64, rows_, path_.string());
}

std::optional<double> TraceFile::scalar(const std::string& path) const {
  const Hdf5Silence quiet;
  if (!link_exists(file_, path)) return std::nullopt;
  const Id dataset(H5Dopen2(file_, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.ok()) return std::nullopt;
  const Id space(H5Dget_space(dataset.get()), H5Sclose);
  if (H5Sget_simple_extent_npoints(space.get()) != 1) return std::nullopt;
  double value = 0;
  if (H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value) < 0) return std::nullopt;
  return value;
}

std::string TraceFile::string_attribute(const std::string& object_path, const std::string& name) const {
  const Hdf5Silence quiet;
  if (!link_exists(file_, object_path)) return "";
  const Id object(H5Oopen(file_, object_path.c_str(), H5P_DEFAULT), H5Oclose);
  if (!object.ok()) return "";
  return read_string_attribute(object.get(), name.c_str()).value_or("");
}

}  // namespace zeropark::report

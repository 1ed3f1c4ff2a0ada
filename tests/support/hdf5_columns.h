// Reading a trace's 1-D datasets back in tests with the HDF5 C API: numbers, UTF-8 strings and
// the string attributes (unit, description) every dataset carries.
#pragma once

#include <hdf5.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace zeropark::testing {

struct Dataset {
  hid_t id;
  Dataset(hid_t file, const std::string& path) : id(H5Dopen2(file, path.c_str(), H5P_DEFAULT)) { REQUIRE(id >= 0); }
  ~Dataset() { H5Dclose(id); }
  std::size_t size() const {
    const hid_t space = H5Dget_space(id);
    REQUIRE(H5Sget_simple_extent_ndims(space) == 1);
    hsize_t n = 0;
    H5Sget_simple_extent_dims(space, &n, nullptr);
    H5Sclose(space);
    return n;
  }
  std::string attribute(const std::string& name) const {
    const hid_t a = H5Aopen(id, name.c_str(), H5P_DEFAULT);
    REQUIRE(a >= 0);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    char* text = nullptr;
    REQUIRE(H5Aread(a, type, &text) >= 0);
    std::string out = text;
    H5free_memory(text);
    H5Tclose(type);
    H5Aclose(a);
    return out;
  }
};

inline std::vector<std::string> read_strings(hid_t file, const std::string& path) {
  const Dataset d(file, path);
  const hid_t stored = H5Dget_type(d.id);
  CHECK(H5Tis_variable_str(stored) > 0);
  CHECK(H5Tget_cset(stored) == H5T_CSET_UTF8);
  H5Tclose(stored);
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  std::vector<char*> raw(d.size(), nullptr);
  REQUIRE(H5Dread(d.id, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) >= 0);
  std::vector<std::string> out;
  for (char* s : raw) {
    out.emplace_back(s);
    H5free_memory(s);
  }
  H5Tclose(type);
  return out;
}

inline std::vector<double> read_doubles(hid_t file, const std::string& path) {
  const Dataset d(file, path);
  std::vector<double> out(d.size());
  REQUIRE(H5Dread(d.id, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) >= 0);
  return out;
}

}  // namespace zeropark::testing

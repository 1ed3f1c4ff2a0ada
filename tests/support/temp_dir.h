// A scratch folder for a test's files, removed when the test ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace zeropark::testing {

class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("zeropark_test_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

// A CSV with a header and 8760 hourly rows whose value is value_of(hour).
template <class ValueOf>
std::string hourly_csv(const std::string& header, ValueOf value_of) {
  std::string text = "datetime," + header + "\n";
  for (int h = 0; h < 8760; ++h) text += "h" + std::to_string(h) + "," + std::to_string(value_of(h)) + "\n";
  return text;
}

}  // namespace zeropark::testing

#include "sweep_records.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace zeropark::cli {
namespace {

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

}  // namespace

std::string fingerprint_of(const std::string& variant_text, const std::string& seed_description, bool baseline) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&](const std::string& text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  mix(variant_text);
  mix("\nseed " + seed_description);
  mix(baseline ? "\nbaseline" : "\nno baseline");
  char text[17];
  std::snprintf(text, sizeof text, "%016" PRIx64, hash);
  return text;
}

std::string format_record(const VariantRecord& record) {
  std::ostringstream out;
  char wall[40];
  std::snprintf(wall, sizeof wall, "%.6f", record.wall_s);
  out << "zeropark-sweep-variant 1\nfingerprint " << record.fingerprint << "\nstatus " << (record.ok ? "ok" : "failed")
      << "\nwall_s " << wall << "\nerror " << one_line(record.error) << "\n";
  for (const auto& [key, value] : record.kpis) {
    char number[40];
    std::snprintf(number, sizeof number, "%.17g", value);  // round-trips exactly
    out << "kpi " << key << " " << number << "\n";
  }
  return out.str();
}

std::optional<VariantRecord> parse_record(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != "zeropark-sweep-variant 1") return std::nullopt;
  VariantRecord record;
  bool has_status = false;
  while (std::getline(in, line)) {
    const std::size_t space = line.find(' ');
    const std::string tag = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (tag == "fingerprint") {
      record.fingerprint = rest;
    } else if (tag == "status") {
      record.ok = rest == "ok";
      has_status = true;
    } else if (tag == "wall_s") {
      record.wall_s = std::strtod(rest.c_str(), nullptr);
    } else if (tag == "error") {
      record.error = rest;
    } else if (tag == "kpi") {
      const std::size_t gap = rest.find(' ');
      if (gap == std::string::npos) return std::nullopt;
      record.kpis.emplace_back(rest.substr(0, gap), std::strtod(rest.c_str() + gap + 1, nullptr));
    }
  }
  if (!has_status || record.fingerprint.empty()) return std::nullopt;
  return record;
}

bool write_record(const std::filesystem::path& path, const VariantRecord& record) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << format_record(record);
    out.close();
    if (!out) return false;
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  return !error;
}

std::optional<VariantRecord> read_record(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return parse_record(text.str());
}

std::filesystem::path variant_file_stem(const std::filesystem::path& folder, std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "variant_%06zu", index);
  return folder / name;
}

}  // namespace zeropark::cli

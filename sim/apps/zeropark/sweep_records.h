// One variant's outcome as a small text file in RESULTS.variants/: what lets a sweep resume, lets
// shards on other ranks or array tasks report back, and lets a merge rebuild the results.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zeropark::cli {

struct VariantRecord {
  std::string fingerprint;  // what the variant computes (see fingerprint_of)
  bool ok = false;
  double wall_s = 0;
  std::string error;
  std::vector<std::pair<std::string, double>> kpis;
  bool missing = false;  // a merge found no result for it (its shard has not run): never written
};

// Identifies what a variant computes: its scenario text (parameters set), the seed it runs with
// and whether the baseline runs. FNV-1a: stable across builds and machines, unlike std::hash.
std::string fingerprint_of(const std::string& variant_text, const std::string& seed_description, bool baseline);

// The record's text; parse_record(format_record(r)) == r, numbers included (17 digits).
std::string format_record(const VariantRecord& record);
std::optional<VariantRecord> parse_record(const std::string& text);

// Written to a temporary name and renamed, so a crash mid-write never leaves a half record that a
// resumed sweep would trust.
bool write_record(const std::filesystem::path& path, const VariantRecord& record);
std::optional<VariantRecord> read_record(const std::filesystem::path& path);

// RESULTS.variants/variant_000012 (add ".result" or ".log").
std::filesystem::path variant_file_stem(const std::filesystem::path& folder, std::size_t index);

}  // namespace zeropark::cli

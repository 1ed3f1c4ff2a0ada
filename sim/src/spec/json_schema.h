// A small ordered JSON tree for writing JSON Schemas (draft-07) of the input formats. Keys keep the
// order they were added in, so the generated schema reads like the scenario reference and its text
// is stable from one build to the next (a test compares it with the committed file).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zeropark {

class JsonNode {
 public:
  static JsonNode object() { return JsonNode(Kind::kObject); }
  static JsonNode array() { return JsonNode(Kind::kArray); }
  static JsonNode string(std::string_view text);
  static JsonNode number(double value);
  static JsonNode boolean(bool value);

  // Sets (or replaces) a member of an object; returns the member. A reference from set() or find()
  // stays valid until the next member is added to the same object.
  JsonNode& set(std::string_view key, JsonNode value);
  // Appends an item to an array.
  JsonNode& push(JsonNode value);
  // The member `key` of an object, nullptr when absent.
  JsonNode* find(std::string_view key);

  // Two-space indented text ending in a newline.
  std::string dump() const;

 private:
  enum class Kind { kObject, kArray, kString, kNumber, kBoolean };
  explicit JsonNode(Kind kind) : kind_(kind) {}
  void write(std::string& out, int indent) const;

  Kind kind_;
  std::string scalar_;  // the JSON text of a string, number or boolean
  std::vector<std::pair<std::string, JsonNode>> members_;
  std::vector<JsonNode> items_;
};

// Schema pieces shared by the scenario and sweep schemas.
JsonNode schema_of_type(std::string_view type, std::string_view description = "");
// A non-empty scalar that YAML may type as a string or a number (the reader takes its raw text).
JsonNode schema_of_name(std::string_view description);
JsonNode schema_of_names(std::string_view description);  // a non-empty list of such names
// An object that rejects keys it does not list.
JsonNode closed_object(std::string_view description = "");

}  // namespace zeropark

// The one error type for bad input: it always names where the problem is.
//
// Every reader (scenario YAML, EPW weather, CSV profiles) throws InputError with the file, the
// line (1-based, 0 when unknown), the column (1-based, 0 when unknown) and the field, so that a
// user sees "scenario.yaml:12:5: battery 'b1' field 'capacity_kwh': must be > 0 (got -3)".
#pragma once

#include <stdexcept>
#include <string>

namespace zeropark {

struct InputLocation {
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
};

class InputError : public std::runtime_error {
 public:
  InputError(InputLocation where, std::string field, std::string message);

  const InputLocation& where() const { return where_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

 private:
  InputLocation where_;
  std::string field_;
  std::string message_;
};

}  // namespace zeropark

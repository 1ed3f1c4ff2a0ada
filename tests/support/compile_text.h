// Compiling a scenario written in a test, and the InputError a bad one must raise.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "zeropark/error.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark::testing {

inline ParkModel compile_text(const std::string& text, const std::string& file = "park.yaml") {
  return compile_park(read_scenario_text(text, file));
}

// Fails the test when `text` compiles.
inline InputError compile_error(const std::string& text, const std::string& file = "park.yaml") {
  try {
    compile_text(text, file);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("no InputError for:\n" << text);
  throw;
}

}  // namespace zeropark::testing

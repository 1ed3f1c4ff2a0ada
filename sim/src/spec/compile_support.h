// What the compile_*.cc files share: errors at a scenario's line, where a key sits, and finding a
// component by name among chosen kinds.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark {

// Throws InputError at `at`, naming `field`.
[[noreturn]] void fail(const SourceRef& at, const std::string& field, const std::string& message);

// Where `key` of a section sits in the file, or the section itself when the key was not written.
const SourceRef& key_or_section(const std::map<std::string, SourceRef>& key_at, const std::string& key,
                                const SourceRef& section);

// The component named `name` among `kinds` (kGrid: the grid connection, index 0), if any.
std::optional<std::pair<VertexKind, int>> find_named(const ParkModel& model, const std::string& name,
                                                     std::initializer_list<VertexKind> kinds);

}  // namespace zeropark

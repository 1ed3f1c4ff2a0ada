// The Pareto front of a sweep over two objectives, both minimised: the variants no other variant
// beats on one objective without losing on the other.
#pragma once

#include <optional>
#include <utility>
#include <vector>

namespace zeropark::cli {

// points[i] = (objective 1, objective 2) of variant i, or nullopt for a variant without both
// (failed, or missing a KPI). Returns whether each point is non-dominated. Equal points are all on
// the front (neither dominates the other). O(n log n).
std::vector<bool> pareto_front(const std::vector<std::optional<std::pair<double, double>>>& points);

}  // namespace zeropark::cli

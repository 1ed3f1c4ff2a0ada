#include "pareto.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace zeropark::cli {

std::vector<bool> pareto_front(const std::vector<std::optional<std::pair<double, double>>>& points) {
  std::vector<bool> on_front(points.size(), false);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (points[i] && std::isfinite(points[i]->first) && std::isfinite(points[i]->second)) order.push_back(i);
  // By the first objective, then the second: a point is dominated exactly when an earlier group
  // (smaller first objective) reached a second objective at least as small, or its own group has
  // a smaller second objective.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *points[a] < *points[b]; });
  double best_second = std::numeric_limits<double>::infinity();
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start;
    const double first = points[order[start]]->first;
    while (end < order.size() && points[order[end]]->first == first) ++end;
    const double group_best = points[order[start]]->second;  // sorted: the group's smallest
    if (group_best < best_second)
      for (std::size_t k = start; k < end && points[order[k]]->second == group_best; ++k) on_front[order[k]] = true;
    best_second = std::min(best_second, group_best);
    start = end;
  }
  return on_front;
}

}  // namespace zeropark::cli

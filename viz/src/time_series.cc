// Ring buffer plus pairwise-merged history (see time_series.h).
#include "time_series.h"

#include <algorithm>
#include <cmath>

namespace zeropark::view {

TimeSeries::TimeSeries(std::size_t window, std::size_t history)
    : times_(std::max<std::size_t>(window, 1)),
      values_(std::max<std::size_t>(window, 1)),
      history_capacity_(std::max<std::size_t>(history, 2)) {}

void TimeSeries::push(double t_s, double value) {
  times_[head_] = t_s;
  values_[head_] = value;
  head_ = (head_ + 1) % values_.size();
  count_ = std::min(count_ + 1, values_.size());
  ++samples_;

  // Sums, not means, are kept so that merging is exact whatever the groups' sizes.
  if (history_n_.empty() || history_n_.back() >= stride_) {
    if (history_n_.size() == history_capacity_) {
      std::size_t out = 0;
      for (std::size_t i = 0; i < history_n_.size(); i += 2, ++out) {
        history_t_[out] = history_t_[i];
        history_sum_[out] = history_sum_[i];
        history_n_[out] = history_n_[i];
        if (i + 1 < history_n_.size()) {
          history_sum_[out] += history_sum_[i + 1];
          history_n_[out] += history_n_[i + 1];
        }
      }
      history_t_.resize(out);
      history_sum_.resize(out);
      history_n_.resize(out);
      stride_ *= 2;
    }
    if (history_n_.empty() || history_n_.back() >= stride_) {
      history_t_.push_back(t_s);
      history_sum_.push_back(0);
      history_n_.push_back(0);
    }
  }
  history_sum_.back() += value;
  ++history_n_.back();
}

std::vector<float> TimeSeries::window_values() const {
  std::vector<float> out;
  out.reserve(count_);
  const std::size_t start = (head_ + values_.size() - count_) % values_.size();
  for (std::size_t i = 0; i < count_; ++i) out.push_back(static_cast<float>(values_[(start + i) % values_.size()]));
  return out;
}

std::vector<double> TimeSeries::window_times() const {
  std::vector<double> out;
  out.reserve(count_);
  const std::size_t start = (head_ + times_.size() - count_) % times_.size();
  for (std::size_t i = 0; i < count_; ++i) out.push_back(times_[(start + i) % times_.size()]);
  return out;
}

double TimeSeries::latest() const {
  if (count_ == 0) return std::nan("");
  return values_[(head_ + values_.size() - 1) % values_.size()];
}

std::vector<float> TimeSeries::history_values() const {
  std::vector<float> out(history_n_.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<float>(history_sum_[i] / static_cast<double>(history_n_[i]));
  return out;
}

}  // namespace zeropark::view

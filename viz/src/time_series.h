// A time series the live view can keep for a whole run at a fixed memory cost.
//
// Two views of one stream of samples: a scrolling window of the latest `window` samples (a ring
// buffer, exact), and the whole run's history downsampled to at most `history` points. The
// history averages consecutive samples in groups of `stride`; when it fills up it merges pairs
// and doubles the stride, so a year of minutes fits in a few thousand points and its mean is kept.
#pragma once

#include <cstddef>
#include <vector>

namespace zeropark::view {

class TimeSeries {
 public:
  explicit TimeSeries(std::size_t window = 720, std::size_t history = 2048);

  // Appends a sample at `t_s` seconds since the start.
  void push(double t_s, double value);

  std::size_t window_capacity() const { return values_.size(); }
  std::size_t window_size() const { return count_; }
  // The window, oldest first.
  std::vector<float> window_values() const;
  std::vector<double> window_times() const;
  double latest() const;

  // The downsampled history, oldest first; each point is the mean of `stride()` samples (the
  // last one of fewer) and is stamped with the time of its first sample.
  std::vector<float> history_values() const;
  const std::vector<double>& history_times() const { return history_t_; }
  std::size_t stride() const { return stride_; }
  std::size_t samples() const { return samples_; }

 private:
  std::vector<double> times_, values_;  // ring buffer
  std::size_t head_ = 0, count_ = 0;
  std::size_t history_capacity_;
  std::vector<double> history_t_, history_sum_;
  std::vector<std::size_t> history_n_;
  std::size_t stride_ = 1;
  std::size_t samples_ = 0;
};

}  // namespace zeropark::view

#pragma once
#include <chrono>
#include <cstdint>

namespace hw::run {

// The time the scheduler plans by, in ms since the epoch. At rate 1 it is the wall clock.
// A faster rate makes scheduled time pass `rate` times faster from the moment the clock
// is made, so hours of 15-minute runs can be watched in seconds (demos, tests). Not for
// production: after a restart it starts again from the wall clock.
class SchedulerClock {
 public:
  explicit SchedulerClock(double rate = 1.0);

  std::int64_t now_ms() const;
  // How often the scheduler looks for due flows: once a second of scheduled time at
  // rate 1, more often when time runs faster (never below 10 ms).
  std::chrono::milliseconds tick() const;

 private:
  double rate_;
  std::int64_t wall_anchor_ms_;
  std::chrono::steady_clock::time_point steady_anchor_;
};

}  // namespace hw::run

#include "run/scheduler_clock.hpp"

#include <algorithm>
#include <stdexcept>

#include "util/ids.hpp"

namespace hw::run {

SchedulerClock::SchedulerClock(double rate)
    : rate_(rate),
      wall_anchor_ms_(util::now_ms()),
      steady_anchor_(std::chrono::steady_clock::now()) {
  if (!(rate >= 1.0 && rate <= 1e6))
    throw std::invalid_argument("the scheduler clock rate must be between 1 and 1000000");
}

std::int64_t SchedulerClock::now_ms() const {
  if (rate_ == 1.0) return util::now_ms();  // follows NTP corrections, as scheduled times should
  const auto elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - steady_anchor_);
  return wall_anchor_ms_ + static_cast<std::int64_t>(elapsed.count() * rate_);
}

std::chrono::milliseconds SchedulerClock::tick() const {
  return std::chrono::milliseconds(
      std::max<std::int64_t>(10, static_cast<std::int64_t>(1000 / rate_)));
}

}  // namespace hw::run

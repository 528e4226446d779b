#pragma once
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <optional>

// When a flow runs and what each run covers (DESIGN §4). Times are ms since the epoch.
namespace hw::run {

struct Schedule {
  enum class Frequency { once, minute, hour, day, week };
  std::int64_t start_ms = 0;  // scheduleParams.startTime (epoch seconds) in ms
  Frequency frequency = Frequency::once;
  std::int64_t interval = 1;
  bool backfill = true;

  // From a flow's validated scheduleParams; nullopt when it has none (streaming flows).
  static std::optional<Schedule> from(const boost::json::object& schedule_params);
  std::int64_t period_ms() const;  // interval × the frequency's unit; 0 for once
};

// What the scheduler remembers of a flow between runs (and restarts).
struct FlowState {
  std::optional<std::int64_t> window_end_ms;  // end of the last successful window
  std::optional<std::int64_t> scheduled_ms;   // the last scheduled time a run was started for
};

// The scheduled time of the run due at `now_ms`, or nullopt. Periodic flows run at
// startTime + k·period; after downtime one run catches up to the latest due time (its
// window covers everything missed). A `once` flow runs once, at startTime or at once if
// that has passed, and its window ends when it runs. Without backfill the first periodic run is at
// startTime + period, so it covers [startTime, startTime + period).
std::optional<std::int64_t> due(const Schedule& schedule, const FlowState& state,
                                std::int64_t now_ms);

// [start, end) of a run ending at `end_ms`: from the last successful window's end; for
// a first run from the epoch when the flow is `once` or backfills, else from startTime.
std::int64_t window_start(const Schedule& schedule, const FlowState& state);

}  // namespace hw::run

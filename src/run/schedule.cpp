#include "run/schedule.hpp"

#include <boost/json.hpp>

namespace hw::run {
namespace {

std::optional<Schedule::Frequency> parse_frequency(std::string_view text) {
  using F = Schedule::Frequency;
  if (text == "once") return F::once;
  if (text == "minute") return F::minute;
  if (text == "hour") return F::hour;
  if (text == "day") return F::day;
  if (text == "week") return F::week;
  return std::nullopt;
}

std::int64_t unit_ms(Schedule::Frequency f) {
  switch (f) {
    case Schedule::Frequency::minute:
      return 60'000;
    case Schedule::Frequency::hour:
      return 3'600'000;
    case Schedule::Frequency::day:
      return 86'400'000;
    case Schedule::Frequency::week:
      return 604'800'000;
    default:
      return 0;
  }
}

}  // namespace

std::optional<Schedule> Schedule::from(const boost::json::object& params) {
  const auto* start = params.if_contains("startTime");
  const auto* freq = params.if_contains("frequency");
  if (!start || !start->is_number() || !freq || !freq->is_string()) return std::nullopt;
  const auto f = parse_frequency(freq->get_string());
  if (!f) return std::nullopt;
  Schedule s;
  s.start_ms = boost::json::value_to<std::int64_t>(*start) * 1000;
  s.frequency = *f;
  if (const auto* interval = params.if_contains("interval"); interval && interval->is_int64()) {
    s.interval = std::max<std::int64_t>(1, interval->get_int64());
  }
  if (const auto* backfill = params.if_contains("backfill"); backfill && backfill->is_bool()) {
    s.backfill = backfill->get_bool();
  }
  return s;
}

std::int64_t Schedule::period_ms() const {
  return interval * unit_ms(frequency);
}

std::optional<std::int64_t> due(const Schedule& s, const FlowState& state, std::int64_t now_ms) {
  if (s.frequency == Schedule::Frequency::once) {
    if (state.scheduled_ms || now_ms < s.start_ms) return std::nullopt;
    return now_ms;  // a one-time load takes everything up to the moment it runs
  }
  const std::int64_t period = s.period_ms();
  const std::int64_t first = s.backfill ? s.start_ms : s.start_ms + period;
  if (now_ms < first) return std::nullopt;
  const std::int64_t latest = first + (now_ms - first) / period * period;
  if (state.scheduled_ms && *state.scheduled_ms >= latest) return std::nullopt;
  return latest;
}

std::int64_t window_start(const Schedule& s, const FlowState& state) {
  if (state.window_end_ms) return *state.window_end_ms;
  if (s.frequency == Schedule::Frequency::once || s.backfill) return 0;
  return s.start_ms;
}

}  // namespace hw::run

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "run/schedule.hpp"

namespace hw::run {
namespace {

constexpr std::int64_t kStart = 1'700'000'000'000;  // startTime 1700000000 s
constexpr std::int64_t kMinute = 60'000;

Schedule schedule(const char* params) { return *Schedule::from(boost::json::parse(params).as_object()); }

TEST(RunSchedule, ReadsTheFlowsScheduleParams) {
  const auto s = schedule(R"({"startTime":1700000000,"frequency":"minute","interval":15,"backfill":false})");
  EXPECT_EQ(s.start_ms, kStart);
  EXPECT_EQ(s.period_ms(), 15 * kMinute);
  EXPECT_FALSE(s.backfill);
  EXPECT_FALSE(Schedule::from(boost::json::object{}));
}

TEST(RunSchedule, OnceRunsOnceWhenItsTimeHasCome) {
  const auto s = schedule(R"({"startTime":1700000000,"frequency":"once"})");
  EXPECT_FALSE(due(s, {}, kStart - 1));
  EXPECT_EQ(due(s, {}, kStart + 5), kStart + 5);
  EXPECT_FALSE(due(s, FlowState{std::nullopt, kStart + 5}, kStart + 10 * kMinute));
  EXPECT_EQ(window_start(s, {}), 0);  // everything, from the epoch
}

TEST(RunSchedule, PeriodicRunsAtStartPlusKPeriods) {
  const auto s = schedule(R"({"startTime":1700000000,"frequency":"minute","interval":15})");
  EXPECT_EQ(due(s, {}, kStart), kStart);  // backfill (the default): the first run is at startTime
  const FlowState after_first{kStart, kStart};
  EXPECT_FALSE(due(s, after_first, kStart + 14 * kMinute));
  EXPECT_EQ(due(s, after_first, kStart + 15 * kMinute), kStart + 15 * kMinute);
  EXPECT_EQ(window_start(s, {}), 0);
  EXPECT_EQ(window_start(s, after_first), kStart);
}

TEST(RunSchedule, WithoutBackfillTheFirstWindowStartsAtStartTime) {
  const auto s = schedule(R"({"startTime":1700000000,"frequency":"hour","interval":1,"backfill":false})");
  EXPECT_FALSE(due(s, {}, kStart + 59 * kMinute));
  EXPECT_EQ(due(s, {}, kStart + 60 * kMinute), kStart + 60 * kMinute);
  EXPECT_EQ(window_start(s, {}), kStart);
}

TEST(RunSchedule, AfterDowntimeOneRunCatchesUpWithoutAGap) {
  const auto s = schedule(R"({"startTime":1700000000,"frequency":"minute","interval":15})");
  const FlowState state{kStart, kStart};
  EXPECT_EQ(due(s, state, kStart + 100 * kMinute), kStart + 90 * kMinute);
  EXPECT_EQ(window_start(s, state), kStart);  // [start, start + 90 min): nothing skipped
}

TEST(RunSchedule, AFailedWindowIsCoveredByTheNextRun) {
  const auto s = schedule(R"({"startTime":1700000000,"frequency":"minute","interval":15})");
  const FlowState failed_second{kStart, kStart + 15 * kMinute};  // window end stayed at the first run's
  EXPECT_EQ(due(s, failed_second, kStart + 30 * kMinute), kStart + 30 * kMinute);
  EXPECT_EQ(window_start(s, failed_second), kStart);
}

}  // namespace
}  // namespace hw::run

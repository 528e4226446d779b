// The scheduler end to end, through the HTTP API only. The server runs with
// --scheduler-clock-rate 3600: one wall second is a scheduled hour, so a flow on a
// 15-minute schedule runs four times a second and an hourly one once a second.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include "integration/run_fixture.hpp"

namespace hw::test {
namespace {

constexpr std::int64_t kPeriodMs = 15 * 60'000;

// startTime of the flows (whole seconds): the wall clock when the fixture is made, which the
// accelerated scheduler clock has already passed when the flow is created.
std::int64_t start_seconds() {
  static const std::int64_t start = std::chrono::duration_cast<std::chrono::seconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count();
  return start;
}

// One member a minute, from an hour before startTime to three hours after it.
MockUpstreamOptions members_around_start() {
  MockUpstreamOptions options;
  options.records = 240;
  options.base_time_ms = (start_seconds() - 3600) * 1000;
  return options;
}

class ScheduledRunsTest : public RunTest {
 protected:
  ScheduledRunsTest() : RunTest(members_around_start()) {}

  // Restarts the server on the same data with the accelerated scheduler clock.
  void SetUp() override {
    RunTest::SetUp();
    ASSERT_EQ(server_.stop(), 0);
    fast_ = std::make_unique<ServerProcess>(
        dir_.path(), std::vector<std::string>{"--scheduler-clock-rate", "3600"});
    client_ = HttpClient(fast_->base_url());
  }

  std::string every_15_minutes_flow() {
    return flow_with("s3cret", [](boost::json::object& f) {
      f["scheduleParams"] = {
          {"startTime", start_seconds()}, {"frequency", "minute"}, {"interval", 15}};
    });
  }

  std::vector<boost::json::object> runs_of(std::string_view flow) {
    const auto list =
        require_status(client_.get(std::string(kRuns) + "?property=flowId==" + std::string(flow)),
                       200)
            .json();
    std::vector<boost::json::object> out;
    for (const auto& run : list.at("items").as_array()) out.push_back(run.as_object());
    return out;
  }

  static bool finished(const boost::json::object& run) {
    return str(run.at("metrics").at("statusSummary"), "status") != "inProgress";
  }

  // Polls (bounded) until `flow` has at least `n` finished runs; returns them ordered by
  // window start.
  std::vector<boost::json::object> finished_runs(std::string_view flow, std::size_t n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::vector<boost::json::object> done;
    while (std::chrono::steady_clock::now() < deadline) {
      done.clear();
      for (auto& run : runs_of(flow))
        if (finished(run)) done.push_back(std::move(run));
      if (done.size() >= n) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::sort(done.begin(), done.end(),
              [](const auto& a, const auto& b) { return window(a, "start") < window(b, "start"); });
    EXPECT_GE(done.size(), n) << "the scheduler started too few runs";
    return done;
  }

  static std::int64_t window(const boost::json::object& run, std::string_view edge) {
    return run.at("window").at(edge).to_number<std::int64_t>();
  }

  // The ids of the mock's members whose last_changed is in [start, end).
  std::set<std::string> members_in(std::int64_t start, std::int64_t end) const {
    std::set<std::string> ids;
    for (const auto& r : upstream_.records())
      if (r.last_changed_ms >= start && r.last_changed_ms < end) ids.insert(r.id);
    return ids;
  }

  std::set<std::string> landed_ids(const boost::json::object& run) {
    std::set<std::string> ids;
    for (const auto& record : batch_records(str(run.at("activities").at(0), "id"))) {
      EXPECT_TRUE(ids.insert(str(record, "id")).second) << "duplicate " << record;
    }
    return ids;
  }

  // Waits until `witness` has `more` runs beyond those it has now: proof that scheduled
  // time has moved on by that many periods.
  void let_periods_pass(std::string_view witness, std::size_t more) {
    finished_runs(witness, runs_of(witness).size() + more);
  }

  std::unique_ptr<ServerProcess> fast_;
};

TEST_F(ScheduledRunsTest, ThreeScheduledRunsCoverConsecutiveWindowsWithEveryMemberOnce) {
  const std::string flow = every_15_minutes_flow();
  const auto runs = finished_runs(flow, 3);
  ASSERT_GE(runs.size(), 3U);
  const std::int64_t start_ms = start_seconds() * 1000;
  std::set<std::string> all;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& run = runs[i];
    SCOPED_TRACE(boost::json::serialize(run));
    EXPECT_EQ(str(run.at("metrics").at("statusSummary"), "status"), "success");
    EXPECT_EQ(str(run, "createdClient"), "headwater-scheduler");
    EXPECT_EQ(window(run, "start"), i == 0 ? 0 : window(runs[i - 1], "end"));  // no gap, no overlap
    EXPECT_EQ((window(run, "end") - start_ms) % kPeriodMs, 0);  // ends on startTime + k·15 min
    const auto landed = landed_ids(run);
    EXPECT_EQ(landed, members_in(window(run, "start"), window(run, "end")));
    EXPECT_EQ(count(run, "outputRecordCount"), static_cast<std::int64_t>(landed.size()));
    for (const auto& id : landed) EXPECT_TRUE(all.insert(id).second) << id << " landed twice";
  }
  EXPECT_GE(all.size(), 60U);  // the backfilled hour before startTime, at least
  EXPECT_EQ(all, members_in(0, window(runs[2], "end")));
}

TEST_F(ScheduledRunsTest, ASchedulePatchTakesEffectForTheNextRun) {
  const std::string flow = every_15_minutes_flow();
  finished_runs(flow, 1);
  const auto before = client_.get(join(kFlows, flow));
  require_status(patch(kFlows, flow,
                       R"([{"op":"replace","path":"/scheduleParams/frequency","value":"hour"},)"
                       R"({"op":"replace","path":"/scheduleParams/interval","value":1}])",
                       {{"If-Match", before.headers.at("ETag")}}),
                 200);
  const std::size_t patched_at = runs_of(flow).size();
  const auto runs = finished_runs(flow, patched_at + 3);
  ASSERT_GE(runs.size(), patched_at + 3);
  const std::int64_t start_ms = start_seconds() * 1000;
  for (std::size_t i = patched_at + 1; i < runs.size(); ++i) {
    SCOPED_TRACE(boost::json::serialize(runs[i]));
    EXPECT_EQ((window(runs[i], "end") - start_ms) % (60 * 60'000), 0);  // now on the hour grid
    EXPECT_EQ(window(runs[i], "start"), window(runs[i - 1], "end"));
  }
}

TEST_F(ScheduledRunsTest, DeletingOrDisablingAFlowStopsItsFutureRuns) {
  const std::string deleted = every_15_minutes_flow();
  const std::string disabled = every_15_minutes_flow();
  const std::string witness = every_15_minutes_flow();
  finished_runs(deleted, 1);
  finished_runs(disabled, 1);
  const auto etag = client_.get(join(kFlows, disabled)).headers.at("ETag");
  require_status(
      client_.post(join(kFlows, disabled) + "/action?op=disable", "", {{"If-Match", etag}}), 200);
  require_status(client_.del(join(kFlows, deleted)), 204);
  // A run already under way may still finish; none may start after it.
  const auto settle = [&](std::string_view flow) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    auto runs = runs_of(flow);
    while (std::any_of(runs.begin(), runs.end(), [](const auto& r) { return !finished(r); }) &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      runs = runs_of(flow);
    }
    return runs.size();
  };
  const std::size_t deleted_runs = settle(deleted), disabled_runs = settle(disabled);
  let_periods_pass(witness, 3);
  EXPECT_EQ(runs_of(deleted).size(), deleted_runs);
  EXPECT_EQ(runs_of(disabled).size(), disabled_runs);
}

}  // namespace
}  // namespace hw::test

// A batch run in progress, through the real binary and HTTP: its record shows the counts so
// far (whole pages, status still inProgress) while the source answers slowly, the final
// record the exact totals; a crash after progress was recorded is still recovered.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "integration/run_fixture.hpp"

namespace hw::test {
namespace {

constexpr std::int64_t kRecords = 950;  // count=100: ten pages, the last one short
constexpr std::int64_t kPageSize = 100;

class RunProgressTest : public RunTest {
 protected:
  void SetUp() override {
    RunTest::SetUp();
    upstream_.set_records(kRecords);
    flow_ = flow_with("s3cret");
  }

  // Each of the ten pages answered after 400 ms: a run of about four seconds.
  void slow_pages() {
    upstream_.inject(MockUpstream::Fault::slow, 0, 10, 1, std::chrono::milliseconds(400));
  }

  // The run's record once it shows some but not all records landed while inProgress;
  // nullopt when the run ended first or 30 s passed.
  std::optional<boost::json::object> partway(std::string_view run_id) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      auto run = get(kRuns, run_id);
      if (str(run.at("metrics").at("statusSummary"), "status") != "inProgress") return std::nullopt;
      const auto* records = run.at("metrics").as_object().if_contains("recordSummary");
      const auto out = records ? records->at("outputRecordCount").to_number<std::int64_t>() : 0;
      if (out > 0 && out < kRecords) return run;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
  }

  static std::int64_t pages_of(const boost::json::object& run) {
    return run.at("activities")
        .at(0)
        .at("statusSummary")
        .at("extensions")
        .at("pages")
        .to_number<std::int64_t>();
  }

  std::string flow_;
};

TEST_F(RunProgressTest, ARunInProgressShowsItsCountsSoFarThenItsExactTotals) {
  slow_pages();
  const std::string run_id = start_run(flow_);
  const auto during = partway(run_id);
  ASSERT_TRUE(during) << "no inProgress record with 0 < outputRecordCount < " << kRecords;
  const auto out = count(*during, "outputRecordCount");
  EXPECT_EQ(count(*during, "inputRecordCount"), out);
  EXPECT_EQ(count(*during, "failedRecordCount"), 0);
  EXPECT_EQ(pages_of(*during) * kPageSize, out);  // whole pages, each full but the last
  const auto& activity = during->at("activities").at(0);
  EXPECT_EQ(str(activity.at("statusSummary"), "status"), "inProgress");
  const std::string batch = str(activity, "id");
  EXPECT_FALSE(batch.empty());

  const auto run = finished_run(run_id);
  ASSERT_EQ(str(run.at("metrics").at("statusSummary"), "status"), "success")
      << boost::json::serialize(run);
  EXPECT_EQ(count(run, "inputRecordCount"), kRecords);
  EXPECT_EQ(count(run, "outputRecordCount"), kRecords);
  EXPECT_EQ(count(run, "failedRecordCount"), 0);
  EXPECT_EQ(pages_of(run), 10);
  EXPECT_EQ(str(run.at("activities").at(0), "id"), batch);
  EXPECT_EQ(str(run.at("activities").at(0).at("statusSummary"), "status"), "success");
  EXPECT_EQ(batch_records(batch).size(), static_cast<std::size_t>(kRecords));
}

TEST_F(RunProgressTest, ARunCutOffAfterShowingProgressIsFailedAtTheNextStartAndRunsAgain) {
  slow_pages();
  const std::string run_id = start_run(flow_);
  ASSERT_TRUE(partway(run_id));
  server_.kill9();
  server_.restart();
  client_ = HttpClient(server_.base_url());
  const auto interrupted = get(kRuns, run_id);
  const auto& status = interrupted.at("metrics").at("statusSummary");
  EXPECT_EQ(str(status, "status"), "failed");
  EXPECT_EQ(str(status.at("errors").at(0), "code"), "INTERRUPTED");
  EXPECT_EQ(count(interrupted, "outputRecordCount"), 0);  // its batch never landed
  const auto again = finished_run(start_run(flow_));
  EXPECT_EQ(str(again.at("metrics").at("statusSummary"), "status"), "success");
  EXPECT_EQ(again.at("window").at("start"), 0);  // the interrupted window, from the beginning
  EXPECT_EQ(count(again, "outputRecordCount"), kRecords);
}

}  // namespace
}  // namespace hw::test

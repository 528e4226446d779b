// A run's counts so far: reported between pages at most once per interval, and recorded
// in the run's record where the finished run keeps them, its status still inProgress.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <vector>

#include "run/run_progress.hpp"
#include "run/run_record.hpp"

namespace hw::run {
namespace {

Outcome counts(std::size_t pages, std::size_t out) {
  Outcome o;
  o.success = true;
  o.batch_id = "B1";
  o.pages = pages;
  o.input_records = out + 1;
  o.output_records = out;
  o.failed_records = 1;
  o.input_bytes = 100 * out;
  o.output_bytes = 90 * out;
  return o;
}

TEST(ProgressReportsTest, ReportsBetweenPagesOnceTheIntervalPassed) {
  std::vector<std::size_t> reported;
  ProgressReports reports([&](const Outcome& o) { reported.push_back(o.output_records); },
                          std::chrono::seconds(0));
  for (std::size_t page = 1; page <= 3; ++page)
    reports.page_done([&] { return counts(page, 100 * page); });
  EXPECT_EQ(reported, (std::vector<std::size_t>{100, 200, 300}));
}

TEST(ProgressReportsTest, ARunShorterThanTheIntervalReportsNothing) {
  std::size_t reported = 0, made = 0;
  ProgressReports reports([&](const Outcome&) { ++reported; });
  for (std::size_t page = 1; page <= 50; ++page)
    reports.page_done([&] {
      ++made;
      return counts(page, 100 * page);
    });
  EXPECT_EQ(reported, 0U);
  EXPECT_EQ(made, 0U);  // the counts are not even gathered
}

TEST(ProgressReportsTest, NoReceiverNoReports) {
  std::size_t made = 0;
  ProgressReports reports({}, std::chrono::seconds(0));
  reports.page_done([&] {
    ++made;
    return counts(1, 100);
  });
  EXPECT_EQ(made, 0U);
}

TEST(ProgressRunTest, CountsSoFarGoWhereTheFinishedRunKeepsThemAndTheStatusStays) {
  auto run = started_run("F1", {{"id", "S"}, {"version", "1.0"}}, 0, 5000, 1000);
  progress_run(run, counts(2, 200), 3000);
  EXPECT_EQ(run, boost::json::parse(R"({"flowId": "F1", "flowSpec": {"id": "S", "version": "1.0"},
      "window": {"start": 0, "end": 5000},
      "metrics": {"durationSummary": {"startedAtUTC": 1000},
                  "statusSummary": {"status": "inProgress"},
                  "sizeSummary": {"inputBytes": 20000, "outputBytes": 18000},
                  "recordSummary": {"inputRecordCount": 201, "outputRecordCount": 200,
                                    "failedRecordCount": 1}},
      "activities": [{"id": "B1", "name": "Ingestion", "updatedAtUTC": 3000,
                      "durationSummary": {"startedAtUTC": 1000},
                      "sizeSummary": {"inputBytes": 20000, "outputBytes": 18000},
                      "recordSummary": {"inputRecordCount": 201, "outputRecordCount": 200,
                                        "failedRecordCount": 1},
                      "statusSummary": {"status": "inProgress", "extensions": {"pages": 2}}}]})"));
}

TEST(ProgressRunTest, TheFinalRecordOverwritesTheCountsSoFar) {
  auto run = started_run("F1", {{"id", "S"}, {"version", "1.0"}}, 0, 5000, 1000);
  progress_run(run, counts(2, 200), 3000);
  auto outcome = counts(3, 250);
  outcome.completed_ms = 4000;
  finish_run(run, outcome);
  const auto& metrics = run.at("metrics");
  EXPECT_EQ(metrics.at("statusSummary"), boost::json::parse(R"({"status": "success"})"));
  EXPECT_EQ(metrics.at("durationSummary"),
            boost::json::parse(R"({"startedAtUTC": 1000, "completedAtUTC": 4000})"));
  EXPECT_EQ(metrics.at("recordSummary"),
            boost::json::parse(
                R"({"inputRecordCount": 251, "outputRecordCount": 250, "failedRecordCount": 1})"));
  const auto& activities = run.at("activities").as_array();
  ASSERT_EQ(activities.size(), 1U);
  EXPECT_EQ(activities[0].at("updatedAtUTC"), 4000);
  EXPECT_EQ(activities[0].at("statusSummary"),
            boost::json::parse(R"({"status": "success", "extensions": {"pages": 3}})"));
}

}  // namespace
}  // namespace hw::run

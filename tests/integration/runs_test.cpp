// Batch runs end to end, through the HTTP API only: spec → flow spec → connection →
// source → dataset → target → flow → run, against the in-process MailChimp-style mock;
// then the records are read back through the Data Access API.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include "integration/run_fixture.hpp"

namespace hw::test {
namespace {

class RunsTest : public RunTest {};

TEST_F(RunsTest, EveryMemberLandsInTheDatasetExactlyOnce) {
  const std::string run_id = start_run(flow_with("s3cret"));
  const auto run = finished_run(run_id);
  ASSERT_EQ(str(run.at("metrics").at("statusSummary"), "status"), "success")
      << boost::json::serialize(run);
  EXPECT_EQ(count(run, "inputRecordCount"), 250);
  EXPECT_EQ(count(run, "outputRecordCount"), 250);
  EXPECT_EQ(count(run, "failedRecordCount"), 0);
  const std::string batch = str(run.at("activities").at(0), "id");
  const auto records = batch_records(batch);
  ASSERT_EQ(records.size(), 250U);
  std::set<std::string> ids;
  for (const auto& r : records) ids.insert(str(r, "id"));
  EXPECT_EQ(ids.size(), 250U);
  EXPECT_TRUE(ids.contains("m0") && ids.contains("m249"));
  EXPECT_EQ(str(records[0].at("merge_fields"), "FNAME"), "First0");
}

TEST_F(RunsTest, PagesFollowTheSpecsOffsetPagination) {
  finished_run(start_run(flow_with("s3cret")));
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 3U);  // count=100: 100, 100, 50 (a short page ends it)
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_NE(requests[i].target.find("count=100"), std::string::npos) << requests[i].target;
    EXPECT_NE(requests[i].target.find("offset=" + std::to_string(i * 100)), std::string::npos)
        << requests[i].target;
    EXPECT_NE(requests[i].target.find("since_last_changed="), std::string::npos)
        << requests[i].target;
  }
}

TEST_F(RunsTest, AWrongPasswordFailsTheRunWithTheUpstreams401AndNoSecret) {
  const auto run = finished_run(start_run(flow_with("wrong-password")));
  const auto& status = run.at("metrics").at("statusSummary");
  ASSERT_EQ(str(status, "status"), "failed");
  const auto& error = status.at("errors").at(0);
  EXPECT_EQ(str(error, "code"), "UPSTREAM_401");
  EXPECT_NE(str(error, "message").find("answered 401"), std::string::npos) << str(error, "message");
  EXPECT_EQ(boost::json::serialize(run).find("wrong-password"), std::string::npos);
}

TEST_F(RunsTest, ConsecutiveRunsHaveNoGapAndNoOverlapAcrossARestart) {
  const std::string flow = flow_with("s3cret");
  const auto first = finished_run(start_run(flow));
  ASSERT_EQ(server_.stop(), 0);
  server_.restart();
  client_ = HttpClient(server_.base_url());
  const auto second = finished_run(start_run(flow));
  EXPECT_EQ(first.at("window").at("start"), 0);
  EXPECT_EQ(second.at("window").at("start"), first.at("window").at("end"));
  EXPECT_EQ(count(second, "inputRecordCount"),
            0);  // every member changed before the first window ended
}

TEST_F(RunsTest, OneRunAtATimePerFlow) {
  upstream_.inject(MockUpstream::Fault::slow, 0, 1, 1, std::chrono::milliseconds(1500));
  const std::string flow = flow_with("s3cret");
  start_run(flow);
  expect_error(client_.post(kRuns, boost::json::serialize(boost::json::object{{"flowId", flow}})),
               409, "RUN_IN_PROGRESS");
}

TEST_F(RunsTest, TheNextRunStartsAsSoonAsThePreviousOneReadsFinished) {
  const std::string flow = flow_with("s3cret");
  for (int i = 0; i < 5; ++i) {
    const auto run = finished_run(start_run(flow));  // start_run wants 201, never 409
    EXPECT_EQ(str(run.at("metrics").at("statusSummary"), "status"), "success");
  }
}

TEST_F(RunsTest, RunsAreListedByFlow) {
  const std::string flow = flow_with("s3cret");
  const std::string run = start_run(flow);
  finished_run(run);
  const auto list =
      require_status(client_.get(std::string(kRuns) + "?property=flowId==" + flow), 200).json();
  ASSERT_EQ(list.at("items").as_array().size(), 1U);
  EXPECT_EQ(str(list.at("items").at(0), "id"), run);
  expect_error(client_.post(kRuns, R"({"flowId":"nope"})"), 404, "NOT_FOUND");
  expect_error(client_.post(kRuns, R"({})"), 400, "INVALID_REQUEST");
}

TEST_F(RunsTest, TheFlowsMappingSetShapesEveryRecord) {
  const auto mapping = str(require_status(client_.post(kMappingSets, R"({"mappings":[
      {"sourceType":"ATTRIBUTE","source":"email_address","destination":"person.email"},
      {"sourceType":"ATTRIBUTE","source":"merge_fields.FNAME","destination":"person.firstName"},
      {"sourceType":"CONSTANT","source":"mailchimp","destination":"origin"}]})"),
                                          201)
                               .json(),
                           "id");
  const std::string flow = flow_with("s3cret", [&](boost::json::object& f) {
    f["transformations"] = boost::json::array{
        {{"name", "Mapping"}, {"params", {{"mappingId", mapping}, {"mappingVersion", "0"}}}}};
  });
  const auto run = finished_run(start_run(flow));
  const auto records = batch_records(str(run.at("activities").at(0), "id"));
  ASSERT_EQ(records.size(), 250U);
  EXPECT_EQ(
      records[7],
      boost::json::parse(
          R"({"person":{"email":"user7@example.com","firstName":"First7"},"origin":"mailchimp"})"));
}

TEST_F(RunsTest, TheSchedulerStartsAOnceFlowWhoseTimeHasPassed) {
  const std::string flow = flow_with("s3cret", [](boost::json::object& f) {
    f["scheduleParams"] = {{"startTime", 1700000000}, {"frequency", "once"}};
  });
  const auto run = finished_run(first_run_of(flow));
  EXPECT_EQ(str(run.at("metrics").at("statusSummary"), "status"), "success");
  EXPECT_EQ(count(run, "outputRecordCount"), 250);
  EXPECT_EQ(str(run, "createdClient"), "headwater-scheduler");
}

TEST_F(RunsTest, ARunCutOffByACrashIsFailedAtTheNextStartAndItsWindowRunsAgain) {
  const std::string flow = flow_with("s3cret");
  upstream_.inject(MockUpstream::Fault::slow, 0, 1, 1, std::chrono::milliseconds(3000));
  const std::string run = start_run(flow);
  while (upstream_.requests().empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  server_.kill9();
  server_.restart();
  client_ = HttpClient(server_.base_url());
  const auto interrupted = get(kRuns, run);
  const auto& status = interrupted.at("metrics").at("statusSummary");
  EXPECT_EQ(str(status, "status"), "failed");
  EXPECT_EQ(str(status.at("errors").at(0), "code"), "INTERRUPTED");
  const auto again = finished_run(start_run(flow));
  EXPECT_EQ(again.at("window").at("start"), 0);  // the interrupted window, from the beginning
  EXPECT_EQ(count(again, "outputRecordCount"), 250);
}

TEST_F(RunsTest, ConnectionTestUsesTheAuthorizationTestUrl) {
  const std::string id = mock_connection("s3cret", "/3.0/ping");
  const auto response = require_status(client_.get(join(kConnections, id) + "/test"), 200).json();
  EXPECT_EQ(response.at("result"), true);
  ASSERT_EQ(upstream_.requests().size(), 1U);
  EXPECT_EQ(upstream_.requests()[0].target, "/3.0/ping");
}

TEST_F(RunsTest, ConnectionTestWithoutATestUrlReadsTheFirstPage) {
  const std::string id = mock_connection("s3cret");
  require_status(client_.get(join(kConnections, id) + "/test?listId=L9"), 200);
  ASSERT_EQ(upstream_.requests().size(), 1U);
  EXPECT_EQ(upstream_.requests()[0].target.rfind("/3.0/lists/L9/members?count=100&offset=0", 0), 0U)
      << upstream_.requests()[0].target;
}

TEST_F(RunsTest, AWrongPasswordFailsTheTestWithTheUpstreams401) {
  const std::string id = mock_connection("wrong-password", "/3.0/ping");
  const auto response = client_.get(join(kConnections, id) + "/test");
  expect_error(response, 400, "CONNECTION_TEST_FAILED");
  EXPECT_NE(response.body.find("answered 401"), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("API Key Invalid"), std::string::npos) << response.body;
  EXPECT_EQ(response.body.find("wrong-password"), std::string::npos) << response.body;
}

TEST_F(RunsTest, ExplorePreviewsTheFirstPageWithItsColumns) {
  const std::string id = mock_connection("s3cret");
  const auto body =
      require_status(client_.get(join(kConnections, id) + "/explore?objectType=rest&listId=L1"),
                     200)
          .json();
  EXPECT_EQ(str(body, "format"), "hierarchical");
  EXPECT_EQ(body.at("data").as_array().size(), 100U);
  EXPECT_EQ(str(body.at("data").at(0), "id"), "m0");
  const auto& columns = body.at("schema").at("columns").as_array();
  EXPECT_EQ(columns.at(0), (boost::json::value{{"name", "id"}, {"type", "string"}}));
  EXPECT_NE(std::find(columns.begin(), columns.end(),
                      boost::json::value{{"name", "merge_fields"}, {"type", "object"}}),
            columns.end());
  EXPECT_EQ(upstream_.requests().at(0).target.rfind("/3.0/lists/L1/members?", 0), 0U);
}

TEST_F(RunsTest, ExploreTakesAdobesBase64SourceParamsOrASourceConnection) {
  const std::string id = mock_connection("s3cret");
  // base64 of {"listId":"L2"}, without padding as Adobe's own example writes it
  require_status(client_.get(join(kConnections, id) +
                             "/explore?objectType=rest&sourceParams=eyJsaXN0SWQiOiJMMiJ9"),
                 200);
  const std::string source = create_source(id);
  require_status(client_.get(join(kConnections, id) + "/explore?sourceConnectionId=" + source),
                 200);
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].target.rfind("/3.0/lists/L2/members?", 0), 0U);
  EXPECT_EQ(requests[1].target.rfind("/3.0/lists/abc123/members?", 0), 0U);
  expect_error(client_.get(join(kConnections, id) + "/explore?sourceParams=!!"), 400,
               "INVALID_REQUEST");
}

TEST_F(RunsTest, ExploreWithAWrongPasswordNamesTheUpstreamStatus) {
  const std::string id = mock_connection("wrong-password");
  const auto response = client_.get(join(kConnections, id) + "/explore?listId=L1");
  expect_error(response, 400, "EXPLORE_FAILED");
  EXPECT_NE(response.body.find("answered 401"), std::string::npos) << response.body;
}

}  // namespace
}  // namespace hw::test

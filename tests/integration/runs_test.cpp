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

#include "integration/dataflow_fixture.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kRuns = "/data/foundation/flowservice/runs";
constexpr std::string_view kExport = "/data/foundation/export";

class RunsTest : public DataflowTest {
 protected:
  void SetUp() override {
    DataflowTest::SetUp();
    require_status(add_source(kRestStorageToAep, spec_id_), 200);
  }

  // A flow reading the mock with `password`: host, username and password as the mock wants.
  std::string flow_with(std::string_view password,
                        const std::function<void(boost::json::object&)>& edit = {}) {
    auto connection = parse_object(basic_connection(spec_id_, password));
    auto& params = connection["auth"].as_object()["params"].as_object();
    params["host"] = upstream_.base_url();
    Chain chain;
    chain.connection = create(kConnections, boost::json::serialize(connection));
    chain.source = create_source(chain.connection);
    chain.dataset = create_dataset();
    chain.target = create(kTargetConnections, target_body(chain.dataset));
    dataset_ = chain.dataset;
    auto flow = flow_body(chain);
    flow["scheduleParams"] = {
        {"startTime", 4102444800}, {"frequency", "hour"}, {"interval", 1}};  // 2100: never due here
    if (edit) edit(flow);
    return create(kFlows, boost::json::serialize(flow));
  }

  // A connection to the mock, as flow_with makes it.
  std::string mock_connection(std::string_view password, std::string_view test_url = {}) {
    auto connection = parse_object(basic_connection(spec_id_, password));
    auto& params = connection["auth"].as_object()["params"].as_object();
    params["host"] = upstream_.base_url();
    if (!test_url.empty()) params["authorizationTestUrl"] = test_url;
    return create(kConnections, boost::json::serialize(connection));
  }

  std::string start_run(std::string_view flow_id) {
    const auto response =
        client_.post(kRuns, boost::json::serialize(boost::json::object{{"flowId", flow_id}}));
    return str(require_status(response, 201).json(), "id");
  }

  // Polls until `flow` has a run (the scheduler's), bounded.
  std::string first_run_of(std::string_view flow) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      const auto list =
          require_status(client_.get(std::string(kRuns) + "?property=flowId==" + std::string(flow)),
                         200)
              .json();
      if (!list.at("items").as_array().empty()) return str(list.at("items").at(0), "id");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the scheduler started no run";
    return {};
  }

  // Polls until the run has left inProgress (bounded: a hang fails the test, not CI).
  boost::json::object finished_run(std::string_view run_id) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
      auto run = get(kRuns, run_id);
      const std::string status = str(run.at("metrics").at("statusSummary"), "status");
      if (status != "inProgress" || std::chrono::steady_clock::now() > deadline) return run;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  // Every record of the batch, through /batches/{id}/files → /files/{id} → ?path=.
  std::vector<boost::json::object> batch_records(std::string_view batch_id) {
    std::vector<boost::json::object> out;
    const auto files =
        require_status(
            client_.get(std::string(kExport) + "/batches/" + std::string(batch_id) + "/files"), 200)
            .json();
    for (const auto& file : files.at("data").as_array()) {
      const auto parts =
          require_status(client_.get(std::string(kExport) + "/files/" + str(file, "dataSetFileId")),
                         200)
              .json();
      for (const auto& part : parts.at("data").as_array()) {
        const auto href = str(part.at("_links").at("self"), "href");
        std::istringstream lines(require_status(client_.get(href), 200).body);
        for (std::string line; std::getline(lines, line);)
          if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
      }
    }
    return out;
  }

  static std::int64_t count(const boost::json::object& run, std::string_view key) {
    return run.at("metrics").at("recordSummary").at(key).to_number<std::int64_t>();
  }

  MockUpstream upstream_;
  std::string dataset_;
};

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

#pragma once
// Shared by the run integration tests: the chain of dataflow_fixture.hpp reading the
// in-process mock upstream, runs started and awaited through /runs, and records read back
// through the Data Access API.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "integration/dataflow_fixture.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test {

inline constexpr std::string_view kRuns = "/data/foundation/flowservice/runs";
inline constexpr std::string_view kExport = "/data/foundation/export";

class RunTest : public DataflowTest {
 protected:
  explicit RunTest(MockUpstreamOptions upstream = {}) : upstream_(std::move(upstream)) {}

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

  // Every line of the batch's files, as Data Access serves them (/batches/{id}/files →
  // /files/{id} → ?path=), text untouched.
  std::vector<std::string> batch_lines(std::string_view batch_id) {
    std::vector<std::string> out;
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
          if (!line.empty()) out.push_back(line);
      }
    }
    return out;
  }

  // Every record of the batch, parsed.
  std::vector<boost::json::object> batch_records(std::string_view batch_id) {
    std::vector<boost::json::object> out;
    for (const auto& line : batch_lines(batch_id))
      out.push_back(boost::json::parse(line).as_object());
    return out;
  }

  static std::int64_t count(const boost::json::object& run, std::string_view key) {
    return run.at("metrics").at("recordSummary").at(key).to_number<std::int64_t>();
  }

  MockUpstream upstream_;
  std::string dataset_;
};

}  // namespace hw::test

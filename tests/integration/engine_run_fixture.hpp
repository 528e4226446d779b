#pragma once
// Shared by the resilience and OAuth run tests: the run fixture, with the server restarted
// under small engine timeouts and retry delays (so failures are quick), and a MailChimp spec
// whose authSpec offers the refresh-code properties of Adobe's config__authspec.md and an
// API key sent as a query parameter (so URLs in messages carry a secret to redact).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "integration/run_fixture.hpp"

namespace hw::test {

// What every test server of this fixture runs with (README, "engine" settings).
inline constexpr std::string_view kEngineConfig = R"({"engine": {
    "connectTimeoutMillis": 300, "readTimeoutMillis": 400, "maxAttempts": 3,
    "retryBaseDelayMillis": 20, "retryMaxDelayMillis": 3000}})";

class EngineRunTest : public RunTest {
 protected:
  explicit EngineRunTest(MockUpstreamOptions upstream = {}) : RunTest(std::move(upstream)) {}

  void SetUp() override {
    RunTest::SetUp();
    spec_id_ = str(create_connection_spec(boost::json::serialize(refresh_code_spec())), "id");
    require_status(add_source(kRestStorageToAep, spec_id_), 200);
    ASSERT_EQ(server_.stop(), 0);
    const std::string config = dir_.path() + "/engine.json";
    std::ofstream(config) << kEngineConfig;
    engine_server_ =
        std::make_unique<ServerProcess>(dir_.path(), std::vector<std::string>{"--config", config});
    client_ = HttpClient(engine_server_->base_url());
  }

  static boost::json::object string_property(std::string_view description) {
    return {{"type", "string"}, {"description", description}};
  }
  static boost::json::object password_property(std::string_view description) {
    return {{"type", "string"}, {"format", "password"}, {"description", description}};
  }

  // The docs' MailChimp spec with the refresh-code properties in its OAuth2 entry, and a
  // KeyBased entry named "API Key" whose key goes in the query as `apikey`.
  static boost::json::object refresh_code_spec() {
    auto spec = parse_object(mailchimp_named("MailChimp members, refreshing tokens"));
    auto& auth_specs = spec["authSpec"].as_array();
    auto& properties = auth_specs.at(0).at("spec").as_object()["properties"].as_object();
    properties["clientId"] = string_property("Client id of the app.");
    properties["clientSecret"] = password_property("Client secret of the app.");
    properties["refreshToken"] = password_property("Refresh token.");
    properties["expirationDate"] = {
        {"type", "string"}, {"format", "date"}, {"description", "Date of token expiry."}};
    properties["accessTokenUrl"] = string_property("Where tokens are refreshed.");
    properties["requestParameterOverride"] = {{"type", "object"}};
    auth_specs.push_back({{"name", "API Key"},
                          {"type", "KeyBased"},
                          {"spec",
                           {{"$schema", "http://json-schema.org/draft-07/schema#"},
                            {"type", "object"},
                            {"properties",
                             {{"host", string_property("Resource url host.")},
                              {"apikey",
                               {{"type", "string"},
                                {"format", "password"},
                                {"restAttributes", {{"queryParamName", "apikey"}}}}}}},
                            {"required", {"host", "apikey"}}}}});
    return spec;
  }

  // A connection to the mock with the auth spec `spec_name` and `params` (host added).
  std::string connection_with(std::string_view spec_name, boost::json::object params) {
    params["host"] = upstream_.base_url();
    return create(kConnections,
                  boost::json::serialize(boost::json::object{
                      {"name", "MailChimp members"},
                      {"auth", {{"specName", spec_name}, {"params", std::move(params)}}},
                      {"connectionSpec", {{"id", spec_id_}, {"version", "1.0"}}}}));
  }

  // The rest of the chain on `connection`: source, dataset, target, and a flow that only
  // runs when asked (its schedule starts in 2100).
  std::string flow_on(std::string_view connection) {
    Chain chain{std::string(connection), create_source(connection), create_dataset(), {}};
    chain.target = create(kTargetConnections, target_body(chain.dataset));
    dataset_ = chain.dataset;
    auto flow = flow_body(chain);
    flow["scheduleParams"] = {{"startTime", 4102444800}, {"frequency", "hour"}, {"interval", 1}};
    return create(kFlows, boost::json::serialize(flow));
  }

  // Starts a run of `flow` and waits for its end.
  boost::json::object run_to_end(std::string_view flow) { return finished_run(start_run(flow)); }

  static std::string status_of(const boost::json::object& run) {
    return str(run.at("metrics").at("statusSummary"), "status");
  }
  static boost::json::object error_of(const boost::json::object& run) {
    return run.at("metrics").at("statusSummary").at("errors").at(0).as_object();
  }

  // The ids of every record the run's batch holds, each expected once.
  std::set<std::string> landed_ids(const boost::json::object& run) {
    std::set<std::string> ids;
    for (const auto& record : batch_records(str(run.at("activities").at(0), "id")))
      EXPECT_TRUE(ids.insert(str(record, "id")).second) << "duplicate " << record;
    return ids;
  }

  // m0 … m<n-1>, the mock's members.
  static std::set<std::string> members(std::size_t n) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.insert("m" + std::to_string(i));
    return ids;
  }

  std::unique_ptr<ServerProcess> engine_server_;
};

}  // namespace hw::test

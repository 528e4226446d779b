#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "engine/pull.hpp"
#include "engine/run_error.hpp"
#include "support/mock_upstream.hpp"

namespace hw::engine {
namespace {

using test::MockUpstream;

const boost::json::object kSpec = boost::json::parse(R"({"sourceSpec":{"attributes":{
    "urlParams":{"path":"/3.0/lists/${listId}/members","method":"GET"},
    "contentPath":"$.members",
    "paginationParams":{"type":"OFFSET","limitName":"count","limitValue":"100","offSetName":"offset"}}}})")
                                      .as_object();
const boost::json::object kParams = boost::json::parse(R"({"listId":"L1"})").as_object();

boost::json::object key_auth_spec(const char* rest_attribute) {
  return boost::json::
      parse(std::string(
                R"({"name":"API key","type":"KeyBased","spec":{"type":"object","properties":{"host":{"type":"string"},"apiKey":{"type":"string","format":"password","restAttributes":{")") +
            rest_attribute + R"(":"X-Api-Key"}}}}})")
          .as_object();
}

class EnginePullTest : public ::testing::Test {
 protected:
  PullStats run(const boost::json::object& auth_spec, const boost::json::object& auth_params) {
    return pull(
        {kSpec, auth_params, kParams, std::nullopt}, auth_spec,
        [&](std::string_view) { ++records; }, options);
  }
  PullStats run_basic(const char* password = "s3cret") {
    return run(boost::json::parse(R"({"name":"Basic","type":"BasicAuthentication","spec":{}})")
                   .as_object(),
               {{"host", upstream.base_url()}, {"username", "ann"}, {"password", password}});
  }
  RunError failure(std::function<void()> f) {
    try {
      f();
    } catch (const RunError& e) {
      return e;
    }
    ADD_FAILURE() << "no RunError";
    return RunError("NONE", "");
  }

  MockUpstream upstream;
  PullOptions options;
  std::size_t records = 0;
};

TEST_F(EnginePullTest, KeyInAHeader) {
  const auto stats =
      run(key_auth_spec("headerParamName"), {{"host", upstream.base_url()}, {"apiKey", "key-123"}});
  EXPECT_EQ(stats.records, 250U);
  EXPECT_EQ(stats.pages, 3U);
  EXPECT_EQ(records, 250U);
}

TEST_F(EnginePullTest, KeyInTheQueryIsRedactedFromErrors) {
  options.fetch.read_timeout = std::chrono::milliseconds(5000);
  options.fetch.retry.max_attempts = 1;  // the 500 stands
  upstream.inject(MockUpstream::Fault::status500);
  // The mock reads ?apikey=; the spec names the query parameter apikey.
  auto spec = key_auth_spec("queryParamName");
  spec["spec"].as_object()["properties"].as_object()["apiKey"].as_object()["restAttributes"] = {
      {"queryParamName", "apikey"}};
  const auto e = failure([&] {
    run(spec, {{"host", upstream.base_url()}, {"apiKey", "key-123"}});
  });
  EXPECT_EQ(e.code(), "UPSTREAM_500");
  const std::string message = e.what();
  EXPECT_EQ(message.find("key-123"), std::string::npos) << message;
  EXPECT_NE(message.find("apikey=***"), std::string::npos) << message;
}

TEST_F(EnginePullTest, MalformedTruncatedAndResetPagesNameThePage) {
  options.fetch.retry.max_attempts = 1;  // one cut-off page fails the run
  upstream.inject(MockUpstream::Fault::malformed_json, 1);
  auto e = failure([&] { run_basic(); });
  EXPECT_EQ(e.code(), "MALFORMED_PAGE");
  EXPECT_NE(std::string(e.what()).find("offset=100"), std::string::npos) << e.what();
  for (auto fault : {MockUpstream::Fault::truncated_body, MockUpstream::Fault::reset_connection}) {
    upstream.inject(fault);
    e = failure([&] { run_basic(); });
    EXPECT_EQ(e.code(), "NETWORK") << e.what();
  }
}

TEST_F(EnginePullTest, WrongPasswordIsThe401WithoutThePassword) {
  const auto e = failure([&] { run_basic("not-the-password"); });
  EXPECT_EQ(e.code(), "UPSTREAM_401");
  EXPECT_EQ(std::string(e.what()).find("not-the-password"), std::string::npos) << e.what();
}

TEST_F(EnginePullTest, ASourceThatIgnoresTheOffsetIsALoopNotAnEndlessRun) {
  auto spec = kSpec;
  spec["sourceSpec"]
      .as_object()["attributes"]
      .as_object()["paginationParams"]
      .as_object()["offSetName"] = "ignored";
  const auto e = failure([&] {
    pull(
        {spec,
         {{"host", upstream.base_url()}, {"username", "ann"}, {"password", "s3cret"}},
         kParams,
         std::nullopt},
        boost::json::parse(R"({"type":"BasicAuthentication"})").as_object(),
        [](std::string_view) {}, options);
  });
  EXPECT_EQ(e.code(), "PAGINATION_LOOP");
}

TEST_F(EnginePullTest, CancellationStopsBetweenPages) {
  std::size_t checks = 0;
  options.cancelled = [&] { return ++checks > 1; };  // the flow is disabled after the first page
  EXPECT_EQ(failure([&] { run_basic(); }).code(), "CANCELLED");
  EXPECT_EQ(records, 100U);  // the page fetched before is still written, none after
}

}  // namespace
}  // namespace hw::engine

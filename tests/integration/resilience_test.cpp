// Runs against a source that fails now and then, end to end through the HTTP API: 429s
// with Retry-After, flaky 5xx, slow and cut-off pages, and rate limits the spec declares.
// The server runs with the small engine settings of engine_run_fixture.hpp: 3 attempts,
// backoff from 20 ms, a 400 ms read timeout.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>

#include "integration/engine_run_fixture.hpp"

namespace hw::test {
namespace {

using Fault = MockUpstream::Fault;
using std::chrono::milliseconds;

class ResilienceTest : public EngineRunTest {
 protected:
  std::string basic_flow() {
    return flow_on(
        connection_with("Basic Authentication", {{"username", "ann"}, {"password", "s3cret"}}));
  }

  static std::string message_of(const boost::json::object& run) {
    return str(error_of(run), "message");
  }

  static milliseconds gap(const UpstreamRequest& earlier, const UpstreamRequest& later) {
    return std::chrono::duration_cast<milliseconds>(later.received - earlier.received);
  }
};

TEST_F(ResilienceTest, A429IsWaitedOutForItsRetryAfterAndEveryMemberLands) {
  const std::string flow = basic_flow();
  upstream_.inject(Fault::status429, 1, 1, 1);  // the second page: Retry-After: 1
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "success") << run;
  EXPECT_EQ(landed_ids(run), members(250));
  EXPECT_EQ(count(run, "outputRecordCount"), 250);
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 4U);  // page 1, page 2 (429), page 2 again, page 3
  EXPECT_EQ(requests[2].target, requests[1].target);
  EXPECT_GE(gap(requests[1], requests[2]), milliseconds(1000));  // not the 20 ms backoff
}

TEST_F(ResilienceTest, ARetryAfterGivenAsAnHttpDateIsHonoured) {
  const std::string flow = basic_flow();
  upstream_.inject(Fault::status429_date, 0, 1, 2);  // a date two seconds ahead
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "success") << run;
  EXPECT_EQ(landed_ids(run), members(250));
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 4U);
  EXPECT_EQ(requests[1].target, requests[0].target);
  // The date has whole seconds: two seconds ahead is between one and two from now (the
  // backoff alone would be 20 ms at most).
  EXPECT_GE(gap(requests[0], requests[1]), milliseconds(900));
}

TEST_F(ResilienceTest, FlakyServerErrorsAreRetriedUntilEveryPageIsRead) {
  const std::string flow = basic_flow();
  upstream_.inject(Fault::status500, 0, 2);  // page 1 fails twice: its third try succeeds
  upstream_.inject(Fault::status500, 3, 1);  // page 2 fails once
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "success") << run;
  EXPECT_EQ(landed_ids(run), members(250));
  EXPECT_EQ(count(run, "inputRecordCount"), 250);
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 6U);
  EXPECT_EQ(requests[2].target, requests[0].target);
  EXPECT_EQ(requests[4].target, requests[3].target);
}

TEST_F(ResilienceTest, WhenAttemptsRunOutTheRunFailsNamingTheStatusAndTheRedactedUrl) {
  const std::string flow = flow_on(connection_with("API Key", {{"apikey", "key-123"}}));
  upstream_.inject(Fault::status500, 0, 3);
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "failed") << run;
  EXPECT_EQ(str(error_of(run), "code"), "UPSTREAM_500");
  const std::string message = message_of(run);
  EXPECT_NE(message.find("answered 500 (tried 3 times)"), std::string::npos) << message;
  EXPECT_NE(message.find("/3.0/lists/abc123/members?"), std::string::npos) << message;
  EXPECT_NE(message.find("apikey=***"), std::string::npos) << message;
  EXPECT_EQ(boost::json::serialize(run).find("key-123"), std::string::npos) << run;
  EXPECT_EQ(upstream_.requests().size(), 3U);
  EXPECT_EQ(count(run, "outputRecordCount"), 0);
}

TEST_F(ResilienceTest, APageSlowerThanTheReadTimeoutIsAskedForAgain) {
  const std::string flow = basic_flow();
  upstream_.inject(Fault::slow, 1, 1, 1, milliseconds(1500));
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "success") << run;
  EXPECT_EQ(landed_ids(run), members(250));
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 4U);
  EXPECT_EQ(requests[2].target, requests[1].target);
  EXPECT_LT(gap(requests[1], requests[2]), milliseconds(1500));  // gave up before the answer
}

TEST_F(ResilienceTest, APageAlwaysSlowerThanTheReadTimeoutFailsTheRun) {
  const std::string flow = basic_flow();
  upstream_.inject(Fault::slow, 1, 3, 1, milliseconds(1500));
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "failed") << run;
  EXPECT_EQ(str(error_of(run), "code"), "NETWORK");
  const std::string message = message_of(run);
  EXPECT_NE(message.find("offset=100"), std::string::npos) << message;
  EXPECT_NE(message.find("Timeout"), std::string::npos) << message;
  EXPECT_NE(message.find("(tried 3 times)"), std::string::npos) << message;
  EXPECT_EQ(upstream_.requests().size(), 4U);
}

TEST_F(ResilienceTest, ConnectionTestAndExploreKeepTheEngineTimeoutsToo) {
  const std::string connection =
      connection_with("Basic Authentication", {{"username", "ann"}, {"password", "s3cret"}});
  upstream_.inject(Fault::slow, 0, 2, 1, milliseconds(3000));
  const auto started = std::chrono::steady_clock::now();
  const auto tested = client_.get(join(kConnections, connection) + "/test?listId=abc123");
  expect_error(tested, 400, "CONNECTION_TEST_FAILED");
  const auto explored = client_.get(join(kConnections, connection) + "/explore?listId=abc123");
  expect_error(explored, 400, "EXPLORE_FAILED");
  // 300 ms to connect + 400 ms to read each, not the 60 s default nor the 3 s answer.
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(2500));
}

TEST_F(ResilienceTest, APageCutShortEveryTimeFailsTheRunNamingItsUrl) {
  const std::string flow = basic_flow();
  upstream_.inject(Fault::truncated_body, 1, 3);
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "failed") << run;
  EXPECT_EQ(str(error_of(run), "code"), "NETWORK");
  const std::string message = message_of(run);
  EXPECT_NE(message.find("/3.0/lists/abc123/members?"), std::string::npos) << message;
  EXPECT_NE(message.find("&count=100&offset=100"), std::string::npos) << message;
  EXPECT_NE(message.find("partial file"), std::string::npos) << message;
  EXPECT_NE(message.find("(tried 3 times)"), std::string::npos) << message;
}

TEST_F(ResilienceTest, AMalformedPageFailsTheRunAtOnceNamingItsUrlAndTheParseError) {
  const std::string flow = basic_flow();
  upstream_.inject(Fault::malformed_json, 1);
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "failed") << run;
  EXPECT_EQ(str(error_of(run), "code"), "MALFORMED_PAGE");
  const std::string message = message_of(run);
  EXPECT_NE(message.find("/3.0/lists/abc123/members?"), std::string::npos) << message;
  EXPECT_NE(message.find("&count=100&offset=100"), std::string::npos) << message;
  EXPECT_NE(message.find("is not valid JSON"), std::string::npos) << message;
  EXPECT_EQ(upstream_.requests().size(), 2U);  // the same bytes would come again: no retry
}

TEST_F(ResilienceTest, DelayRequestMillisSpacesConsecutivePages) {
  auto spec = refresh_code_spec();
  spec["name"] = "MailChimp members, 80 requests a minute";
  spec["sourceSpec"]
      .as_object()["attributes"]
      .as_object()["paginationParams"]
      .as_object()["delayRequestMillis"] = "400";
  spec_id_ = str(create_connection_spec(boost::json::serialize(spec)), "id");
  require_status(add_source(kRestStorageToAep, spec_id_), 200);
  const auto run = run_to_end(basic_flow());
  ASSERT_EQ(status_of(run), "success") << run;
  EXPECT_EQ(landed_ids(run), members(250));
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 3U);
  // Spaced where they leave the engine; arrival adds some jitter either way.
  EXPECT_GE(gap(requests[0], requests[1]), milliseconds(300));
  EXPECT_GE(gap(requests[1], requests[2]), milliseconds(300));
}

}  // namespace
}  // namespace hw::test

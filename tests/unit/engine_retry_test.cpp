#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "engine/resilient_fetcher.hpp"
#include "engine/retry_policy.hpp"
#include "engine/run_error.hpp"
#include "support/mock_upstream.hpp"

namespace hw::engine {
namespace {

using std::chrono::milliseconds;
using test::MockUpstream;
using Fault = MockUpstream::Fault;

// 2024-03-01T12:00:00Z, a Friday.
const auto kNow = std::chrono::sys_days(std::chrono::year(2024) / 3 / 1) + std::chrono::hours(12);

TEST(RetryPolicyTest, BackoffDoublesFromTheBaseDelayUpToTheMaxDelay) {
  const RetryPolicy policy({5, milliseconds(100), milliseconds(1000)});
  EXPECT_EQ(policy.backoff(1, 1.0), milliseconds(100));
  EXPECT_EQ(policy.backoff(2, 1.0), milliseconds(200));
  EXPECT_EQ(policy.backoff(3, 1.0), milliseconds(400));
  EXPECT_EQ(policy.backoff(4, 1.0), milliseconds(800));
  EXPECT_EQ(policy.backoff(5, 1.0), milliseconds(1000));
  EXPECT_EQ(policy.backoff(64, 1.0), milliseconds(1000));
  EXPECT_EQ(policy.backoff(4'000'000'000U, 1.0), milliseconds(1000));
}

TEST(RetryPolicyTest, FullJitterSpansZeroToTheCeiling) {
  const RetryPolicy policy({5, milliseconds(100), milliseconds(1000)});
  EXPECT_EQ(policy.backoff(3, 0.0), milliseconds(0));
  EXPECT_EQ(policy.backoff(3, 0.5), milliseconds(200));
  EXPECT_EQ(policy.backoff(3, 0.999), milliseconds(399));
  EXPECT_EQ(policy.backoff(3, -1.0), milliseconds(0));  // clamped: never negative
}

TEST(RetryPolicyTest, OnlyThrottlingAndServerErrorsAreRetryable) {
  for (long status : {429L, 500L, 502L, 503L, 504L, 599L})
    EXPECT_TRUE(RetryPolicy::retryable(status));
  for (long status : {200L, 304L, 400L, 401L, 403L, 404L, 408L, 600L})
    EXPECT_FALSE(RetryPolicy::retryable(status)) << status;
}

TEST(RetryPolicyTest, MaxAttemptsCountsTheFirstTry) {
  const RetryPolicy policy({3, milliseconds(1), milliseconds(1)});
  EXPECT_TRUE(policy.may_retry(1));
  EXPECT_TRUE(policy.may_retry(2));
  EXPECT_FALSE(policy.may_retry(3));
  EXPECT_FALSE(RetryPolicy({1, milliseconds(1), milliseconds(1)}).may_retry(1));
}

TEST(RetryAfterTest, DelaySeconds) {
  EXPECT_EQ(parse_retry_after("3", kNow), milliseconds(3000));
  EXPECT_EQ(parse_retry_after("0", kNow), milliseconds(0));
  EXPECT_EQ(parse_retry_after("99999999999999999999999", kNow),
            std::chrono::seconds(std::uint64_t{1} << 32));
}

TEST(RetryAfterTest, HttpDatesInAllThreeForms) {
  EXPECT_EQ(parse_retry_after("Fri, 01 Mar 2024 12:00:05 GMT", kNow), milliseconds(5000));
  EXPECT_EQ(parse_retry_after("Friday, 01-Mar-24 12:00:05 GMT", kNow), milliseconds(5000));
  EXPECT_EQ(parse_retry_after("Fri Mar  1 12:00:05 2024", kNow), milliseconds(5000));
  EXPECT_EQ(parse_retry_after("Fri, 01 Mar 2024 11:59:00 GMT", kNow), milliseconds(0));  // past
}

TEST(RetryAfterTest, GarbageIsNoRetryAfter) {
  for (const char* value : {"", "soon", "-1", "1.5", "3 seconds", "12abc", "Fri, 99 Foo"})
    EXPECT_EQ(parse_retry_after(value, kNow), std::nullopt) << value;
}

TEST(RetryPolicyTest, WaitHonoursRetryAfterUpToTheMaxDelayElseBacksOff) {
  const RetryPolicy policy({5, milliseconds(100), milliseconds(1500)});
  UpstreamResponse answer;
  EXPECT_EQ(policy.wait_before(2, &answer, 1.0, kNow), milliseconds(200));
  EXPECT_EQ(policy.wait_before(2, nullptr, 0.5, kNow), milliseconds(100));
  answer.headers = {{"retry-after", "1"}};
  EXPECT_EQ(policy.wait_before(2, &answer, 0.0, kNow), milliseconds(1000));
  answer.headers = {{"retry-after", "120"}};
  EXPECT_EQ(policy.wait_before(2, &answer, 0.0, kNow), milliseconds(1500));
  answer.headers = {{"retry-after", "Fri, 01 Mar 2024 12:00:01 GMT"}};
  EXPECT_EQ(policy.wait_before(2, &answer, 0.0, kNow), milliseconds(1000));
  answer.headers = {{"retry-after", "whenever"}};
  EXPECT_EQ(policy.wait_before(3, &answer, 1.0, kNow), milliseconds(400));
}

// ResilientFetcher against the in-process mock, with waits recorded instead of slept.
class ResilientFetcherTest : public ::testing::Test {
 protected:
  ResilientFetcherTest() {
    options.retry = {3, milliseconds(100), milliseconds(5000)};
    options.connect_timeout = milliseconds(1000);
    options.read_timeout = milliseconds(300);
    request.url = upstream.base_url() + "/3.0/ping?apikey=key-123";
    request.secrets = {"key-123"};
  }

  ResilientFetcher fetcher(milliseconds spacing = milliseconds(0)) {
    return ResilientFetcher(options, spacing, {}, [this](milliseconds d) { waits.push_back(d); });
  }

  RunError failure(ResilientFetcher& f) {
    try {
      f.fetch(request);
    } catch (const RunError& e) {
      return e;
    }
    ADD_FAILURE() << "no RunError";
    return RunError("NONE", "");
  }

  MockUpstream upstream;
  FetchOptions options;
  UpstreamRequest request;
  std::vector<milliseconds> waits;
};

TEST_F(ResilientFetcherTest, A429IsRetriedAfterItsRetryAfter) {
  upstream.inject(Fault::status429, 0, 1, 2);
  auto f = fetcher();
  const auto answer = f.fetch(request);
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.attempts, 2U);
  EXPECT_EQ(waits, std::vector<milliseconds>{milliseconds(2000)});
}

TEST_F(ResilientFetcherTest, ARetryAfterDateIsTheWaitUntilThen) {
  upstream.inject(Fault::status429_date, 0, 1, 3);
  auto f = fetcher();
  EXPECT_EQ(f.fetch(request).status, 200);
  ASSERT_EQ(waits.size(), 1U);
  EXPECT_GT(waits[0], milliseconds(1900));  // three seconds ahead, in whole seconds
  EXPECT_LE(waits[0], milliseconds(3000));
}

TEST_F(ResilientFetcherTest, ServerErrorsBackOffWithinTheDoublingCeilingUntilAttemptsRunOut) {
  upstream.inject(Fault::status500, 0, 3);
  auto f = fetcher();
  const auto answer = f.fetch(request);
  EXPECT_EQ(answer.status, 500);
  EXPECT_EQ(answer.attempts, 3U);
  ASSERT_EQ(waits.size(), 2U);
  EXPECT_LE(waits[0], milliseconds(100));
  EXPECT_LE(waits[1], milliseconds(200));
  EXPECT_EQ(upstream.requests().size(), 3U);
}

TEST_F(ResilientFetcherTest, AnswersThatWouldNotChangeAreNotRetried) {
  request.url = upstream.base_url() + "/nowhere?apikey=key-123";
  auto f = fetcher();
  EXPECT_EQ(f.fetch(request).status, 404);
  EXPECT_TRUE(waits.empty());
  EXPECT_EQ(upstream.requests().size(), 1U);
}

TEST_F(ResilientFetcherTest, ATimeoutIsRetriedAndRecovers) {
  upstream.inject(Fault::slow, 0, 1, 1, milliseconds(2000));
  auto f = fetcher();
  const auto answer = f.fetch(request);
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.attempts, 2U);
}

TEST_F(ResilientFetcherTest, TransportFailuresOnEveryAttemptThrowTheLastWithTheCount) {
  upstream.inject(Fault::reset_connection, 0, 10);
  auto f = fetcher();
  const auto e = failure(f);
  EXPECT_EQ(e.code(), "NETWORK");
  const std::string message = e.what();
  EXPECT_NE(message.find("/3.0/ping?apikey=***"), std::string::npos) << message;
  EXPECT_NE(message.find("(tried 3 times)"), std::string::npos) << message;
  EXPECT_EQ(message.find("key-123"), std::string::npos) << message;
  EXPECT_EQ(waits.size(), 2U);
}

TEST_F(ResilientFetcherTest, AnOversizePageIsNotRetried) {
  options.max_body_bytes = 10;
  auto f = fetcher();
  EXPECT_EQ(failure(f).code(), "PAGE_TOO_LARGE");
  EXPECT_EQ(upstream.requests().size(), 1U);
  EXPECT_TRUE(waits.empty());
}

TEST_F(ResilientFetcherTest, CancellingEndsARetryWaitWithoutAnotherRequest) {
  options.retry = {3, milliseconds(100), milliseconds(30'000)};
  upstream.inject(Fault::status429, 0, 1, 30);  // Retry-After: 30
  std::atomic<bool> cancelled = false;
  ResilientFetcher f(options, milliseconds(0), [&] { return cancelled.load(); });
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds(200));
    cancelled = true;
  });
  const auto started = std::chrono::steady_clock::now();
  const RunError error = failure(f);
  const auto took = std::chrono::steady_clock::now() - started;
  canceller.join();
  EXPECT_EQ(error.code(), "CANCELLED");
  EXPECT_STREQ(error.what(), "the run was cancelled");
  EXPECT_LT(took, std::chrono::seconds(2));
  EXPECT_EQ(upstream.requests().size(), 1U);
}

TEST_F(ResilientFetcherTest, SpacingKeepsConsecutiveRequestsApart) {
  auto f = fetcher(milliseconds(300));
  f.fetch(request);
  EXPECT_TRUE(waits.empty());  // the first request waits for nothing
  f.fetch(request);
  ASSERT_EQ(waits.size(), 1U);
  EXPECT_GT(waits[0], milliseconds(200));
  EXPECT_LE(waits[0], milliseconds(300));
}

}  // namespace
}  // namespace hw::engine

// Disabling a flow cancels its run under way, even while the run waits out a 429: the
// wait ends at once instead of after the source's Retry-After.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "integration/engine_run_fixture.hpp"

namespace hw::test {
namespace {

using Fault = MockUpstream::Fault;
using std::chrono::seconds;
using std::chrono::steady_clock;

class CancelTest : public EngineRunTest {
 protected:
  // The fixture's settings, but a Retry-After of up to 30 s is waited out in full.
  void SetUp() override {
    EngineRunTest::SetUp();
    ASSERT_EQ(engine_server_->stop(), 0);
    const std::string config = dir_.path() + "/long_retries.json";
    std::ofstream(config) << R"({"engine": {"connectTimeoutMillis": 300,
        "readTimeoutMillis": 400, "maxAttempts": 3, "retryBaseDelayMillis": 20,
        "retryMaxDelayMillis": 30000}})";
    engine_server_ =
        std::make_unique<ServerProcess>(dir_.path(), std::vector<std::string>{"--config", config});
    client_ = HttpClient(engine_server_->base_url());
  }

  // Polls until the mock has seen `n` requests, bounded.
  bool requests_reach(std::size_t n) {
    const auto deadline = steady_clock::now() + seconds(10);
    while (upstream_.requests().size() < n) {
      if (steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }
};

TEST_F(CancelTest, DisablingAFlowEndsItsRunWaitingOutA429WithoutAnotherRequest) {
  const std::string flow = flow_on(
      connection_with("Basic Authentication", {{"username", "ann"}, {"password", "s3cret"}}));
  upstream_.inject(Fault::status429, 0, 1, 30);  // the first page: Retry-After: 30
  const std::string run_id = start_run(flow);
  ASSERT_TRUE(requests_reach(1));
  const auto disabled = steady_clock::now();
  require_status(client_.post(join(kFlows, flow) + "/action?op=disable", ""), 200);
  const auto run = finished_run(run_id);
  EXPECT_LT(steady_clock::now() - disabled, seconds(5));
  ASSERT_EQ(status_of(run), "failed") << run;
  EXPECT_EQ(str(error_of(run), "code"), "CANCELLED");
  EXPECT_EQ(str(error_of(run), "message"), "the run was cancelled");
  EXPECT_EQ(upstream_.requests().size(), 1U);
}

}  // namespace
}  // namespace hw::test

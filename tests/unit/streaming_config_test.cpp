// The config file's streaming settings, public base URL and read timeouts.
#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>

#include "config/serve_config.hpp"
#include "support/server_process.hpp"

namespace hw::config {
namespace {

using namespace std::chrono_literals;

class StreamingConfigTest : public ::testing::Test {
 protected:
  ServeConfig load(const std::string& json) {
    const std::string file = dir_.path() + "/headwater.json";
    std::ofstream(file) << json;
    ServeConfig config;
    load_config_file(file, config);
    return config;
  }

  std::string refusal(const std::string& json) {
    try {
      load(json);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    ADD_FAILURE() << "accepted " << json;
    return {};
  }

  test::TempDir dir_;
};

TEST_F(StreamingConfigTest, EverySettingArrives) {
  const auto c = load(R"({"publicBaseUrl": "https://in.example.com", "readTimeoutSeconds": 5,
      "idleTimeoutSeconds": 9, "streaming": {"windowSeconds": 2, "maxPendingBytes": 2097152,
      "maxQueuedEvents": 7, "writers": 2}})");
  EXPECT_EQ(c.public_base_url, "https://in.example.com");
  EXPECT_EQ(c.server.read_timeout, 5s);
  EXPECT_EQ(c.server.idle_timeout, 9s);
  EXPECT_EQ(c.streaming.window, 2s);
  EXPECT_EQ(c.streaming.max_pending_bytes, 2097152U);
  EXPECT_EQ(c.streaming.max_queued_events, 7U);
  EXPECT_EQ(c.streaming.writers, 2U);
}

TEST_F(StreamingConfigTest, AbsentSettingsKeepTheirDefaults) {
  const auto c = load("{}");
  EXPECT_EQ(c.public_base_url, "");
  EXPECT_EQ(c.server.read_timeout, 30s);
  EXPECT_EQ(c.streaming.window, 60s);
  EXPECT_EQ(c.streaming.max_pending_bytes, std::size_t{64} << 20);
  EXPECT_EQ(c.streaming.max_queued_events, 2'000'000U);
  EXPECT_EQ(c.streaming.writers, 4U);
}

TEST_F(StreamingConfigTest, RefusesOutOfRangeAndUnknownSettings) {
  const std::string file = dir_.path() + "/headwater.json";
  EXPECT_EQ(refusal(R"({"streaming": {"windowSeconds": 0}})"),
            file + ": streaming.windowSeconds: must be an integer from 1 to 86400");
  EXPECT_EQ(refusal(R"({"streaming": {"writers": 65}})"),
            file + ": streaming.writers: must be an integer from 1 to 64");
  EXPECT_EQ(refusal(R"({"streaming": {"window": 5}})"),
            file +
                ": streaming.window: unknown setting; use windowSeconds, maxPendingBytes, "
                "maxQueuedEvents or writers");
  EXPECT_EQ(refusal(R"({"streaming": 5})"), file + ": streaming: must be an object");
  EXPECT_EQ(refusal(R"({"readTimeoutSeconds": 0})"),
            file + ": readTimeoutSeconds: must be a positive integer");
}

}  // namespace
}  // namespace hw::config

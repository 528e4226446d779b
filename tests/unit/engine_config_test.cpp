#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>

#include "config/serve_config.hpp"
#include "support/server_process.hpp"

namespace hw::config {
namespace {

using std::chrono::milliseconds;

class EngineConfigTest : public ::testing::Test {
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

TEST_F(EngineConfigTest, EverySettingReachesTheFetchOptions) {
  const auto engine = load(R"({"port": 9000, "engine": {"connectTimeoutMillis": 1500,
      "readTimeoutMillis": 2500, "maxAttempts": 7, "retryBaseDelayMillis": 0,
      "retryMaxDelayMillis": 9000, "pagesAhead": 5}})")
                          .engine;
  EXPECT_EQ(engine.connect_timeout, milliseconds(1500));
  EXPECT_EQ(engine.read_timeout, milliseconds(2500));
  EXPECT_EQ(engine.retry.max_attempts, 7U);
  EXPECT_EQ(engine.retry.base_delay, milliseconds(0));
  EXPECT_EQ(engine.retry.max_delay, milliseconds(9000));
  EXPECT_EQ(engine.pages_ahead, 5U);
}

TEST_F(EngineConfigTest, AbsentSettingsKeepTheirDefaults) {
  const auto engine = load(R"({"engine": {"maxAttempts": 2}})").engine;
  EXPECT_EQ(engine.retry.max_attempts, 2U);
  EXPECT_EQ(engine.connect_timeout, milliseconds(10'000));
  EXPECT_EQ(engine.read_timeout, milliseconds(60'000));
  EXPECT_EQ(engine.retry.base_delay, milliseconds(500));
  EXPECT_EQ(engine.retry.max_delay, milliseconds(30'000));
  EXPECT_EQ(engine.pages_ahead, 2U);
}

TEST_F(EngineConfigTest, MistakesAreRefusedWithTheirPath) {
  EXPECT_NE(refusal(R"({"engine": {"maxAttempts": 0}})")
                .find("engine.maxAttempts: must be an integer from 1 to 100"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"engine": {"readTimeoutMillis": "60s"}})").find("engine.readTimeoutMillis"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"engine": {"retryMaxDelayMillis": -1}})").find("from 0 to 86400000"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"engine": {"connectTimeoutMillis": 86400001}})").find("from 1 to"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"engine": {"maxAttempt": 3}})").find("engine.maxAttempt: unknown setting"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"engine": {"pagesAhead": 0}})")
                .find("engine.pagesAhead: must be an integer from 1 to 64"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"engine": 5})").find("engine: must be an object"), std::string::npos);
}

}  // namespace
}  // namespace hw::config

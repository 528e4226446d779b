// The process around the API: durability across restarts and crashes, graceful SIGTERM,
// and the unauthenticated /health and /metrics endpoints.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kByIdRoute = "/data/foundation/flowservice/connectionSpecs/{id}";

class ServerLifecycleTest : public ServerTest {
 protected:
  // The restarted server listens on a new ephemeral port; the old client points nowhere.
  void reconnect() { client_ = HttpClient(server_.base_url()); }

  std::string metrics() {
    const auto response = require_status(client_.get("/metrics", without_adobe_headers()), 200);
    EXPECT_EQ(response.headers.at("Content-Type").rfind("text/plain", 0), 0U);
    return response.body;
  }
};

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

TEST_F(ServerLifecycleTest, SigtermEndsTheServerWithStatusZero) {
  require_status(client_.get(kConnectionSpecs), 200);
  EXPECT_EQ(server_.stop(), 0) << server_.output();
}

TEST_F(ServerLifecycleTest, SpecsAndEtagsSurviveARestart) {
  const auto spec = create_connection_spec(mailchimp_create_body());
  const std::string id = str(spec, "id");
  require_status(add_source(kRestStorageToAep, id), 200);
  const auto flow_spec = get_flow_spec(kRestStorageToAep);
  const auto builtin = get_connection_spec(kGenericRestSpec);

  ASSERT_EQ(server_.stop(), 0) << server_.output();
  server_.restart();
  reconnect();

  const auto response = client_.get(connection_spec_path(id));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers.at("ETag"), str(spec, "etag"));
  EXPECT_EQ(only_item(response), spec);
  EXPECT_EQ(get_flow_spec(kRestStorageToAep), flow_spec);
  EXPECT_EQ(get_connection_spec(kGenericRestSpec), builtin);
}

TEST_F(ServerLifecycleTest, AnAcknowledgedCreateSurvivesSigkill) {
  const auto spec = create_connection_spec(mailchimp_create_body());
  server_.kill9();
  server_.restart();
  reconnect();
  EXPECT_EQ(get_connection_spec(str(spec, "id")), spec);
}

TEST_F(ServerLifecycleTest, HealthNeedsNoHeaders) {
  const auto response = client_.get("/health", without_adobe_headers());
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json().at("status"), "ok");
}

TEST_F(ServerLifecycleTest, MetricsCountRequestsByRouteMethodAndStatus) {
  for (int i = 0; i < 3; ++i)
    require_status(client_.get(connection_spec_path(kGenericRestSpec)), 200);
  for (int i = 0; i < 2; ++i) require_status(client_.get(connection_spec_path("missing")), 404);
  const std::string text = metrics();
  const std::string labels = "route=\"" + std::string(kByIdRoute) + "\",method=\"GET\"";
  EXPECT_TRUE(has_line(text, "headwater_http_requests_total{" + labels + ",status=\"200\"} 3"))
      << text;
  EXPECT_TRUE(has_line(text, "headwater_http_requests_total{" + labels + ",status=\"404\"} 2"))
      << text;
  EXPECT_TRUE(has_line(text, "headwater_http_request_duration_seconds_bucket{route=\"" +
                                 std::string(kByIdRoute) + "\",le=\"+Inf\"} 5"))
      << text;
}

TEST_F(ServerLifecycleTest, MetricsNeedNoHeadersAndStartEmptyForARoute) {
  EXPECT_EQ(metrics().find(std::string(kByIdRoute)), std::string::npos);
}

}  // namespace
}  // namespace hw::test

// The process around the API: durability across restarts and crashes, graceful SIGTERM,
// and the unauthenticated /health and /metrics endpoints.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <csignal>
#include <sstream>
#include <string>
#include <thread>

#include "integration/spec_api_fixture.hpp"
#include "support/raw_connection.hpp"

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

// A request the server has started reading when SIGTERM arrives still gets its answer.
// `Expect: 100-continue` proves the server read the header; a refused new connection
// proves it has begun shutting down; only then does the rest of the body go out.
TEST_F(ServerLifecycleTest, RequestInFlightFinishesAfterSigterm) {
  const std::string body = mailchimp_create_body();
  RawConnection connection(server_.port());
  connection.send("POST " + std::string(kConnectionSpecs) +
                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\nx-api-key: k\r\n"
                  "x-gw-ims-org-id: O@AdobeOrg\r\nContent-Type: application/json\r\n"
                  "Expect: 100-continue\r\nContent-Length: " +
                  std::to_string(body.size()) + "\r\n\r\n");
  ASSERT_NE(connection.read_until("\r\n\r\n").find("100 Continue"), std::string::npos);
  ASSERT_EQ(::kill(server_.pid(), SIGTERM), 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!connection_refused(server_.port()) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  ASSERT_TRUE(connection_refused(server_.port()));
  connection.send(body);
  const std::string answer = connection.read_all();
  EXPECT_NE(answer.find("HTTP/1.1 201 Created"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
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

// Structured logs: HEADWATER_LOG_FORMAT=json (the environment form of --log-format) makes
// every log line one JSON object.
TEST(ServerLogsTest, JsonLogFormatFromTheEnvironmentWritesJsonLines) {
  ::setenv("HEADWATER_LOG_FORMAT", "json", 1);
  TempDir dir;
  ServerProcess server(dir.path());
  ::unsetenv("HEADWATER_LOG_FORMAT");
  ASSERT_EQ(server.stop(), 0);
  std::istringstream lines(server.output());
  int json_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.starts_with("headwater listening on ")) continue;
    const auto log = boost::json::parse(line).as_object();
    EXPECT_TRUE(log.contains("timeMs") && log.contains("level") && log.contains("msg")) << line;
    ++json_lines;
  }
  EXPECT_GE(json_lines, 2);  // "serving on …" and "stopped; store closed"
}

}  // namespace
}  // namespace hw::test

// A source that quotes the credentials it refuses (the mock's /echo/ routes): the start of its
// answer is quoted in run errors, connection tests and `headwater run`, each secret as "***".
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "integration/run_fixture.hpp"
#include "integration/toolkit_command.hpp"

namespace hw::test {
namespace {

// base64("ann:s3cret"): what Basic authentication sends for the mock's own user.
constexpr std::string_view kBasic = "YW5uOnMzY3JldA==";
const std::string kEchoedBasic =
    R"({"title":"Unauthorized","status":401,"detail":"invalid credentials: )"
    R"x(Authorization 'Basic ***' (ann:***)"})x";

bool shows_a_secret(std::string_view text) {
  return text.find("s3cret") != std::string_view::npos ||
         text.find(kBasic) != std::string_view::npos;
}

class SecretEchoTest : public RunTest {
 protected:
  // A Basic connection to the mock's /echo/ routes.
  std::string echo_connection(std::string_view test_url = {}) {
    auto connection = parse_object(basic_connection(spec_id_, "s3cret"));
    auto& params = connection["auth"].as_object()["params"].as_object();
    params["host"] = upstream_.base_url() + "/echo";
    if (!test_url.empty()) params["authorizationTestUrl"] = test_url;
    return create(kConnections, boost::json::serialize(connection));
  }

  // A flow on `connection` that only runs when asked (its schedule starts in 2100).
  std::string flow_on(const std::string& connection) {
    Chain chain{connection, create_source(connection), create_dataset(), {}};
    chain.target = create(kTargetConnections, target_body(chain.dataset));
    auto flow = flow_body(chain);
    flow["scheduleParams"] = {{"startTime", 4102444800}, {"frequency", "hour"}, {"interval", 1}};
    return create(kFlows, boost::json::serialize(flow));
  }
};

TEST_F(SecretEchoTest, ARunsErrorShowsStarsWhereTheSourceEchoedTheCredentials) {
  const auto run = finished_run(start_run(flow_on(echo_connection())));
  const auto& status = run.at("metrics").at("statusSummary");
  ASSERT_EQ(str(status, "status"), "failed") << boost::json::serialize(run);
  const auto& error = status.at("errors").at(0);
  EXPECT_EQ(str(error, "code"), "UPSTREAM_401");
  // The window's times in the query depend on the clock: the rest is exact.
  const std::string message = str(error, "message");
  EXPECT_TRUE(
      message.starts_with("GET " + upstream_.base_url() + "/echo/3.0/lists/abc123/members?"))
      << message;
  EXPECT_TRUE(message.ends_with("&count=100&offset=0 answered 401: " + kEchoedBasic)) << message;
  EXPECT_FALSE(shows_a_secret(boost::json::serialize(run))) << boost::json::serialize(run);
  // The source did get the credentials, and quoted them.
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].headers.at("authorization"), "Basic " + std::string(kBasic));
}

TEST_F(SecretEchoTest, AConnectionTestShowsStarsWhereTheSourceEchoedTheCredentials) {
  const std::string id = echo_connection("/3.0/ping");
  const auto response = client_.get(join(kConnections, id) + "/test");
  expect_error(response, 400, "CONNECTION_TEST_FAILED");
  const std::string reason =
      "GET " + upstream_.base_url() + "/echo/3.0/ping answered 401: " + kEchoedBasic;
  EXPECT_EQ(str(response.json(), "message"), "the connection test failed: " + reason);
  EXPECT_FALSE(shows_a_secret(response.body)) << response.body;
}

// `headwater run` with the docs' MailChimp spec, in a temp dir, against the /echo/ routes.
class SecretEchoCommandTest : public ::testing::Test {
 protected:
  // The members page of [2023-11-14T22:13:20Z, 22:23:20Z), as the spec asks for it.
  const std::string kFirstPage =
      "/echo/3.0/lists/abc123/members?since_last_changed=2023-11-14T22%3A13%3A20%3A0000000Z&"
      "before_last_changed=2023-11-14T22%3A23%3A20%3A0000000Z";

  void SetUp() override {
    write_json("spec.json", mailchimp_with_api_key());
    write_json("params.json", {{"listId", "abc123"}});
  }

  void write_json(const std::string& name, const boost::json::object& o) {
    write_text(dir_.path() + "/" + name, boost::json::serialize(o));
  }
  void write_auth(std::string_view spec_name, boost::json::object params) {
    params["host"] = upstream_.base_url() + "/echo";
    write_json("auth.json", {{"specName", spec_name}, {"params", std::move(params)}});
  }
  CommandResult run() {
    return run_headwater(
        {"run", "--spec", "spec.json", "--auth", "auth.json", "--params", "params.json", "--start",
         "2023-11-14T22:13:20Z", "--end", "2023-11-14T22:23:20Z"},
        dir_.path());
  }

  MockUpstream upstream_;
  TempDir dir_;
};

TEST_F(SecretEchoCommandTest, StderrShowsStarsWhereTheSourceEchoedThePassword) {
  write_auth("Basic Authentication", {{"username", "ann"}, {"password", "s3cret"}});
  const auto result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "headwater run: UPSTREAM_401: GET " + upstream_.base_url() + kFirstPage +
                            "&count=100&offset=0 answered 401: " + kEchoedBasic + "\n");
}

TEST_F(SecretEchoCommandTest, StderrShowsStarsWhereTheSourceEchoedTheApiKey) {
  write_auth("API Key", {{"apikey", "sk_live_abc123"}});
  const auto result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "headwater run: UPSTREAM_401: GET " + upstream_.base_url() + kFirstPage +
                            "&apikey=***&count=100&offset=0 answered 401: " +
                            R"({"title":"Unauthorized","status":401,)" +
                            R"("detail":"invalid credentials: apikey '***'"})" + "\n");
  ASSERT_EQ(upstream_.requests().size(), 1U);
  const std::string sent = upstream_.requests()[0].target;  // requests() returns a copy
  EXPECT_NE(sent.find("apikey=sk_live_abc123"), std::string::npos) << sent;
}

}  // namespace
}  // namespace hw::test

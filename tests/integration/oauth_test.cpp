// OAuth2RefreshCode connections end to end, through the HTTP API: access tokens that expire
// before or during a run are renewed at the connection's accessTokenUrl, the renewed
// tokens are sealed into the connection for the next run, and no token shows anywhere.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <string>

#include "integration/engine_run_fixture.hpp"

namespace hw::test {
namespace {

using Fault = MockUpstream::Fault;

// Access tokens serve two requests, so one expires on the third page of a run, and every
// renewal rotates the refresh token.
MockUpstreamOptions short_lived_tokens() {
  MockUpstreamOptions options;
  options.oauth.uses_per_token = 2;
  options.oauth.rotate_refresh_token = true;
  return options;
}

// YYYY-MM-DD, `days` from now (UTC).
std::string date_in(int days) {
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                   std::chrono::days(days);
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

class OAuthTest : public EngineRunTest {
 protected:
  OAuthTest() : EngineRunTest(short_lived_tokens()) {}

  std::string oauth_connection(std::string_view refresh_token, std::string_view expiration) {
    return connection_with("OAuth2 Refresh Code",
                           {{"clientId", "client-7"},
                            {"clientSecret", "client-secret-7"},
                            {"accessToken", "access-0"},
                            {"refreshToken", refresh_token},
                            {"expirationDate", expiration},
                            {"accessTokenUrl", upstream_.base_url() + "/oauth2/token"}});
  }

  static std::string authorization(const UpstreamRequest& request) {
    const auto it = request.headers.find("authorization");
    return it == request.headers.end() ? std::string() : it->second;
  }

  // Neither the run record nor anything else the API shows may hold one of these.
  static void expect_none_of(const std::string& text, std::initializer_list<const char*> secrets) {
    for (const char* secret : secrets)
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  }

  static constexpr const char* kRenewal =
      "grant_type=refresh_token&refresh_token=refresh-0&client_id=client-7&"
      "client_secret=client-secret-7";
};

TEST_F(OAuthTest, ATokenExpiringMidRunIsRenewedAndTheNextRunUsesTheStoredOne) {
  const std::string connection = oauth_connection("refresh-0", "2100-01-01");
  const std::string etag = str(get(kConnections, connection), "etag");
  const std::string flow = flow_on(connection);
  const std::string expiry_before = date_in(7);
  const auto first = run_to_end(flow);
  const std::string expiry_after = date_in(7);
  ASSERT_EQ(status_of(first), "success") << first;
  EXPECT_EQ(landed_ids(first), members(250));
  EXPECT_EQ(count(first, "outputRecordCount"), 250);

  auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 5U);  // pages 1 and 2, page 3 refused, the renewal, page 3 again
  EXPECT_EQ(authorization(requests[0]), "Bearer access-0");
  EXPECT_EQ(authorization(requests[2]), "Bearer access-0");
  EXPECT_EQ(requests[3].method, "POST");
  EXPECT_EQ(requests[3].target, "/oauth2/token");
  EXPECT_EQ(requests[3].headers.at("content-type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(requests[3].body, kRenewal);
  EXPECT_EQ(requests[4].target, requests[2].target);
  EXPECT_EQ(authorization(requests[4]), "Bearer access-1");

  const auto stored = get(kConnections, connection);
  const auto& params = stored.at("auth").at("params");
  EXPECT_EQ(str(params, "accessToken"), "***");
  EXPECT_EQ(str(params, "refreshToken"), "***");
  EXPECT_EQ(str(params, "clientSecret"), "***");
  const std::string expiry = str(params, "expirationDate");  // the spec says format: date
  EXPECT_TRUE(expiry == expiry_before || expiry == expiry_after) << expiry;
  EXPECT_NE(str(stored, "etag"), etag);
  const std::string shown = boost::json::serialize(first) + boost::json::serialize(stored);
  expect_none_of(shown, {"access-0", "access-1", "refresh-0", "refresh-1", "client-secret-7"});

  const auto second = run_to_end(flow);
  ASSERT_EQ(status_of(second), "success") << second;
  requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 6U);  // one page, no renewal
  EXPECT_EQ(authorization(requests[5]), "Bearer access-1");
}

TEST_F(OAuthTest, ARotatedRefreshTokenIsKeptForTheNextRenewal) {
  const std::string flow = flow_on(oauth_connection("refresh-0", "2100-01-01"));
  ASSERT_EQ(status_of(run_to_end(flow)), "success");  // renews with refresh-0, gets refresh-1
  ASSERT_EQ(status_of(run_to_end(flow)), "success");  // access-1's second request
  const auto third = run_to_end(flow);                // access-1 is used up
  ASSERT_EQ(status_of(third), "success") << third;
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 9U);
  EXPECT_EQ(requests[7].target, "/oauth2/token");
  EXPECT_NE(requests[7].body.find("refresh_token=refresh-1&"), std::string::npos)
      << requests[7].body;
  EXPECT_EQ(authorization(requests[8]), "Bearer access-2");
}

TEST_F(OAuthTest, AnExpiredTokenIsRenewedBeforeTheFirstRequest) {
  const auto run = run_to_end(flow_on(oauth_connection("refresh-0", "2020-01-01")));
  ASSERT_EQ(status_of(run), "success") << run;
  EXPECT_EQ(landed_ids(run), members(250));
  const auto requests = upstream_.requests();
  ASSERT_GE(requests.size(), 2U);
  EXPECT_EQ(requests[0].target, "/oauth2/token");
  EXPECT_EQ(requests[0].body, kRenewal);
  EXPECT_EQ(authorization(requests[1]), "Bearer access-1");
}

TEST_F(OAuthTest, ARefusedRenewalFailsTheRunWithoutEchoingTheTokenEndpoint) {
  // The mock's refusal repeats the refresh token it was sent.
  const auto run = run_to_end(flow_on(oauth_connection("refresh-wrong", "2020-01-01")));
  ASSERT_EQ(status_of(run), "failed") << run;
  EXPECT_EQ(str(error_of(run), "code"), "TOKEN_REFRESH_FAILED");
  const std::string message = str(error_of(run), "message");
  EXPECT_NE(message.find("POST " + upstream_.base_url() +
                         "/oauth2/token answered 400 "
                         "(invalid_grant)"),
            std::string::npos)
      << message;
  expect_none_of(boost::json::serialize(run),
                 {"refresh-wrong", "is not valid", "client-secret-7", "access-0"});
  EXPECT_EQ(upstream_.requests().size(), 1U);  // a refusal is not retried
}

TEST_F(OAuthTest, A401WithARenewedTokenFailsTheRun) {
  const std::string flow = flow_on(oauth_connection("refresh-0", "2100-01-01"));
  upstream_.inject(Fault::status401, 0, 1);  // the first page
  upstream_.inject(Fault::status401, 2, 1);  // the first page again, after the renewal
  const auto run = run_to_end(flow);
  ASSERT_EQ(status_of(run), "failed") << run;
  EXPECT_EQ(str(error_of(run), "code"), "UPSTREAM_401");
  const std::string message = str(error_of(run), "message");
  EXPECT_NE(message.find("answered 401 again with a renewed access token"), std::string::npos)
      << message;
  expect_none_of(boost::json::serialize(run), {"access-0", "access-1", "refresh-0"});
  const auto requests = upstream_.requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[1].target, "/oauth2/token");
  EXPECT_EQ(authorization(requests[2]), "Bearer access-1");
}

}  // namespace
}  // namespace hw::test

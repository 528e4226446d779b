#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <vector>

#include "engine/auth/token_expiry.hpp"
#include "engine/pull.hpp"
#include "engine/run_error.hpp"
#include "engine/source_client.hpp"
#include "support/mock_upstream.hpp"

namespace hw::engine {
namespace {

using auth::Clock;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using test::MockUpstream;

const auto kMarch1 = Clock::time_point(std::chrono::sys_days(std::chrono::year(2024) / 3 / 1));

TEST(TokenExpiryTest, DatesDateTimesAndEpochs) {
  EXPECT_EQ(auth::parse_expiration_date("2024-03-01"), kMarch1);
  EXPECT_EQ(auth::parse_expiration_date("2024-03-01T12:30:00Z"), kMarch1 + hours(12) + minutes(30));
  EXPECT_EQ(auth::parse_expiration_date("2024-03-01t12:30Z"), kMarch1 + hours(12) + minutes(30));
  EXPECT_EQ(auth::parse_expiration_date("2024-03-01 12:30:00.250"),
            kMarch1 + hours(12) + minutes(30));
  EXPECT_EQ(auth::parse_expiration_date("2024-03-01T12:30:00+02:00"),
            kMarch1 + hours(10) + minutes(30));
  EXPECT_EQ(auth::parse_expiration_date("2024-03-01T00:30:00-0100"), kMarch1 + minutes(90));
  EXPECT_EQ(auth::parse_expiration_date("1709251200"), kMarch1);
  EXPECT_EQ(auth::parse_expiration_date("1709251200000"), kMarch1);
}

TEST(TokenExpiryTest, AnythingElseIsUnknown) {
  for (const char* text :
       {"", "tomorrow", "2024-13-01", "2024-02-30", "2024-3-1", "2024-03-01T25:00:00Z",
        "2024-03-01T12:30:00+0", "2024-03-01T12", "2024-03-01X12:30", "12abc"})
    EXPECT_EQ(auth::parse_expiration_date(text), std::nullopt) << text;
}

TEST(TokenExpiryTest, WrittenAsTheAuthSpecDeclaresIt) {
  const auto t = kMarch1 + hours(23) + minutes(59) + seconds(7) + std::chrono::milliseconds(900);
  EXPECT_EQ(auth::format_expiration_date(t, "date"), "2024-03-01");
  EXPECT_EQ(auth::format_expiration_date(t, "date-time"), "2024-03-01T23:59:07Z");
  EXPECT_EQ(auth::format_expiration_date(t, ""), "2024-03-01T23:59:07Z");
  // What is written reads back no later than the real expiry.
  EXPECT_LE(auth::parse_expiration_date(auth::format_expiration_date(t, "date")), t);
  EXPECT_LE(auth::parse_expiration_date(auth::format_expiration_date(t, "date-time")), t);
}

TEST(TokenExpiryTest, RenewalIsDueWithinTheMarginOfTheExpiry) {
  const auto now = kMarch1 + hours(12);
  EXPECT_FALSE(auth::needs_renewal(std::nullopt, now));  // unknown: the 401 tells
  EXPECT_TRUE(auth::needs_renewal(now - days(1), now));
  EXPECT_TRUE(auth::needs_renewal(now, now));
  EXPECT_TRUE(auth::needs_renewal(now + auth::kRenewalMargin, now));
  EXPECT_FALSE(auth::needs_renewal(now + auth::kRenewalMargin + seconds(1), now));
  EXPECT_FALSE(auth::needs_renewal(now + hours(1), now));
}

const boost::json::object kSpec = boost::json::parse(R"({"sourceSpec":{"attributes":{
    "urlParams":{"path":"/3.0/lists/${listId}/members","method":"GET"},
    "contentPath":"$.members",
    "paginationParams":{"type":"OFFSET","limitName":"count","limitValue":"100","offSetName":"offset"}}}})")
                                      .as_object();
const boost::json::object kSourceParams = boost::json::parse(R"({"listId":"L1"})").as_object();

// Adobe's refresh-code auth spec: expirationDate has format "date".
const boost::json::object kAuthSpec = boost::json::parse(R"({"name":"OAuth2 Refresh Code",
    "type":"OAuth2RefreshCode","spec":{"type":"object","properties":{
      "accessToken":{"type":"string","format":"password"},
      "expirationDate":{"type":"string","format":"date"}}}})")
                                          .as_object();

MockUpstream::Options tokens_serving(std::size_t uses) {
  MockUpstream::Options options;
  options.oauth.uses_per_token = uses;
  return options;
}

// A pull of the mock's 250 members (3 pages) with an OAuth2RefreshCode connection.
class EngineOAuthTest : public ::testing::Test {
 protected:
  explicit EngineOAuthTest(MockUpstream::Options options = tokens_serving(2))
      : upstream(std::move(options)) {
    params = {{"host", upstream.base_url()},
              {"accessToken", "access-0"},
              {"refreshToken", "refresh-0"},
              {"clientId", "client-7"},
              {"clientSecret", "client-secret-7"},
              {"accessTokenUrl", upstream.base_url() + "/oauth2/token"}};
    options_.fetch.retry.max_attempts = 1;
    options_.keep_renewed = [this](const RenewedParams& r) { kept.push_back(r); };
  }

  PullStats run(const boost::json::object& auth_spec = kAuthSpec) {
    return pull(
        {kSpec, params, kSourceParams, std::nullopt}, auth_spec,
        [&](std::string_view) { ++records; }, options_);
  }

  RunError failure() {
    try {
      run();
    } catch (const RunError& e) {
      return e;
    }
    ADD_FAILURE() << "no RunError";
    return RunError("NONE", "");
  }

  std::vector<std::string> targets() const {
    std::vector<std::string> out;
    for (const auto& r : upstream.requests()) out.push_back(r.method + " " + r.target);
    return out;
  }

  MockUpstream upstream;
  boost::json::object params;
  PullOptions options_;
  std::vector<RenewedParams> kept;
  std::size_t records = 0;
};

TEST_F(EngineOAuthTest, A401RenewsTheTokenAndTheSamePageIsAskedForAgain) {
  EXPECT_EQ(run().records, 250U);
  EXPECT_EQ(records, 250U);
  const auto requests = upstream.requests();
  ASSERT_EQ(requests.size(), 5U);
  EXPECT_EQ(requests[3].target, "/oauth2/token");
  EXPECT_EQ(requests[3].body,
            "grant_type=refresh_token&refresh_token=refresh-0&client_id=client-7&"
            "client_secret=client-secret-7");
  EXPECT_EQ(requests[4].target, requests[2].target);
  EXPECT_EQ(requests[4].headers.at("authorization"), "Bearer access-1");
  ASSERT_EQ(kept.size(), 1U);
  EXPECT_EQ(kept[0].values.at("accessToken"), "access-1");
  EXPECT_FALSE(kept[0].values.contains("refreshToken"));  // not rotated
  EXPECT_EQ(std::string_view(kept[0].values.at("expirationDate").as_string()),
            auth::format_expiration_date(Clock::now() + days(7), "date"));
  EXPECT_EQ(kept[0].secrets, std::vector<std::string>{"accessToken"});
}

TEST_F(EngineOAuthTest, A401ToARequestWithoutTheCredentialsRenewsNothing) {
  // As a POINTER link to another origin leaves the request: credentials dropped.
  SourceClient client(kSpec.at("sourceSpec").at("attributes").as_object(), kAuthSpec, params,
                      options_.fetch, options_.keep_renewed);
  UpstreamRequest request;
  request.url = upstream.base_url() + "/3.0/lists/L1/members";
  request.secrets = {"access-0", "refresh-0", "client-secret-7"};
  EXPECT_EQ(client.send(request).status, 401);
  EXPECT_EQ(targets(), std::vector<std::string>{"GET /3.0/lists/L1/members"});  // no token call
  EXPECT_TRUE(request.headers.empty());
  EXPECT_TRUE(kept.empty());
}

TEST_F(EngineOAuthTest, AnExpiredTokenIsRenewedBeforeTheFirstPage) {
  params["expirationDate"] = "2024-03-01T00:00:00Z";
  run();
  ASSERT_GE(upstream.requests().size(), 2U);
  EXPECT_EQ(upstream.requests()[0].target, "/oauth2/token");
  EXPECT_EQ(upstream.requests()[1].headers.at("authorization"), "Bearer access-1");
}

TEST_F(EngineOAuthTest, AConnectionWithoutAnAccessTokenGetsOneFirst) {
  params["accessToken"] = "";
  EXPECT_EQ(run().records, 250U);
  EXPECT_EQ(upstream.requests()[0].target, "/oauth2/token");
}

TEST_F(EngineOAuthTest, ATokenThatCannotBeStoredFailsTheRun) {
  options_.keep_renewed = [](const RenewedParams&) {
    throw std::runtime_error("connection c1 was deleted");
  };
  const auto e = failure();
  EXPECT_EQ(e.code(), "TOKEN_NOT_KEPT");
  EXPECT_NE(std::string(e.what()).find("connection c1 was deleted"), std::string::npos);
}

TEST_F(EngineOAuthTest, ATokenValidForLongerIsUsedAsItIs) {
  params["expirationDate"] = auth::format_expiration_date(Clock::now() + hours(2), "");
  run();
  EXPECT_EQ(targets().at(0).rfind("GET /3.0/lists/L1/members?", 0), 0U) << targets().at(0);
}

TEST_F(EngineOAuthTest, WithoutARefreshTokenThe401Stands) {
  params.erase("refreshToken");
  const auto e = failure();
  EXPECT_EQ(e.code(), "UPSTREAM_401");
  EXPECT_EQ(upstream.requests().size(), 3U);  // no call to the token endpoint
  EXPECT_TRUE(kept.empty());
}

TEST_F(EngineOAuthTest, ARefusalNamesTheOAuthErrorButNotTheAnswersBody) {
  params["refreshToken"] = "refresh-stolen";
  const auto e = failure();
  EXPECT_EQ(e.code(), "TOKEN_REFRESH_FAILED");
  const std::string message = e.what();
  EXPECT_NE(message.find("answered 400 (invalid_grant)"), std::string::npos) << message;
  EXPECT_EQ(message.find("refresh-stolen"), std::string::npos) << message;
  EXPECT_EQ(message.find("is not valid"), std::string::npos) << message;
}

TEST_F(EngineOAuthTest, WrongClientCredentialsAreRefused) {
  params["clientSecret"] = "guessed";
  const auto e = failure();
  EXPECT_EQ(e.code(), "TOKEN_REFRESH_FAILED");
  EXPECT_NE(std::string(e.what()).find("answered 401 (invalid_client)"), std::string::npos)
      << e.what();
  EXPECT_EQ(std::string(e.what()).find("guessed"), std::string::npos) << e.what();
}

TEST_F(EngineOAuthTest, ASecond401IsTheRunsEnd) {
  upstream.inject(MockUpstream::Fault::status401, 0, 1);
  upstream.inject(MockUpstream::Fault::status401, 2, 1);
  const auto e = failure();
  EXPECT_EQ(e.code(), "UPSTREAM_401");
  const std::string message = e.what();
  EXPECT_NE(message.find("answered 401 again"), std::string::npos) << message;
  EXPECT_EQ(message.find("access-1"), std::string::npos) << message;
}

MockUpstream::Options renamed_fields() {
  auto options = tokens_serving(2);
  options.oauth.access_token_field = "token";
  options.oauth.refresh_token_field = "rt";
  options.oauth.expires_in_field = "ttl";
  options.oauth.client_id_param = "appId";
  options.oauth.client_secret_param = "appSecret";
  options.oauth.rotate_refresh_token = true;
  options.oauth.expires_in = 3600;
  return options;
}

class RenamedOAuthFieldsTest : public EngineOAuthTest {
 protected:
  RenamedOAuthFieldsTest() : EngineOAuthTest(renamed_fields()) {}
  static constexpr const char* kOverride = R"({"accessTokenField":"token",
      "refreshTokenField":"rt","expireInField":"ttl","clientId":"appId",
      "clientSecret":"appSecret"})";
};

TEST_F(RenamedOAuthFieldsTest, TheConnectionsRequestParameterOverrideRenamesThem) {
  params["requestParameterOverride"] = boost::json::parse(kOverride);
  auto spec = kAuthSpec;
  spec["spec"].as_object()["properties"].as_object()["expirationDate"] = {{"type", "string"},
                                                                          {"format", "date-time"}};
  EXPECT_EQ(run(spec).records, 250U);
  EXPECT_EQ(upstream.requests()[3].body,
            "grant_type=refresh_token&rt=refresh-0&appId=client-7&appSecret=client-secret-7");
  ASSERT_EQ(kept.size(), 1U);
  EXPECT_EQ(kept[0].values.at("accessToken"), "access-1");
  EXPECT_EQ(kept[0].values.at("refreshToken"), "refresh-1");
  EXPECT_EQ(kept[0].secrets, (std::vector<std::string>{"accessToken", "refreshToken"}));
  const auto expiry = auth::parse_expiration_date(kept[0].values.at("expirationDate").as_string());
  ASSERT_TRUE(expiry);
  EXPECT_GT(*expiry, Clock::now() + minutes(58));  // ttl 3600, written as a date-time
  EXPECT_LE(*expiry, Clock::now() + hours(1));
}

TEST_F(RenamedOAuthFieldsTest, TheAuthSpecsDefaultOverrideServesEveryConnection) {
  auto spec = kAuthSpec;
  spec["spec"].as_object()["properties"].as_object()["requestParameterOverride"] = {
      {"type", "object"}, {"default", boost::json::parse(kOverride)}};
  spec["spec"].as_object()["properties"].as_object()["expirationDate"] = {{"type", "string"}};
  EXPECT_EQ(run(spec).records, 250U);
  EXPECT_EQ(upstream.requests()[3].body,
            "grant_type=refresh_token&rt=refresh-0&appId=client-7&appSecret=client-secret-7");
}

TEST_F(RenamedOAuthFieldsTest, AGetTokenRequestCarriesTheFormInItsRedactedQuery) {
  auto override_names = boost::json::parse(kOverride).as_object();
  override_names["authenticationMethod"] = "GET";
  params["requestParameterOverride"] = override_names;
  params["expirationDate"] = "2020-01-01";
  params["clientSecret"] = "wrong-secret";
  const auto e = failure();
  EXPECT_EQ(e.code(), "TOKEN_REFRESH_FAILED");
  EXPECT_EQ(upstream.requests()[0].method, "GET");
  EXPECT_EQ(upstream.requests()[0].target,
            "/oauth2/token?grant_type=refresh_token&rt=refresh-0&appId=client-7&"
            "appSecret=wrong-secret");
  const std::string message = e.what();
  EXPECT_NE(message.find("GET " + upstream.base_url() +
                         "/oauth2/token?grant_type=refresh_token&rt=***&appId=client-7&"
                         "appSecret=*** answered 401 (invalid_client)"),
            std::string::npos)
      << message;
}

}  // namespace
}  // namespace hw::engine

// The Streaming SDK path through the real binary: the seed's spec to events readable in a
// dataset, the inlet endpoints' answers (200, 207 and every error status), and inlet auth
// (HMAC with rotation, OAuth 2.0 bearer tokens, open inlets).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "integration/streaming_fixture.hpp"
#include "util/ids.hpp"

namespace hw::test {
namespace {

std::multiset<std::string> serialized(const std::vector<boost::json::object>& records) {
  std::multiset<std::string> out;
  for (const auto& r : records) out.insert(boost::json::serialize(r));
  return out;
}

bool is_hex64(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(),
                                       [](char c) { return std::isxdigit(c) && !std::isupper(c); });
}

TEST_F(StreamingTest, SeedSpecToSignedEventsReadBackThroughDataAccess) {
  const Stream s = create_stream();
  EXPECT_TRUE(is_hex64(s.inlet_id)) << s.inlet_id;
  EXPECT_EQ(s.inlet_url, server_.base_url() + "/collection/" + s.inlet_id);
  const auto connection = get(kStreamConnections, s.connection);
  EXPECT_EQ(connection.at("auth").at("params").at("secret"), "***");
  EXPECT_EQ(str(get(kStreamFlows, s.flow).at("options"), "inletUrl"), s.inlet_url);

  const std::int64_t before = util::now_ms();
  const auto one = post_signed(single_path(s), enveloped({{"id", 1}, {"name", "first"}}));
  ASSERT_EQ(one.status, 200) << one.body;
  const auto answer = one.json().as_object();
  EXPECT_EQ(str(answer, "inletId"), s.inlet_id);
  EXPECT_FALSE(answer.at("xactionId").as_string().empty());
  EXPECT_GE(answer.at("receivedTimeMs").to_number<std::int64_t>(), before);
  EXPECT_LE(answer.at("receivedTimeMs").to_number<std::int64_t>(), util::now_ms());

  const auto batch =
      post_signed(batch_path(s), R"({"messages":[{"id":2},{"id":3,"tags":["a","b"]},)" +
                                     enveloped({{"id", 4}}) + "]}");
  ASSERT_EQ(batch.status, 207) << batch.body;
  const auto responses = batch.json().at("responses").as_array();
  ASSERT_EQ(responses.size(), 3U);
  for (const auto& r : responses) EXPECT_EQ(r.at("status"), 200) << batch.body;

  wait_for_received(s.flow, 4);
  EXPECT_EQ(serialized(landed(s.flow)),
            (std::multiset<std::string>{R"({"id":1,"name":"first"})", R"({"id":2})",
                                        R"({"id":3,"tags":["a","b"]})", R"({"id":4})"}));
  auto sums = totals(s.flow);
  EXPECT_EQ(sums["inputRecordCount"], 4);
  EXPECT_EQ(sums["outputRecordCount"], 4);
  EXPECT_EQ(sums["failedRecordCount"], 0);
  for (const auto& run : runs_of(s.flow)) {
    EXPECT_EQ(run.at("metrics").at("statusSummary").at("status"), "success");
    EXPECT_LT(run.at("window").at("start").to_number<std::int64_t>(),
              run.at("window").at("end").to_number<std::int64_t>());
  }
}

TEST_F(StreamingTest, ABatchAnswers207AndLandsItsValidMessages) {
  const Stream s = create_stream();
  const std::string body = R"([{"id":1}, 5, {"header":{},"body":{"xdmEntity":"x"}}, {"id":2}])";
  const auto response = post_signed(batch_path(s), body);
  ASSERT_EQ(response.status, 207) << response.body;
  const auto answer = response.json().as_object();
  EXPECT_EQ(str(answer, "inletId"), s.inlet_id);
  const auto& responses = answer.at("responses").as_array();
  ASSERT_EQ(responses.size(), 4U);
  EXPECT_EQ(responses[0].at("status"), 200);
  EXPECT_EQ(responses[1].at("status"), 400);
  EXPECT_EQ(responses[1].at("message"), "a message must be a JSON object");
  EXPECT_EQ(responses[2].at("status"), 400);
  EXPECT_EQ(responses[2].at("message"), "body.xdmEntity must be a JSON object");
  EXPECT_EQ(responses[3].at("status"), 200);
  EXPECT_EQ(str(responses[3], "xactionId"), str(answer, "batchId") + ":3");

  wait_for_received(s.flow, 4);
  EXPECT_EQ(serialized(landed(s.flow)), (std::multiset<std::string>{R"({"id":1})", R"({"id":2})"}));
  EXPECT_EQ(
      serialized(landed(s.flow, "failed")),
      (std::multiset<std::string>{
          R"({"record":5,"reason":"a message must be a JSON object"})",
          R"({"record":{"header":{},"body":{"xdmEntity":"x"}},"reason":"body.xdmEntity must be a JSON object"})"}));
  auto sums = totals(s.flow);
  EXPECT_EQ(sums["inputRecordCount"], 4);
  EXPECT_EQ(sums["outputRecordCount"], 2);
  EXPECT_EQ(sums["failedRecordCount"], 2);
}

TEST_F(StreamingTest, AnUnknownInletIs404) {
  const std::string unknown(64, 'a');
  expect_error(post_signed("/collection/" + unknown, R"({"id":1})"), 404, "INLET_NOT_FOUND");
  expect_error(post_signed("/collection/batch/" + unknown, R"([{"id":1}])"), 404,
               "INLET_NOT_FOUND");
}

TEST_F(StreamingTest, AWrongOrMissingContentTypeIs415) {
  const Stream s = create_stream();
  const std::string body = R"({"id":1})";
  expect_error(post_signed(single_path(s), body, kSecret, {{"Content-Type", "text/plain"}}), 415,
               "UNSUPPORTED_MEDIA_TYPE");
  expect_error(post_signed(batch_path(s), "[" + body + "]", kSecret,
                           {{"Content-Type", "application/x-jackson-smile"}}),
               415, "UNSUPPORTED_MEDIA_TYPE");
  expect_error(post_signed(single_path(s), body, kSecret, {{"Content-Type", ""}}), 415,
               "UNSUPPORTED_MEDIA_TYPE");
  EXPECT_EQ(post_signed(single_path(s), body, kSecret,
                        {{"Content-Type", "Application/JSON; charset=utf-8"}})
                .status,
            200);
}

TEST_F(StreamingTest, ABodyOverOneMegabyteIs413) {
  const Stream s = create_stream();
  const std::string big = R"({"pad":")" + std::string(1 << 20, 'x') + R"("})";
  expect_error(post_signed(single_path(s), big), 413, "PAYLOAD_TOO_LARGE");
  expect_error(post_signed(batch_path(s), "[" + big + "]"), 413, "PAYLOAD_TOO_LARGE");
}

TEST_F(StreamingTest, ABodyThatIsNotAJsonObjectIs400) {
  const Stream s = create_stream();
  expect_error(post_signed(single_path(s), "{not json"), 400, "INVALID_MESSAGE");
  expect_error(post_signed(single_path(s), "[1,2]"), 400, "INVALID_MESSAGE");
  expect_error(post_signed(batch_path(s), R"({"id":1})"), 400, "INVALID_MESSAGE");
  expect_error(post_signed(batch_path(s), "[]"), 400, "INVALID_MESSAGE");
}

TEST_F(StreamingTest, AnInletWithoutAnEnabledFlowIs409) {
  const Stream s = create_stream();
  const std::string lonely =
      create(kStreamConnections, {{"name", "no flow"},
                                  {"connectionSpec", {{"id", s.spec}, {"version", "1.0"}}},
                                  {"auth", hmac_auth(kSecret)}});
  const auto inlet = str(get(kStreamConnections, lonely).at("auth").at("params"), "inletId");
  expect_error(post_signed("/collection/" + inlet, R"({"id":1})"), 409, "NO_ENABLED_FLOW");

  require_status(client_.post(join(kStreamFlows, s.flow) + "/action?op=disable", ""), 200);
  expect_error(post_signed(single_path(s), R"({"id":1})"), 409, "NO_ENABLED_FLOW");
  require_status(client_.post(join(kStreamFlows, s.flow) + "/action?op=enable", ""), 200);
  EXPECT_EQ(post_signed(single_path(s), R"({"id":1})").status, 200);
}

TEST_F(StreamingTest, EveryBadSignatureIs401WithTheSameAnswer) {
  const Stream s = create_stream();
  const std::string body = R"({"id":1})";
  const std::string good = sign(body, kSecret);
  std::string flipped = good;
  flipped[10] = flipped[10] == '0' ? '1' : '0';
  std::vector<HttpResponse> refused{
      client_.post(single_path(s), body),                                         // missing
      post_signed(single_path(s), body, "another-secret"),                        // wrong key
      client_.post(single_path(s), R"({"id":2})", {{"x-hmac-sha256", good}}),     // altered
      client_.post(single_path(s), body + " ", {{"x-hmac-sha256", good}}),        // altered
      client_.post(single_path(s), body, {{"x-hmac-sha256", flipped}}),           // forged
      client_.post(single_path(s), body, {{"x-hmac-sha256", good.substr(2)}}),    // short
      client_.post(single_path(s), body, {{"x-hmac-sha256", "sha256=" + good}}),  // decorated
      client_.post(batch_path(s), "[" + body + "]", {{"x-hmac-sha256", good}}),   // other body
  };
  for (const auto& r : refused) {
    expect_error(r, 401, "UNAUTHORIZED");
    EXPECT_EQ(r.body, refused.front().body);
  }
  EXPECT_EQ(refused.front().body.find(good.substr(0, 8)), std::string::npos);
  std::string upper = good;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(client_.post(single_path(s), body, {{"x-hmac-sha256", upper}}).status, 200);
  EXPECT_EQ(client_.post(single_path(s), body, {{"x-hmac-sha256", good}}).status, 200);
  wait_for_received(s.flow, 2);
  EXPECT_EQ(totals(s.flow)["inputRecordCount"], 2);
}

TEST_F(StreamingTest, PatchingTheSecretRotatesItWithThePreviousOneStillAccepted) {
  const Stream s = create_stream();
  const std::string body = R"({"id":1})";
  const auto path = join(kStreamConnections, s.connection);
  require_status(
      client_.patch(path,
                    R"([{"op":"replace","path":"/auth/params/secret","value":"next-s3cret"}])"),
      200);
  const auto params = get(kStreamConnections, s.connection).at("auth").at("params");
  EXPECT_EQ(params.at("secret"), "***");
  EXPECT_EQ(params.at("previousSecret"), "***");
  EXPECT_EQ(str(params, "inletId"), s.inlet_id);
  EXPECT_EQ(post_signed(single_path(s), body, "next-s3cret").status, 200);
  EXPECT_EQ(post_signed(single_path(s), body, kSecret).status, 200);  // previous, still valid

  require_status(client_.patch(path, R"([{"op":"remove","path":"/auth/params/previousSecret"}])"),
                 200);
  expect_error(post_signed(single_path(s), body, kSecret), 401, "UNAUTHORIZED");  // stale
  EXPECT_EQ(post_signed(single_path(s), body, "next-s3cret").status, 200);
  wait_for_received(s.flow, 3);
  EXPECT_EQ(totals(s.flow)["outputRecordCount"], 3);
}

TEST_F(StreamingTest, AMessageTheMappingCannotUseIsRefusedWithSyncValidation) {
  const auto mapping =
      require_status(client_.post(kStreamMappingSets,
                                  R"({"xdmSchema": "https://ns.adobe.com/tenant/schemas/events",
                       "mappings": [{"sourceType": "ATTRIBUTE", "source": "person.email",
                                     "destination": "personalEmail.address"}]})"),
                     201);
  const Stream s = create_stream(hmac_auth(kSecret), str(mapping.json(), "id"));
  const std::string without_email = enveloped({{"person", {{"name", "Jane"}}}});
  const auto refused = post_signed(single_path(s) + "?syncValidation=true", without_email);
  expect_error(refused, 400, "INVALID_MESSAGE");
  EXPECT_EQ(str(refused.json(), "message"),
            "none of the source attributes of the flow's mapping set is in the event");
  EXPECT_EQ(post_signed(single_path(s) + "?syncValidation=true",
                        enveloped({{"person", {{"email", "jane@example.com"}}}}))
                .status,
            200);
  EXPECT_EQ(post_signed(single_path(s), without_email).status, 200);  // validated when it lands
  wait_for_received(s.flow, 2);
  EXPECT_EQ(serialized(landed(s.flow)),
            std::multiset<std::string>{R"({"personalEmail":{"address":"jane@example.com"}})"});
  EXPECT_EQ(
      serialized(landed(s.flow, "failed")),
      std::multiset<std::string>{
          R"({"record":{"person":{"name":"Jane"}},"reason":"none of the source attributes of the flow's mapping set is in the event"})"});
}

TEST_F(StreamingTest, AnOpenInletNeedsAnExplicitAuthenticationRequiredFalse) {
  const Stream open = create_stream(
      {{"specName", "Streaming Connection"}, {"params", {{"authenticationRequired", false}}}});
  const HeaderList anonymous{{"Authorization", ""}, {"x-api-key", ""}, {"x-gw-ims-org-id", ""}};
  EXPECT_EQ(client_.post(single_path(open), R"({"id":1})", anonymous).status, 200);

  const Stream closed = create_stream({{"specName", "Streaming Connection"}, {"params", {}}});
  expect_error(client_.post(single_path(closed), R"({"id":1})", anonymous), 401, "UNAUTHORIZED");
  EXPECT_EQ(client_.post(single_path(closed), R"({"id":1})").status, 200);  // a bearer token
}

// A deployment with tokens per org: an OAuth 2.0 inlet takes only its org's tokens.
class StreamingTokensTest : public StreamingTest {
 protected:
  StreamingTokensTest()
      : StreamingTest({{"streaming", {{"windowSeconds", 1}}},
                       {"orgs",
                        {{"TESTORG@AdobeOrg", {{"tokens", {"test-token"}}}},
                         {"OTHER@AdobeOrg", {{"tokens", {"other-token"}}}}}}}) {}
};

TEST_F(StreamingTokensTest, AnOAuthInletTakesABearerTokenOfItsOrgOnly) {
  const Stream s = create_stream({{"specName", "OAuth 2.0"}, {"params", {}}});
  const std::string body = R"({"id":1})";
  EXPECT_EQ(client_.post(single_path(s), body, {{"Authorization", "Bearer test-token"}}).status,
            200);
  expect_error(client_.post(single_path(s), body, {{"Authorization", "Bearer other-token"}}), 401,
               "UNAUTHORIZED");
  expect_error(client_.post(single_path(s), body, {{"Authorization", "Bearer nobody"}}), 401,
               "UNAUTHORIZED");
  expect_error(client_.post(single_path(s), body, {{"Authorization", ""}}), 401, "UNAUTHORIZED");
  // An HMAC signature is no substitute for the token.
  expect_error(post_signed(single_path(s), body, kSecret, {{"Authorization", ""}}), 401,
               "UNAUTHORIZED");
}

class StreamingPublicUrlTest : public StreamingTest {
 protected:
  StreamingPublicUrlTest()
      : StreamingTest({{"streaming", {{"windowSeconds", 1}}},
                       {"publicBaseUrl", "https://ingest.example.com/"}}) {}
};

TEST_F(StreamingPublicUrlTest, InletUrlsUseTheConfiguredPublicBaseUrl) {
  const Stream s = create_stream();
  EXPECT_EQ(s.inlet_url, "https://ingest.example.com/collection/" + s.inlet_id);
  EXPECT_EQ(str(get(kStreamFlows, s.flow).at("options"), "inletUrl"), s.inlet_url);
}

}  // namespace
}  // namespace hw::test

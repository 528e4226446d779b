// Hostile and malformed requests: each gets its exact status and error code, and the
// server stays healthy afterwards.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "integration/spec_api_fixture.hpp"
#include "support/raw_connection.hpp"

namespace hw::test {
namespace {

constexpr std::size_t kMaxBody = 1048576;  // 1 MiB
constexpr std::string_view kUnknownId = "00000000-0000-4000-8000-000000000000";

class BadInputTest : public ServerTest {
 protected:
  void TearDown() override {
    // Whatever a test threw at it, the server must still answer.
    const auto health = client_.get("/health", without_adobe_headers());
    EXPECT_EQ(health.status, 200) << health.body;
  }

  HttpResponse post_spec(std::string_view body, const HeaderList& headers = {}) {
    return client_.post(kConnectionSpecs, body, headers);
  }

  // A valid spec whose serialized form is exactly `size` bytes, padded in its description.
  static std::string spec_of_size(std::size_t size) {
    auto spec = parse_object(mailchimp_create_body());
    spec["description"] = "";
    const std::size_t base = boost::json::serialize(spec).size();
    spec["description"] = std::string(size - base, 'a');
    return boost::json::serialize(spec);
  }

  // The MailChimp request text with `members` added at the end of its root object; text, not
  // a DOM, so the test controls the exact bytes (duplicates, escapes, depth).
  static std::string mailchimp_plus(std::string_view members) {
    const std::string body = mailchimp_create_body();
    return body.substr(0, body.rfind('}')) + "," + std::string(members) + "}";
  }

  // `depth` arrays nested inside the spec's root object, which makes depth + 1 levels.
  static std::string spec_nested(std::size_t depth) {
    return mailchimp_plus("\"nested\":" + std::string(depth, '[') + std::string(depth, ']'));
  }
};

TEST_F(BadInputTest, MalformedJsonIs400) {
  for (const char* body : {"{\"name\": ", "{\"name\": \"x\",}", "{} trailing", "{'a': 1}"}) {
    expect_error(post_spec(body), 400, "MALFORMED_JSON");
  }
  const std::string id = str(create_connection_spec(mailchimp_create_body()), "id");
  expect_error(client_.put(connection_spec_path(id), "{\"name\""), 400, "MALFORMED_JSON");
  expect_error(client_.post(std::string(kConnectionSpecs) + "/validate", "nope"), 400,
               "MALFORMED_JSON");
}

TEST_F(BadInputTest, BodyThatIsNotAnObjectIs400) {
  expect_error(post_spec("[1, 2]"), 400, "INVALID_REQUEST");
}

TEST_F(BadInputTest, WrongOrMissingContentTypeIs415) {
  expect_error(post_spec(mailchimp_create_body(), {{"Content-Type", "text/plain"}}), 415,
               "UNSUPPORTED_MEDIA_TYPE");
  expect_error(post_spec(mailchimp_create_body(), {{"Content-Type", ""}}), 415,
               "UNSUPPORTED_MEDIA_TYPE");
  expect_error(client_.put(flow_spec_path(kRestStorageToAep), "{}", {{"Content-Type", "text/xml"}}),
               415, "UNSUPPORTED_MEDIA_TYPE");
  EXPECT_EQ(connection_spec_count(), 3);
}

TEST_F(BadInputTest, JsonContentTypeWithParametersIsAccepted) {
  const auto response =
      post_spec(mailchimp_create_body(), {{"Content-Type", "application/json; charset=utf-8"}});
  EXPECT_EQ(response.status, 201) << response.body;
}

TEST_F(BadInputTest, BodyOverOneMebibyteIs413) {
  expect_error(post_spec(spec_of_size(kMaxBody + 1)), 413, "PAYLOAD_TOO_LARGE");
}

// Far more than the socket buffers hold: the server answers before the client has finished
// sending, and the client must still read the 413.
// Requests refused before routing still show in /metrics, so an operator sees them.
TEST_F(BadInputTest, RefusalsBeforeRoutingAreCountedInMetrics) {
  expect_error(post_spec(spec_of_size(kMaxBody + 1)), 413, "PAYLOAD_TOO_LARGE");
  const std::string text = client_.get("/metrics").body;
  EXPECT_NE(
      text.find(
          "headwater_http_requests_total{route=\"unrouted\",method=\"-\",status=\"413\"} 1\n"),
      std::string::npos)
      << text;
}

TEST_F(BadInputTest, BodyFarOverTheLimitIs413) {
  expect_error(post_spec(spec_of_size(8 * kMaxBody)), 413, "PAYLOAD_TOO_LARGE");
}

TEST_F(BadInputTest, BodyOfExactlyOneMebibyteIsAccepted) {
  const std::string body = spec_of_size(kMaxBody);
  ASSERT_EQ(body.size(), kMaxBody);
  const auto response = post_spec(body);
  EXPECT_EQ(response.status, 201) << response.body.substr(0, 500);
}

TEST_F(BadInputTest, UnknownIdsAre404) {
  expect_error(client_.get(connection_spec_path(kUnknownId)), 404, "NOT_FOUND");
  expect_error(client_.put(connection_spec_path(kUnknownId), mailchimp_create_body()), 404,
               "NOT_FOUND");
  expect_error(client_.get(flow_spec_path(kUnknownId)), 404, "NOT_FOUND");
  expect_error(client_.put(flow_spec_path(kUnknownId), "{}"), 404, "NOT_FOUND");
  expect_error(client_.get("/data/foundation/flowservice/noSuchThing"), 404, "NOT_FOUND");
}

TEST_F(BadInputTest, WrongMethodIs405WithAllow) {
  const std::vector<std::pair<std::string, std::set<std::string>>> cases = {
      {std::string(kConnectionSpecs), {"GET", "POST"}},
      {connection_spec_path(kGenericRestSpec), {"GET", "PUT", "DELETE"}},
      {std::string(kFlowSpecs), {"GET", "POST"}}};
  for (const auto& [path, allowed] : cases) {
    const auto response = client_.patch(path, "[]");
    expect_error(response, 405, "METHOD_NOT_ALLOWED");
    EXPECT_EQ(allowed_methods(response), allowed) << path;
  }
}

TEST_F(BadInputTest, NestingDeeperThan64LevelsIs400) {
  expect_error(post_spec(spec_nested(64)), 400, "MALFORMED_JSON");
  expect_error(post_spec(std::string(100000, '[') + std::string(100000, ']')), 400,
               "MALFORMED_JSON");
}

TEST_F(BadInputTest, NestingOf64LevelsIsAccepted) {
  const auto response = post_spec(spec_nested(63));
  EXPECT_EQ(response.status, 201) << response.body;
}

// Sends `request` as-is and returns the answer read until the server closes. libcurl
// refuses to send more than 1 MB of request line and headers, so the hostile sizes need this.
HttpResponse raw_exchange(int port, const std::string& request) {
  RawConnection connection(port);
  connection.send(request);
  const std::string answer = connection.read_all();
  HttpResponse response;
  if (answer.rfind("HTTP/1.1 ", 0) == 0) response.status = std::stol(answer.substr(9, 3));
  const auto body = answer.find("\r\n\r\n");
  if (body != std::string::npos) response.body = answer.substr(body + 4);
  return response;
}

std::string get_request(std::string_view target, std::string_view extra_header = {}) {
  return "GET " + std::string(target) +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test-token\r\n"
         "x-api-key: test-client\r\nx-gw-ims-org-id: TESTORG@AdobeOrg\r\n" +
         std::string(extra_header) + "\r\n";
}

// Past its 16 KiB limit on the request line and headers, the server answers 431 without
// reading the rest, and closes.
TEST_F(BadInputTest, HugeHeaderIs431) {
  const std::string header = "x-big: " + std::string(2 << 20, 'h') + "\r\n";
  expect_error(raw_exchange(server_.port(), get_request(kConnectionSpecs, header)), 431,
               "HEADERS_TOO_LARGE");
}

TEST_F(BadInputTest, HugeUrlIs431) {
  const std::string target = std::string(kConnectionSpecs) + "?x=" + std::string(2 << 20, 'u');
  expect_error(raw_exchange(server_.port(), get_request(target)), 431, "HEADERS_TOO_LARGE");
}

TEST_F(BadInputTest, HeadersJustOverTheLimitAre431) {
  const std::string header = "x-big: " + std::string(16 * 1024, 'h') + "\r\n";
  expect_error(raw_exchange(server_.port(), get_request(kConnectionSpecs, header)), 431,
               "HEADERS_TOO_LARGE");
}

TEST_F(BadInputTest, RawRequestHelperSeesNormalAnswers) {
  EXPECT_EQ(
      raw_exchange(server_.port(), get_request(kConnectionSpecs, "Connection: close\r\n")).status,
      200);
}

TEST_F(BadInputTest, HugeStringsInsideASmallBodyAreStored) {
  auto spec = parse_object(mailchimp_create_body());
  spec["description"] = std::string(1000000, 'd');
  const std::string id = str(create_connection_spec(boost::json::serialize(spec)), "id");
  EXPECT_EQ(get_connection_spec(id).at("description").as_string().size(), 1000000U);
}

TEST_F(BadInputTest, EscapeHeavyStringsAreDecoded) {
  std::string escaped;
  for (int i = 0; i < 100000; ++i) escaped += "\\u00e9";
  const auto body = mailchimp_plus("\"description\":\"" + escaped + "\"");
  const std::string id = str(create_connection_spec(body), "id");
  std::string expected;
  for (int i = 0; i < 100000; ++i) expected += "\xc3\xa9";
  EXPECT_EQ(get_connection_spec(id).at("description").as_string(), expected);
}

TEST_F(BadInputTest, DuplicateKeysAreAcceptedAndTheLastWins) {
  std::string body = mailchimp_plus("\"name\": \"last\"");
  body = "{\"name\": \"first\"," + body.substr(body.find('{') + 1);
  const auto created = create_connection_spec(body);
  EXPECT_EQ(created.at("name"), "last");
  EXPECT_EQ(get_connection_spec(str(created, "id")).at("name"), "last");
}

TEST_F(BadInputTest, MissingOrNonBearerAuthorizationIs401) {
  for (const char* value : {"", "Basic dXNlcjpwYXNz", "Bearer", "Token abc"}) {
    const auto response = client_.get(kConnectionSpecs, {{"Authorization", value}});
    expect_error(response, 401, "UNAUTHORIZED");
  }
  expect_error(post_spec(mailchimp_create_body(), {{"Authorization", ""}}), 401, "UNAUTHORIZED");
  EXPECT_EQ(connection_spec_count(), 3);
}

TEST_F(BadInputTest, MissingApiKeyOrOrgIs403) {
  for (const char* header : {"x-api-key", "x-gw-ims-org-id"}) {
    const auto response = client_.get(kConnectionSpecs, {{header, ""}});
    expect_error(response, 403, "FORBIDDEN");
    EXPECT_TRUE(has_error_at(response, "headers." + std::string(header)));
  }
}

TEST_F(BadInputTest, SandboxDefaultsToProd) {
  const std::string id = str(create_connection_spec(mailchimp_create_body()), "id");
  const auto response = client_.get(connection_spec_path(id), {{"x-sandbox-name", ""}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(only_item(response).at("sandboxName"), "prod");
}

}  // namespace
}  // namespace hw::test

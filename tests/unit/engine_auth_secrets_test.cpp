// The secrets each authenticator lists on a request: what every message redacts
// (engine/redact.hpp), so a source echoing any of them shows "***".
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "engine/auth/authenticator.hpp"

namespace hw::engine {
namespace {

using Secrets = std::vector<std::string>;

Secrets secrets_of(std::string_view auth_spec, std::string_view params) {
  UpstreamRequest request;
  request.url = "https://h.example/x";
  make_authenticator(boost::json::parse(auth_spec).as_object(),
                     boost::json::parse(params).as_object())
      ->apply(request);
  return request.secrets;
}

TEST(EngineAuthSecrets, BasicListsThePasswordAndTheEncodedCredentials) {
  EXPECT_EQ(
      secrets_of(R"({"type":"BasicAuthentication"})", R"({"username":"ann","password":"s3cret"})"),
      (Secrets{"s3cret", "YW5uOnMzY3JldA=="}));
}

TEST(EngineAuthSecrets, KeyBasedListsTheKey) {
  EXPECT_EQ(secrets_of(R"({"type":"KeyBased","spec":{"properties":{"apiKey":
                           {"type":"string","restAttributes":{"headerParamName":"X-Key"}}}}})",
                       R"({"apiKey":"key-123"})"),
            Secrets{"key-123"});
}

TEST(EngineAuthSecrets, OAuthListsTheAccessTokenRefreshTokenAndClientSecret) {
  EXPECT_EQ(secrets_of(R"({"type":"OAuth2RefreshCode","spec":{}})",
                       R"({"accessToken":"access-0","refreshToken":"refresh-0",
                           "clientId":"client-7","clientSecret":"client-secret-7"})"),
            (Secrets{"access-0", "refresh-0", "client-secret-7"}));
}

}  // namespace
}  // namespace hw::engine

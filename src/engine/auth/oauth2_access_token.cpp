#include "engine/auth/authenticator.hpp"

namespace hw::engine::auth {
namespace {

// The access token of an OAuth2RefreshCode connection, sent as a bearer token. Refreshing
// it (accessTokenUrl, expirationDate, a 401) is the refresh-code flow's own step.
class OAuth2AccessToken final : public Authenticator {
 public:
  explicit OAuth2AccessToken(std::string token) : token_(std::move(token)) {}

  void apply(UpstreamRequest& request) const override {
    request.set_header("Authorization", "Bearer " + token_);
    request.secrets.push_back(token_);
  }

 private:
  std::string token_;
};

}  // namespace

std::unique_ptr<Authenticator> oauth2_access_token(const boost::json::object& params) {
  return std::make_unique<OAuth2AccessToken>(param(params, "accessToken"));
}

}  // namespace hw::engine::auth

#include "support/mock_oauth.hpp"

#include <boost/json.hpp>

#include <utility>

#include "support/mock_upstream.hpp"

namespace hw::test::mock {
namespace {

Response oauth_error(unsigned status, std::string_view error, std::string_view description) {
  const boost::json::object body{{"error", error}, {"error_description", description}};
  return {status, boost::json::serialize(body), {}};
}

std::string field(const QueryParams& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

std::string bearer(const UpstreamRequest& request) {
  const auto it = request.headers.find("authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (it == request.headers.end() || !it->second.starts_with(kScheme)) return {};
  return it->second.substr(kScheme.size());
}

}  // namespace

OAuthServer::OAuthServer(MockOAuthOptions options)
    : options_(std::move(options)), refresh_token_(options_.refresh_token) {
  tokens_[options_.access_token] = {0, std::chrono::steady_clock::now()};
}

std::string OAuthServer::issue() {
  const std::string token = "access-" + std::to_string(++issued_count_);
  tokens_[token] = {0, std::chrono::steady_clock::now()};
  if (options_.rotate_refresh_token) refresh_token_ = "refresh-" + std::to_string(issued_count_);
  return token;
}

Response OAuthServer::token(const UpstreamRequest& request, const QueryParams& query) {
  const QueryParams form =
      request.method == "POST" ? parse_target("?" + request.body).query : query;
  if (field(form, "grant_type") != "refresh_token")
    return oauth_error(400, "unsupported_grant_type", "only refresh_token is granted here");
  if (field(form, options_.client_id_param) != options_.client_id ||
      field(form, options_.client_secret_param) != options_.client_secret)
    return oauth_error(401, "invalid_client", "unknown client or wrong secret");
  const std::string sent = field(form, options_.refresh_token_field);
  if (sent != refresh_token_)
    return oauth_error(400, "invalid_grant", "refresh token '" + sent + "' is not valid");
  boost::json::object body{{options_.access_token_field, issue()},
                           {"token_type", "Bearer"},
                           {options_.expires_in_field, options_.expires_in}};
  if (options_.rotate_refresh_token) body[options_.refresh_token_field] = refresh_token_;
  return {200, boost::json::serialize(body), {}};
}

bool OAuthServer::accepts(const UpstreamRequest& request) {
  const auto it = tokens_.find(bearer(request));
  if (it == tokens_.end()) return false;
  Issued& issued = it->second;
  const bool used_up = options_.uses_per_token > 0 && issued.uses >= options_.uses_per_token;
  const bool too_old = options_.lifetime.count() > 0 &&
                       std::chrono::steady_clock::now() - issued.at >= options_.lifetime;
  if (used_up || too_old) return false;
  ++issued.uses;
  return true;
}

}  // namespace hw::test::mock

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "engine/auth/authenticator.hpp"
#include "engine/auth/token_expiry.hpp"
#include "engine/run_error.hpp"
#include "engine/template.hpp"
#include "spec/did_you_mean.hpp"

namespace hw::engine::auth {
namespace {

// The names requestParameterOverride may change, OAuth 2.0's (RFC 6749) by default.
// The refresh token's name is the same in the request and in the answer.
struct TokenNames {
  std::string access_token = "access_token";
  std::string refresh_token = "refresh_token";
  std::string expires_in = "expires_in";
  std::string client_id = "client_id";
  std::string client_secret = "client_secret";
  std::string method = "POST";  // authenticationMethod: how the token endpoint is called
};

const boost::json::object* object_member(const boost::json::object* in, std::string_view key) {
  const auto* value = in ? in->if_contains(key) : nullptr;
  return value && value->is_object() ? &value->get_object() : nullptr;
}

// The connection's requestParameterOverride, else the auth spec's own: the `default` of its
// requestParameterOverride property, where an author fixes the names for every connection.
const boost::json::object* overrides(const boost::json::object& spec,
                                     const boost::json::object& params) {
  if (const auto* given = object_member(&params, "requestParameterOverride")) return given;
  const auto* property =
      object_member(object_member(&spec, "properties"), "requestParameterOverride");
  return object_member(property, "default");
}

TokenNames token_names(const boost::json::object& spec, const boost::json::object& params) {
  TokenNames names;
  const auto* given = overrides(spec, params);
  if (!given) return names;
  const auto use = [&](std::string_view key, std::string& name) {
    if (auto value = param(*given, key); !value.empty()) name = std::move(value);
  };
  use("accessTokenField", names.access_token);
  use("refreshTokenField", names.refresh_token);
  use("expireInField", names.expires_in);
  use("clientId", names.client_id);
  use("clientSecret", names.client_secret);
  use("authenticationMethod", names.method);
  return names;
}

// The `format` the auth spec declares for expirationDate ("date" in Adobe's example).
std::string expiration_format(const boost::json::object& spec) {
  const auto* property = object_member(object_member(&spec, "properties"), "expirationDate");
  return property ? param(*property, "format") : std::string();
}

// RFC 6749 §5.2's `error` code of a refusal, such as " (invalid_grant)": a fixed word that
// helps a person, unlike the rest of the body, which may echo what was sent.
std::string oauth_error(const std::string& body) {
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object()) return {};
  const std::string code = param(parsed.get_object(), "error");
  const bool word = !code.empty() && code.size() <= 64 &&
                    std::all_of(code.begin(), code.end(), [](unsigned char c) {
                      return std::isalnum(c) || c == '_' || c == '-' || c == '.';
                    });
  return word ? " (" + code + ")" : std::string();
}

std::optional<std::chrono::seconds> lifetime(const boost::json::object& answer,
                                             std::string_view name) {
  const std::string text = param(answer, name);
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || seconds < 0)
    return std::nullopt;
  return std::chrono::seconds(seconds);
}

// OAuth2RefreshCode: the access token as a bearer token, renewed at accessTokenUrl with the
// refresh token (grant_type=refresh_token) when expirationDate has passed or the source
// answers 401.
class OAuth2RefreshCode final : public Authenticator {
 public:
  OAuth2RefreshCode(const boost::json::object& spec, const boost::json::object& params,
                    Renewal renewal)
      : access_token_(param(params, "accessToken")),
        refresh_token_(param(params, "refreshToken")),
        client_id_(param(params, "clientId")),
        client_secret_(param(params, "clientSecret")),
        token_url_(param(params, "accessTokenUrl")),
        expiry_(parse_expiration_date(param(params, "expirationDate"))),
        expiry_format_(expiration_format(spec)),
        names_(token_names(spec, params)),
        renewal_(std::move(renewal)) {}

  // The refresh token and client secret are not sent to the source, but are listed too:
  // a source that echoes what it knows of the client must not show them.
  void apply(UpstreamRequest& request) const override {
    request.set_header("Authorization", "Bearer " + access_token_);
    request.secrets.insert(request.secrets.end(), {access_token_, refresh_token_, client_secret_});
  }

  void renew_if_expired() override {
    if (can_renew() && (access_token_.empty() || needs_renewal(expiry_, Clock::now()))) refresh();
  }

  bool renew() override {
    if (!can_renew()) return false;
    refresh();
    return true;
  }

 private:
  bool can_renew() const { return renewal_.send && !refresh_token_.empty() && !token_url_.empty(); }
  std::string form() const;
  UpstreamRequest token_request() const;
  void refresh();
  RenewedParams take(const boost::json::object& answer);

  std::string access_token_;
  std::string refresh_token_;
  std::string client_id_;
  std::string client_secret_;
  std::string token_url_;
  std::optional<Clock::time_point> expiry_;
  std::string expiry_format_;
  TokenNames names_;
  Renewal renewal_;
};

std::string OAuth2RefreshCode::form() const {
  std::string out = "grant_type=refresh_token";
  const auto add = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) out += "&" + url_encode(name) + "=" + url_encode(value);
  };
  add(names_.refresh_token, refresh_token_);
  add(names_.client_id, client_id_);
  add(names_.client_secret, client_secret_);
  return out;
}

UpstreamRequest OAuth2RefreshCode::token_request() const {
  UpstreamRequest request;
  request.secrets = {refresh_token_, client_secret_};
  request.set_header("Accept", "application/json");
  if (spec::iequals(names_.method, "GET")) {
    request.url = token_url_ + (token_url_.find('?') == std::string::npos ? "?" : "&") + form();
    return request;
  }
  request.method = "POST";
  request.url = token_url_;
  request.set_header("Content-Type", "application/x-www-form-urlencoded");
  request.body = form();
  return request;
}

void OAuth2RefreshCode::refresh() {
  const UpstreamRequest request = token_request();
  const UpstreamResponse answer = renewal_.send(request);
  const std::string where = request.method + " " + request.describe();
  if (answer.status < 200 || answer.status >= 300) {
    throw RunError("TOKEN_REFRESH_FAILED",
                   "renewing the access token failed: " + where + " answered " +
                       std::to_string(answer.status) + oauth_error(answer.body) +
                       "; check the connection's refreshToken, clientId and clientSecret");
  }
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(answer.body, ec);
  if (ec || !parsed.is_object() || param(parsed.get_object(), names_.access_token).empty()) {
    throw RunError("TOKEN_REFRESH_FAILED",
                   "renewing the access token failed: " + where +
                       " answered without a JSON object holding '" + names_.access_token +
                       "'; requestParameterOverride.accessTokenField names another field");
  }
  const RenewedParams renewed = take(parsed.get_object());
  if (!renewal_.keep) return;
  try {
    renewal_.keep(renewed);
  } catch (const std::exception& e) {
    // The run could go on, but a rotated refresh token would be lost for the next one.
    throw RunError("TOKEN_NOT_KEPT",
                   std::string("the renewed access token could not be stored: ") + e.what());
  }
}

RenewedParams OAuth2RefreshCode::take(const boost::json::object& answer) {
  RenewedParams renewed;
  access_token_ = param(answer, names_.access_token);
  renewed.values["accessToken"] = access_token_;
  renewed.secrets.emplace_back("accessToken");
  if (auto rotated = param(answer, names_.refresh_token);
      !rotated.empty() && rotated != refresh_token_) {
    refresh_token_ = std::move(rotated);
    renewed.values["refreshToken"] = refresh_token_;
    renewed.secrets.emplace_back("refreshToken");
  }
  if (const auto seconds = lifetime(answer, names_.expires_in)) {
    expiry_ = Clock::now() + *seconds;
    renewed.values["expirationDate"] = format_expiration_date(*expiry_, expiry_format_);
  }
  return renewed;
}

}  // namespace

std::unique_ptr<Authenticator> oauth2_refresh_code(const boost::json::object& spec,
                                                   const boost::json::object& params,
                                                   Renewal renewal) {
  return std::make_unique<OAuth2RefreshCode>(spec, params, std::move(renewal));
}

}  // namespace hw::engine::auth

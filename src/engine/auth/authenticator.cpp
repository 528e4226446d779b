#include "engine/auth/authenticator.hpp"

#include <boost/json.hpp>

#include "engine/run_error.hpp"
#include "json/serialize.hpp"
#include "spec/did_you_mean.hpp"

namespace hw::engine {

namespace auth {
std::string param(const boost::json::object& params, std::string_view name) {
  const auto* value = params.if_contains(name);
  if (!value || value->is_null()) return {};
  if (value->is_string()) return std::string(value->get_string());
  return hw::json::serialize(*value);
}
}  // namespace auth

std::unique_ptr<Authenticator> make_authenticator(const boost::json::object& auth_spec,
                                                  const boost::json::object& params,
                                                  Renewal renewal) {
  const auto* type = auth_spec.if_contains("type");
  const std::string_view name =
      type && type->is_string() ? std::string_view(type->get_string()) : "";
  const auto* schema = auth_spec.if_contains("spec");
  static const boost::json::object kEmpty;
  const auto& spec = schema && schema->is_object() ? schema->get_object() : kEmpty;
  if (spec::iequals(name, "BasicAuthentication")) return auth::basic_authentication(params);
  if (spec::iequals(name, "KeyBased")) return auth::key_based(spec, params);
  if (spec::iequals(name, "OAuth2RefreshCode"))
    return auth::oauth2_refresh_code(spec, params, std::move(renewal));
  throw RunError("UNSUPPORTED_AUTH",
                 "the engine cannot authenticate with type '" + std::string(name) +
                     "'; use BasicAuthentication, KeyBased or OAuth2RefreshCode");
}

}  // namespace hw::engine

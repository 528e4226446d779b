#pragma once
#include <boost/json/object.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/http_types.hpp"

namespace hw::engine {

// Params an authenticator renewed, for the connection to keep for its next run: `values`
// (an OAuth access token, the refresh token when the server rotated it, the expiry) and
// which of them are `secrets` to seal.
struct RenewedParams {
  boost::json::object values;
  std::vector<std::string> secrets;
};

// What renewing credentials takes: a way to reach the token endpoint, and where the
// renewed params go. An authenticator made without `send` uses the params as they are.
struct Renewal {
  std::function<UpstreamResponse(const UpstreamRequest&)> send;
  std::function<void(const RenewedParams&)> keep;
};

// Adds a connection's credentials to each request to the source, and lists them as
// secrets so no message ever shows them.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual void apply(UpstreamRequest& request) const = 0;
  // Before the first request: renews credentials known to have expired (or missing).
  virtual void renew_if_expired() {}
  // After the source answered 401: renews the credentials. False when they cannot be
  // renewed, so the 401 stands. Throws RunError when the renewal itself fails.
  virtual bool renew() { return false; }
};

// For the authSpec entry a connection chose (`auth_spec`: its name, type, spec) and the
// connection's unsealed auth params. Types match in any letter case. Throws RunError for
// a type the engine cannot run.
std::unique_ptr<Authenticator> make_authenticator(const boost::json::object& auth_spec,
                                                  const boost::json::object& params,
                                                  Renewal renewal = {});

namespace auth {
std::unique_ptr<Authenticator> basic_authentication(const boost::json::object& params);
std::unique_ptr<Authenticator> key_based(const boost::json::object& spec,
                                         const boost::json::object& params);
std::unique_ptr<Authenticator> oauth2_refresh_code(const boost::json::object& spec,
                                                   const boost::json::object& params,
                                                   Renewal renewal);
// A string param, or "" when absent; numbers and booleans are written as JSON writes them.
std::string param(const boost::json::object& params, std::string_view name);
}  // namespace auth

}  // namespace hw::engine

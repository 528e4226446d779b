#pragma once
#include <boost/json/object.hpp>

#include <memory>

#include "engine/http_types.hpp"

namespace hw::engine {

// Adds a connection's credentials to each request to the source, and lists them as
// secrets so no message ever shows them.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual void apply(UpstreamRequest& request) const = 0;
};

// For the authSpec entry a connection chose (`auth_spec`: its name, type, spec) and the
// connection's unsealed auth params. Types match in any letter case. Throws RunError for
// a type the engine cannot run.
std::unique_ptr<Authenticator> make_authenticator(const boost::json::object& auth_spec,
                                                  const boost::json::object& params);

namespace auth {
std::unique_ptr<Authenticator> basic_authentication(const boost::json::object& params);
std::unique_ptr<Authenticator> key_based(const boost::json::object& spec,
                                         const boost::json::object& params);
std::unique_ptr<Authenticator> oauth2_access_token(const boost::json::object& params);
// A string param, or "" when absent; numbers and booleans are written as JSON writes them.
std::string param(const boost::json::object& params, std::string_view name);
}  // namespace auth

}  // namespace hw::engine

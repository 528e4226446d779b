#include "connection/batch_source.hpp"

#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "http/error.hpp"
#include "json/access.hpp"

namespace hw::connection {

const boost::json::object& BatchSource::auth_params() const {
  return json::object_at(json::object_at(connection, "auth"), "params");
}

BatchSource batch_source(Resources& resources, spec::SpecRegistry& specs, const store::Scope& scope,
                         std::string_view id, std::string_view action) {
  auto connection = resources.connections.unsealed(scope, id);
  auto spec =
      specs.resolve(scope, json::string_at(json::object_at(connection, "connectionSpec"), "id"));
  if (!spec || spec->kind != spec::SpecKind::batch_source) {
    throw http::bad_request(
        "only connections to batch (REST) sources can be " + std::string(action),
        {{"connectionSpec.id", "is not a batch source spec"}});
  }
  auto auth_spec =
      find_auth_spec(*spec, json::string_at(json::object_at(connection, "auth"), "specName"));
  if (!auth_spec) {
    throw http::bad_request("the connection's auth spec is no longer in its connection spec",
                            {{"auth.specName", "not found in the connection spec"}});
  }
  return {std::move(connection), std::move(*spec), std::move(*auth_spec)};
}

}  // namespace hw::connection

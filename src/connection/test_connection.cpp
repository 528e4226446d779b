#include "connection/test_connection.hpp"

#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "http/error.hpp"
#include "json/access.hpp"

namespace hw::connection {
engine::ProbeResult test_connection(Resources& resources, spec::SpecRegistry& specs,
                                    const store::Scope& scope, std::string_view id,
                                    const boost::json::object& source_params) {
  const auto connection = resources.connections.unsealed(scope, id);
  const auto spec =
      specs.resolve(scope, json::string_at(json::object_at(connection, "connectionSpec"), "id"));
  if (!spec || spec->kind != spec::SpecKind::batch_source) {
    throw http::bad_request("only connections to batch (REST) sources can be tested",
                            {{"connectionSpec.id", "is not a batch source spec"}});
  }
  const auto& auth = json::object_at(connection, "auth");
  const auto auth_spec = find_auth_spec(*spec, json::string_at(auth, "specName"));
  if (!auth_spec) {
    throw http::bad_request("the connection's auth spec is no longer in its connection spec",
                            {{"auth.specName", "not found in the connection spec"}});
  }
  return engine::probe({spec->spec, json::object_at(auth, "params"), source_params, std::nullopt},
                       *auth_spec, resources.fetch);
}

}  // namespace hw::connection

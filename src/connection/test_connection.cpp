#include "connection/test_connection.hpp"

#include <boost/json.hpp>

#include "connection/batch_source.hpp"

namespace hw::connection {
engine::ProbeResult test_connection(Resources& resources, spec::SpecRegistry& specs,
                                    const store::Scope& scope, std::string_view id,
                                    const boost::json::object& source_params) {
  const auto source = batch_source(resources, specs, scope, id, "tested");
  return engine::probe({source.spec.spec, source.auth_params(), source_params, std::nullopt},
                       source.auth_spec, resources.fetch);
}

}  // namespace hw::connection

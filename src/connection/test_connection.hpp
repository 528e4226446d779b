#pragma once
#include <boost/json/object.hpp>

#include "connection/resources.hpp"
#include "engine/probe.hpp"

namespace hw::connection {

// GET /connections/{id}/test: one real authenticated request with the connection's
// unsealed credentials. `source_params` fill the first page's placeholders when the
// connection has no authorizationTestUrl.
engine::ProbeResult test_connection(Resources& resources, spec::SpecRegistry& specs,
                                    const store::Scope& scope, std::string_view id,
                                    const boost::json::object& source_params);

}  // namespace hw::connection

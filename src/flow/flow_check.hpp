#pragma once
#include <boost/json/object.hpp>

#include "connection/params_resource.hpp"
#include "spec/registry.hpp"

namespace hw::flow {

// What a dataflow must satisfy on create and after a PATCH, every problem at its path:
// `name`; `flowSpec.id` names a flow spec; `sourceConnectionIds` and `targetConnectionIds`
// name existing connections whose connection specs that flow spec lists; `scheduleParams`
// satisfies its `scheduleSpec.spec` (a flow spec without one, i.e. streaming, takes none);
// each of `transformations` is one of its `transformationSpecs` with valid params (a
// Mapping names an existing mapping set); `options` satisfies its `optionSpec.spec`, which
// is also the schema of the flow's secrets (params_schema).
connection::ParamsCheck check_flow(spec::SpecRegistry& specs, store::Store& store,
                                   const store::Scope& scope, const boost::json::object& body);

}  // namespace hw::flow

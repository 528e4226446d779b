#pragma once
#include <string>

#include "connection/params_resource.hpp"
#include "spec/registry.hpp"
#include "store/store.hpp"

namespace hw::streaming {

// Base connections on a streaming spec get an inlet (DESIGN §5): `auth.params.inletId`, kept
// for the connection's life, and `auth.params.inletUrl`, <public_base_url>/collection/<id>.
// A PATCH that changes `secret` without touching `previousSecret` rotates: the old secret
// becomes `previousSecret` and is still accepted until a PATCH removes it.
// `public_base_url` is read at each write; it must outlive the resource.
connection::ParamsResource::Derive connection_inlet(spec::SpecRegistry& specs,
                                                    const std::string& public_base_url);

// Flows on a streaming flow spec get `options.inletUrl`: the inlet of their source
// connection's base connection (the flow spec's optionSpec has the field for it).
connection::ParamsResource::Derive flow_inlet_url(store::Store& store, spec::SpecRegistry& specs);

}  // namespace hw::streaming

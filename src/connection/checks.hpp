#pragma once
#include <boost/json/object.hpp>

#include <optional>

#include "connection/params_resource.hpp"
#include "spec/registry.hpp"

// What each resource of a dataflow must satisfy on create and after a PATCH.
namespace hw::connection {

// A base connection: `auth.specName` picks one of the spec's authSpec entries (for a
// streaming spec, also the inlet methods), and `auth.params` must satisfy its schema.
ParamsCheck check_connection(spec::SpecRegistry& specs, const store::Scope& scope,
                             const boost::json::object& body);

// A source connection: `params` must satisfy the spec's `sourceSpec.spec`; a base
// connection, when named, must exist and be of the same connection spec.
ParamsCheck check_source_connection(spec::SpecRegistry& specs, store::Store& store,
                                    const store::Scope& scope, const boost::json::object& body);

// A target connection: the spec must be a target (the data lake), `params` must satisfy
// its `targetSpec.spec`, and `params.dataSetId` must name an existing dataset.
ParamsCheck check_target_connection(spec::SpecRegistry& specs, store::Store& store,
                                    const store::Scope& scope, const boost::json::object& body);

// The authSpec entry named `spec_name` (exactly, else in any case), counting the inlet
// methods for streaming specs.
std::optional<boost::json::object> find_auth_spec(const spec::SpecRegistry::Resolved& spec,
                                                  std::string_view spec_name);

namespace detail {
void require_name(const boost::json::object& body, std::vector<spec::Issue>& errors);
// The connection spec named by `connectionSpec.id`, or nullopt with an error.
std::optional<spec::SpecRegistry::Resolved> resolve_spec(spec::SpecRegistry& specs,
                                                         const store::Scope& scope,
                                                         const boost::json::object& body,
                                                         std::vector<spec::Issue>& errors);
// Checks `container[key]` (default {}) against `schema`, reporting at `path`
// ("params", "auth.params"); sets check.params_schema.
void check_params(const boost::json::object& container, std::string_view key,
                  const std::string& path, const boost::json::object* schema, ParamsCheck& check);
}  // namespace detail

}  // namespace hw::connection

#include <boost/json.hpp>

#include "connection/checks.hpp"

namespace hw::connection {
namespace {

const boost::json::object* object_at(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

// The base connection, when named, must exist and share the source's connection spec.
void check_base_connection(store::Store& store, const store::Scope& scope,
                           const boost::json::object& body, std::string_view spec_id,
                           std::vector<spec::Issue>& errors) {
  const auto* base = body.if_contains("baseConnectionId");
  if (!base) return;
  if (!base->is_string()) {
    errors.push_back({"baseConnectionId", "must be the id of a base connection"});
    return;
  }
  const auto doc = store.get("connections", scope, base->get_string());
  if (!doc) {
    errors.push_back({"baseConnectionId", "no connection '" + std::string(base->get_string()) +
                                              "' exists in this organization and sandbox"});
    return;
  }
  const auto connection = boost::json::parse(doc->body).as_object();
  const auto* ref = object_at(connection, "connectionSpec");
  const auto* id = ref ? ref->if_contains("id") : nullptr;
  if (id && id->is_string() && id->get_string() != spec_id) {
    errors.push_back({"connectionSpec.id", "the base connection uses connection spec '" +
                                               std::string(id->get_string()) +
                                               "'; use the same one"});
  }
}

}  // namespace

ParamsCheck check_source_connection(spec::SpecRegistry& specs, store::Store& store,
                                    const store::Scope& scope, const boost::json::object& body) {
  ParamsCheck check;
  detail::require_name(body, check.errors);
  const auto resolved = detail::resolve_spec(specs, scope, body, check.errors);
  if (!resolved) return check;
  if (resolved->kind == spec::SpecKind::target) {
    check.errors.push_back(
        {"connectionSpec.id", "is a target spec; a source connection needs a source spec"});
    return check;
  }
  const auto spec_id = boost::json::value_to<std::string>(body.at("connectionSpec").at("id"));
  check_base_connection(store, scope, body, spec_id, check.errors);
  const auto* source_spec = object_at(resolved->spec, "sourceSpec");
  detail::check_params(body, "params", "params",
                       source_spec ? object_at(*source_spec, "spec") : nullptr, check);
  return check;
}

}  // namespace hw::connection

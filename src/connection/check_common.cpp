#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "spec/schema_check.hpp"

namespace hw::connection::detail {

void require_name(const boost::json::object& body, std::vector<spec::Issue>& errors) {
  const auto* name = body.if_contains("name");
  if (!name || !name->is_string() || name->get_string().empty()) {
    errors.push_back({"name", "a non-empty name is required"});
  } else if (name->get_string().size() > 512) {
    errors.push_back({"name", "must be at most 512 characters"});
  }
}

std::optional<spec::SpecRegistry::Resolved> resolve_spec(spec::SpecRegistry& specs,
                                                         const store::Scope& scope,
                                                         const boost::json::object& body,
                                                         std::vector<spec::Issue>& errors) {
  const auto* ref = body.if_contains("connectionSpec");
  const auto* id = ref && ref->is_object() ? ref->get_object().if_contains("id") : nullptr;
  if (!id || !id->is_string()) {
    errors.push_back({"connectionSpec.id",
                      "the connection spec id is required, e.g. "
                      "{\"connectionSpec\": {\"id\": \"…\", \"version\": \"1.0\"}}"});
    return std::nullopt;
  }
  auto resolved = specs.resolve(scope, id->get_string());
  if (!resolved) {
    errors.push_back({"connectionSpec.id", "no connection spec '" + std::string(id->get_string()) +
                                               "' exists in this organization and sandbox"});
  }
  return resolved;
}

void check_params(const boost::json::object& container, std::string_view key,
                  const std::string& path, const boost::json::object* schema, ParamsCheck& check) {
  static const boost::json::value kEmpty = boost::json::object();
  const auto* params = container.if_contains(key);
  if (params && !params->is_object()) {
    check.errors.push_back({path, "must be an object"});
    return;
  }
  if (!schema) return;
  check.params_schema = *schema;
  auto report = spec::validate_instance(*schema, params ? *params : kEmpty, path);
  for (auto& issue : report.errors) check.errors.push_back(std::move(issue));
}

}  // namespace hw::connection::detail

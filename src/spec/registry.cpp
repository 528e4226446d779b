#include "spec/registry.hpp"

#include <boost/json.hpp>

#include "http/error.hpp"
#include "spec/connection_spec_validator.hpp"
#include "spec/flow_spec_usage.hpp"
#include "spec/flow_spec_validator.hpp"

namespace hw::spec {
namespace {

void throw_if_invalid(const Report& report, std::string_view what) {
  if (report.valid()) return;
  throw http::ApiError(400, "INVALID_SPEC",
                       std::string(what) + " is invalid: " + std::to_string(report.errors.size()) +
                           " problem(s); see errors[] for each path",
                       report.errors);
}

void refuse_builtin(std::string_view id, std::string_view action) {
  if (!is_builtin(id)) return;
  throw http::ApiError(409, "BUILTIN_READ_ONLY",
                       "connection spec '" + std::string(id) + "' is built in and cannot be " +
                           std::string(action) + "; POST a copy of it instead");
}

// 409 IN_USE, one error per user, unless there are none.
void refuse_if_used(std::vector<Issue> users, const std::string& message) {
  if (!users.empty()) throw http::ApiError(409, "IN_USE", message, std::move(users));
}

}  // namespace

SpecRegistry::SpecRegistry(store::Store& store)
    : store_(store),
      connection_specs_(store, "connectionSpecs", "connection spec"),
      flow_specs_(store, "flowSpecs", "flow spec") {}

bool SpecRegistry::listed_in_streaming_flow_spec(const store::Scope& scope,
                                                 std::string_view id) const {
  for (const auto& flow_spec :
       store_.referencing("flowSpecs", scope, "sourceConnectionSpecIds", id))
    if (flow_spec == kGenericStreamingAep) return true;
  return false;
}

Report SpecRegistry::check_connection_spec(const store::Scope& scope,
                                           const boost::json::value& body,
                                           std::optional<std::string_view> id) const {
  const bool listed = id && listed_in_streaming_flow_spec(scope, *id);
  return validate_connection_spec(body, listed);
}

boost::json::object SpecRegistry::create_connection_spec(const resource::Caller& caller,
                                                         const boost::json::value& body) {
  throw_if_invalid(check_connection_spec(caller.scope, body, std::nullopt), "the connection spec");
  return connection_specs_.create(caller, body.as_object());
}

boost::json::object SpecRegistry::replace_connection_spec(
    const resource::Caller& caller, std::string_view id, const boost::json::value& body,
    std::optional<std::string_view> if_match) {
  connection_specs_.require(caller.scope, id);
  refuse_builtin(id, "changed");
  throw_if_invalid(check_connection_spec(caller.scope, body, id), "the connection spec");
  return connection_specs_.replace(caller, id, body.as_object(), if_match);
}

void SpecRegistry::delete_connection_spec(const resource::Caller& caller, std::string_view id,
                                          std::optional<std::string_view> if_match) {
  connection_specs_.require(caller.scope, id);
  refuse_builtin(id, "deleted");
  std::vector<Issue> users;
  for (const char* field : {"sourceConnectionSpecIds", "targetConnectionSpecIds"})
    for (const auto& flow_spec : store_.referencing("flowSpecs", caller.scope, field, id))
      users.push_back({"flowSpecs/" + flow_spec + "." + field, "lists this connection spec"});
  for (const auto& connection :
       store_.referencing("connections", caller.scope, "connectionSpec.id", id))
    users.push_back({"connections/" + connection, "uses this connection spec"});
  refuse_if_used(std::move(users), "connection spec '" + std::string(id) +
                                       "' is in use; remove it from the flow specs and "
                                       "connections listed in errors[] first");
  connection_specs_.remove(caller.scope, id, if_match);
}

std::optional<SpecRegistry::Resolved> SpecRegistry::resolve(const store::Scope& scope,
                                                            std::string_view id) const {
  auto doc = connection_specs_.find(scope, id);
  if (!doc) return std::nullopt;
  Resolved out{boost::json::parse(doc->body).as_object(), std::nullopt};
  out.kind = classify_connection_spec(out.spec, listed_in_streaming_flow_spec(scope, id));
  return out;
}

Report SpecRegistry::check_flow_spec(const store::Scope& scope, const boost::json::value& body,
                                     std::string_view id) const {
  auto lookup = [&](std::string_view spec_id) -> std::optional<SpecKind> {
    auto resolved = resolve(scope, spec_id);
    return resolved ? resolved->kind : std::nullopt;
  };
  return validate_flow_spec(body, id, lookup);
}

boost::json::object SpecRegistry::create_flow_spec(const resource::Caller& caller,
                                                   const boost::json::value& body) {
  throw_if_invalid(check_flow_spec(caller.scope, body, ""), "the flow spec");
  return flow_specs_.create(caller, body.as_object());
}

boost::json::object SpecRegistry::replace_flow_spec(const resource::Caller& caller,
                                                    std::string_view id,
                                                    const boost::json::value& body,
                                                    std::optional<std::string_view> if_match) {
  const auto before = flow_specs_.require(caller.scope, id);
  throw_if_invalid(check_flow_spec(caller.scope, body, id), "the flow spec");
  refuse_if_used(
      flows_using_dropped_specs(store_, caller.scope, id,
                                boost::json::parse(before.body).as_object(), body.as_object()),
      "flow spec '" + std::string(id) +
          "' would drop connection specs its flows use; delete the flows listed in "
          "errors[] first, or keep the specs");
  return flow_specs_.replace(caller, id, body.as_object(), if_match);
}

}  // namespace hw::spec

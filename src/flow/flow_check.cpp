#include "flow/flow_check.hpp"

#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "flow/flow_check_parts.hpp"
#include "spec/builtin_ids.hpp"
#include "spec/schema_check.hpp"

namespace hw::flow {
namespace {

using detail::FlowSpec;
using detail::object_at;

std::optional<FlowSpec> resolve_flow_spec(spec::SpecRegistry& specs, const store::Scope& scope,
                                          const boost::json::object& body,
                                          std::vector<spec::Issue>& errors) {
  const auto* ref = object_at(body, "flowSpec");
  const auto* id = ref ? ref->if_contains("id") : nullptr;
  if (!id || !id->is_string()) {
    errors.push_back(
        {"flowSpec.id", "the flow spec id is required, e.g. {\"flowSpec\": {\"id\": \"" +
                            std::string(spec::kRestStorageToAep) +
                            "\", \"version\": \"1.0\"}} for RestStorageToAEP"});
    return std::nullopt;
  }
  const auto doc = specs.flow_specs().find(scope, id->get_string());
  if (!doc) {
    errors.push_back({"flowSpec.id", "no flow spec '" + std::string(id->get_string()) +
                                         "' exists in this organization and sandbox; batch "
                                         "sources use RestStorageToAEP (" +
                                         std::string(spec::kRestStorageToAep) +
                                         "), streaming ones GenericStreamingAEP (" +
                                         std::string(spec::kGenericStreamingAep) + ")"});
    return std::nullopt;
  }
  auto flow_spec = boost::json::parse(doc->body).as_object();
  const auto* name = flow_spec.if_contains("name");
  std::string display = name && name->is_string() ? std::string(name->get_string()) : doc->id;
  return FlowSpec{doc->id, std::move(display), std::move(flow_spec)};
}

// A flow spec without a scheduleSpec is streaming: its flows run as records arrive.
void check_schedule(const boost::json::object& body, const FlowSpec& flow_spec,
                    std::vector<spec::Issue>& errors) {
  const auto* params = body.if_contains("scheduleParams");
  const auto* schedule_spec = object_at(flow_spec.body, "scheduleSpec");
  if (!schedule_spec) {
    // null is how many clients serialize an absent field.
    if (params && !params->is_null()) {
      errors.push_back({"scheduleParams", "flow spec '" + flow_spec.name +
                                              "' has no scheduleSpec: streaming flows run as "
                                              "records arrive and have no schedule; remove it"});
    }
    return;
  }
  if (!params) {
    errors.push_back(
        {"scheduleParams", "is required by flow spec '" + flow_spec.name +
                               "', e.g. {\"startTime\": 1567411548, \"frequency\": \"minute\", "
                               "\"interval\": 15} (startTime in epoch seconds)"});
    return;
  }
  if (const auto* schema = schedule_spec->if_contains("spec")) {
    auto report = spec::validate_instance(*schema, *params, "scheduleParams");
    for (auto& issue : report.errors) errors.push_back(std::move(issue));
  }
}

// `options` is where a flow's params live, so its schema is also the one of its secrets.
void check_options(const boost::json::object& body, const FlowSpec& flow_spec,
                   connection::ParamsCheck& check) {
  const auto* option_spec = object_at(flow_spec.body, "optionSpec");
  connection::detail::check_params(body, "options", "options",
                                   option_spec ? object_at(*option_spec, "spec") : nullptr, check);
}

}  // namespace

connection::ParamsCheck check_flow(spec::SpecRegistry& specs, store::Store& store,
                                   const store::Scope& scope, const boost::json::object& body) {
  connection::ParamsCheck check;
  connection::detail::require_name(body, check.errors);
  const auto flow_spec = resolve_flow_spec(specs, scope, body, check.errors);
  detail::check_connection_ids(store, scope, body, flow_spec ? &*flow_spec : nullptr, check.errors);
  if (!flow_spec) return check;
  check_schedule(body, *flow_spec, check.errors);
  detail::check_transformations(store, scope, body, *flow_spec, check.errors);
  check_options(body, *flow_spec, check);
  return check;
}

}  // namespace hw::flow

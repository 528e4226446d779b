#include "streaming/stream_flow.hpp"

#include <boost/json.hpp>

#include "json/access.hpp"
#include "mapping/mapping_sets.hpp"

namespace hw::streaming {
namespace {

std::optional<boost::json::object> load(store::Store& store, std::string_view kind,
                                        const store::Scope& scope, std::string_view id) {
  const auto doc = store.get(kind, scope, id);
  if (!doc) return std::nullopt;
  return boost::json::parse(doc->body).as_object();
}

std::string first_id(const boost::json::object& flow, std::string_view key) {
  const auto* ids = flow.if_contains(key);
  if (!ids || !ids->is_array() || ids->get_array().empty() || !ids->get_array()[0].is_string())
    return {};
  return std::string(ids->get_array()[0].get_string());
}

// A flow spec without a scheduleSpec is streaming (as flow_check has it).
bool is_streaming_flow_spec(spec::SpecRegistry& specs, const store::Scope& scope,
                            std::string_view id) {
  const auto doc = specs.flow_specs().find(scope, id);
  return doc && !boost::json::parse(doc->body).as_object().contains("scheduleSpec");
}

void load_mapping(store::Store& store, const store::Scope& scope, const boost::json::object& flow,
                  StreamFlow& out) {
  const auto* transformations = flow.if_contains("transformations");
  if (!transformations || !transformations->is_array()) return;
  for (const auto& t : transformations->get_array()) {
    if (!t.is_object() || json::string_at(t.get_object(), "name") != "Mapping") continue;
    const std::string id = json::string_at(json::object_at(t.get_object(), "params"), "mappingId");
    const auto set = load(store, mapping::kMappingSetsKind, scope, id);
    if (!set) {
      out.mapping_error = "mapping set '" + id + "' no longer exists";
      return;
    }
    auto compiled = mapping::MappingSet::compile(*set);
    if (auto* ok = std::get_if<mapping::MappingSet>(&compiled)) {
      out.mapping = std::make_shared<const mapping::MappingSet>(std::move(*ok));
    } else {
      out.mapping_error = "mapping set '" + id + "' does not compile";
    }
    return;
  }
}

}  // namespace

std::optional<StreamFlow> load_stream_flow(store::Store& store, spec::SpecRegistry& specs,
                                           const store::Scope& scope, std::string_view id) {
  const auto flow = load(store, "flows", scope, id);
  if (!flow) return std::nullopt;
  const auto& ref = json::object_at(*flow, "flowSpec");
  if (!is_streaming_flow_spec(specs, scope, json::string_at(ref, "id"))) return std::nullopt;
  StreamFlow out;
  out.id = std::string(id);
  out.enabled = json::string_at(*flow, "state") != "disabled";
  out.flow_spec_ref = ref;
  if (const auto target =
          load(store, "targetConnections", scope, first_id(*flow, "targetConnectionIds"))) {
    out.dataset_id = json::string_at(json::object_at(*target, "params"), "dataSetId");
  }
  load_mapping(store, scope, *flow, out);
  return out;
}

std::vector<StreamFlow> stream_flows_of(store::Store& store, spec::SpecRegistry& specs,
                                        const store::Scope& scope, std::string_view connection_id) {
  std::vector<StreamFlow> out;
  for (const auto& source :
       store.referencing("sourceConnections", scope, "baseConnectionId", connection_id)) {
    for (const auto& flow_id : store.referencing("flows", scope, "sourceConnectionIds", source)) {
      if (auto flow = load_stream_flow(store, specs, scope, flow_id))
        out.push_back(std::move(*flow));
    }
  }
  return out;
}

}  // namespace hw::streaming
